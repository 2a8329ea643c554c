using MtMcp.Backtesting;

namespace MtMcp.Strategies.Tests;

/// <summary><c>builtin:sma_cross</c> in the language trades exactly as the C# <see cref="SmaCross"/>.</summary>
public class SmaCrossEquivalenceTests
{
    [Theory]
    [InlineData("goog", 10, 20, 0.0)]
    [InlineData("goog", 10, 30, 0.002)]
    [InlineData("goog", 5, 50, 0.0)]
    [InlineData("eurusd", 10, 20, 0.0)]
    [InlineData("eurusd", 20, 60, 0.0002)]
    public void Compat_LanguageSmaCross_EqualsCSharpSmaCross(string data, int fast, int slow, double commission)
    {
        var bars = data == "goog" ? TestData.Goog : TestData.EurUsd;
        var options = new CompatOptions { CommissionRelative = commission };
        StrategyParameters Parameters() => new StrategyParameters().Set("fast", fast).Set("slow", slow);

        var expected = CompatBacktest.Run(bars, new SmaCross(), Parameters(), options);
        var actual = CompatBacktest.Run(bars, StrategyResolver.Create("builtin:sma_cross"), Parameters(), options);

        Assert.True(expected.Trades.Count > 10);
        Assert.Equal(expected.Trades.Count, actual.Trades.Count);
        for (var i = 0; i < expected.Trades.Count; i++)
        {
            // Everything but the tag (the language tags its entries).
            Assert.Equal(expected.Trades[i], actual.Trades[i] with { Tag = expected.Trades[i].Tag });
        }

        Assert.Equal(expected.Equity, actual.Equity);
        Assert.Equal(expected.Statistics.ToPairs(), actual.Statistics.ToPairs());
    }

    [Fact]
    public void Native_LanguageSmaCross_EqualsCSharpSmaCross()
    {
        var options = new NativeOptions { Leverage = 1 };
        var expected = NativeBacktest.RunBars(TestData.EurUsd, Timeframe.H1, NativeModel.OpenPrices, new SmaCross(), null, options);
        var actual = NativeBacktest.RunBars(TestData.EurUsd, Timeframe.H1, NativeModel.OpenPrices, StrategyResolver.Create("builtin:sma_cross"), null, options);

        Assert.Equal(expected.Deals.Count, actual.Deals.Count);
        Assert.True(expected.Deals.Count > 10);
        Assert.Equal(expected.FinalBalance, actual.FinalBalance);
    }
}
