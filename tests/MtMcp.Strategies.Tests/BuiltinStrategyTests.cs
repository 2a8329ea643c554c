using MtMcp.Backtesting;

namespace MtMcp.Strategies.Tests;

public class BuiltinStrategyTests
{
    public static TheoryData<string> Names => [.. StrategyResolver.BuiltinNames];

    [Fact]
    public void BuiltinNames_ListsTheSevenIssueStrategies()
    {
        Assert.Equal(
            ["bollinger_breakout", "donchian_turtle", "ema_cross", "macd_trend", "rsi_mean_reversion", "sma_cross", "supertrend"],
            StrategyResolver.BuiltinNames);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Builtin_ValidatesAndTradesOnGoogAndEurUsd(string name)
    {
        var source = StrategyResolver.BuiltinSource(name);
        Assert.True(StrategyDocument.TryParse(source, out var document, out var diagnostics), string.Join("; ", diagnostics));
        Assert.Equal(name, document.Name);

        // Forex on 1:50 leverage, as a retail account; the stock unleveraged.
        foreach (var (bars, options) in new[] { (TestData.Goog, new CompatOptions()), (TestData.EurUsd, new CompatOptions { Margin = 0.02 }) })
        {
            var result = CompatBacktest.Run(bars, StrategyResolver.Create("builtin:" + name), null, options);
            Assert.NotEmpty(result.Trades);
            Assert.True(double.IsFinite(result.Statistics.EquityFinal) && result.Statistics.EquityFinal > 0);
            // Deterministic: a second run gives the same trades.
            Assert.Equal(result.Trades, CompatBacktest.Run(bars, StrategyResolver.Create("builtin:" + name), null, options).Trades);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Builtin_RunsInNativeOpenPricesMode(string name)
    {
        // 1:10, so "all the margin" is a position the account can carry and a 1 %-risk position fits in the margin.
        var result = NativeBacktest.RunBars(
            TestData.EurUsd, Timeframe.H1, NativeModel.OpenPrices, StrategyResolver.Create("builtin:" + name), null, new NativeOptions { Leverage = 10 });

        Assert.True(result.FinalBalance > 0);
        // Every built-in trades, and no request is refused for an off-grid price (stop levels are put on the tick grid; a
        // stop the next bar's open has already passed is still refused, as MetaTrader would).
        Assert.True(result.Deals.Count > 2, $"{name} made only {result.Deals.Count} deals; refused: {string.Join("; ", result.Rejections.Take(3).Select(r => r.Message))}");
        Assert.DoesNotContain(result.Rejections, r => r.Message.Contains("tick grid", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_UnknownBuiltin_SuggestsTheClosestName()
    {
        var error = Assert.Throws<ArgumentException>(() => StrategyResolver.Create("builtin:sma_crross"));

        Assert.Contains("Did you mean sma_cross", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_File_LoadsTheDocument()
    {
        using var directory = new MtMcp.Testing.TempDirectory();
        var path = Path.Combine(directory.Path, "mine.json");
        File.WriteAllText(path, StrategyResolver.BuiltinSource("ema_cross"));

        var strategy = Assert.IsType<LanguageStrategy>(StrategyResolver.Create(path));

        Assert.Equal("ema_cross", strategy.Document.Name);
    }

    [Fact]
    public void Run_ParameterOutsideDeclaredRange_IsRejectedWithTheRange()
    {
        var error = Assert.Throws<StrategyException>(() =>
            CompatBacktest.Run(TestData.Goog, StrategyResolver.Create("builtin:sma_cross"), new StrategyParameters().Set("fast", 1)));

        Assert.Contains("[2, 200]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownParameter_IsRejected()
    {
        Assert.Throws<ArgumentException>(() =>
            CompatBacktest.Run(TestData.Goog, StrategyResolver.Create("builtin:sma_cross"), new StrategyParameters().Set("fsat", 5)));
    }
}
