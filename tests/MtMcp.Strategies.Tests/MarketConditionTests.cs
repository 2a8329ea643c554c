namespace MtMcp.Strategies.Tests;

/// <summary>Stand-alone conditions (scan_market, alerts) against hand calculations on the real EURUSD hourly bars.</summary>
public sealed class MarketConditionTests
{
    private static double Sma(Bar[] bars, int end, int period)
    {
        var sum = 0.0;
        for (var i = end - period + 1; i <= end; i++)
        {
            sum += bars[i].Close;
        }

        return sum / period;
    }

    [Fact]
    public void Add_CloseAboveSma_MatchesHandSmaOnEveryBar()
    {
        var bars = TestData.EurUsd;
        var condition = MarketCondition.Compile("close > sma(close, 20)", Timeframe.H1);
        Assert.Equal(["close", "sma(close, 20)"], condition.Series);
        for (var i = 0; i < 300; i++)
        {
            condition.Add(bars[i]);
            Assert.Equal(i >= 19, condition.IsReady);
            Assert.Equal(bars[i].Close, condition.Value(0));
            if (i < 19)
            {
                Assert.False(condition.IsTrue);
                Assert.True(double.IsNaN(condition.Value(1)));
                continue;
            }

            var sma = Sma(bars, i, 20);
            Assert.Equal(sma, condition.Value(1), 1e-12);
            Assert.Equal(bars[i].Close > sma, condition.IsTrue);
        }
    }

    [Fact]
    public void Add_Crossover_IsTrueExactlyOnTheCrossingBars()
    {
        var bars = TestData.EurUsd;
        var condition = MarketCondition.Compile("crossover(sma(close, 10), sma(close, 30)) and close[1] > 0", Timeframe.H1);
        Assert.Equal(["sma(close, 10)", "sma(close, 30)", "close[1]"], condition.Series);
        var crossings = 0;
        for (var i = 0; i < 2000; i++)
        {
            condition.Add(bars[i]);
            var expected = i >= 30 && Sma(bars, i - 1, 10) < Sma(bars, i - 1, 30) && Sma(bars, i, 10) > Sma(bars, i, 30);
            Assert.Equal(expected, condition.IsTrue);
            crossings += expected ? 1 : 0;
        }

        Assert.True(crossings > 10, $"only {crossings} crossings in 2000 bars");
    }

    [Theory]
    [InlineData("close > smaa(close, 20)", 1, 9, "sma")]
    [InlineData("close >\n  rsi(close, 14) +", 2, 19, null)]
    [InlineData("close + 1", 1, 1, "Compare it")]
    [InlineData("close > h1x:close", 1, 9, null)]
    public void Compile_BadCondition_ThrowsPositionedDiagnostic(string text, int line, int column, string? hint)
    {
        var error = Assert.Throws<StrategyException>(() => MarketCondition.Compile(text, Timeframe.H1));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(MarketCondition.Field, diagnostic.Field);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        if (hint is not null)
        {
            Assert.Contains(hint, diagnostic.Hint, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compile_EmptyOrHuge_ThrowsDiagnostic()
    {
        Assert.Throws<StrategyException>(() => MarketCondition.Compile("  ", Timeframe.H1));
        Assert.Throws<StrategyException>(() => MarketCondition.Compile(new string('1', MarketCondition.MaxLength + 1), Timeframe.H1));
    }
}
