using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.Protocol;
using MtMcp.Backtesting;
using MtMcp.Domain;
using MtMcp.Server.Market;
using MtMcp.Strategies;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>The strategy tools: the built-ins, validation with positions, backtests equal to the library run directly, and the language resource.</summary>
public sealed class StrategyToolsTests(ToolErrorTests.SharedServer shared) : IClassFixture<ToolErrorTests.SharedServer>
{
    [Fact]
    public async Task ListStrategies_Builtins_IncludeSmaCrossWithFastAndSlow()
    {
        var server = shared.Server;
        var json = await server.CallOkAsync("list_strategies");
        var strategies = json.GetProperty("strategies").EnumerateArray().ToList();
        Assert.Equal(StrategyResolver.BuiltinNames.Count, strategies.Count);
        var sma = strategies.Single(s => s.GetProperty("reference").GetString() == "builtin:sma_cross");
        Assert.Equal(["fast", "slow"], sma.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task ValidateStrategy_BadExpression_IsAnAnswerWithLineAndColumn()
    {
        var server = shared.Server;
        var document = "{\n  \"name\": \"broken\",\n  \"long_entry\": \"close > smaa(close, 10)\"\n}";
        var json = await server.CallOkAsync("validate_strategy", new() { ["document"] = document });
        Assert.False(json.GetProperty("valid").GetBoolean());
        var error = json.GetProperty("errors")[0];
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.True(error.GetProperty("column").GetInt32() > 1);
        Assert.Contains("smaa", error.GetProperty("message").GetString() + error.GetProperty("hint").GetString(), StringComparison.Ordinal);

        var good = await server.CallOkAsync("validate_strategy", new() { ["document"] = StrategyResolver.BuiltinSource("sma_cross") });
        Assert.True(good.GetProperty("valid").GetBoolean());
        Assert.Equal(0, good.GetProperty("error_count").GetInt32());
    }

    [Fact]
    public async Task RunBacktest_SmaCrossOnAnIndex_EqualsCompatBacktestRunDirectlyAndReportsProgress()
    {
        var server = shared.Server;
        await using var progress = new ProgressRecorder(server.Client);
        var result = await progress.CallToolAsync("run_backtest", new Dictionary<string, object?>
        {
            ["strategy"] = "builtin:sma_cross", ["symbol"] = "NAS100", ["timeframe"] = "H1", ["bars"] = 600, ["cash"] = 1_000_000,
            ["commission"] = 0.002, ["parameters"] = new Dictionary<string, double> { ["fast"] = 10, ["slow"] = 30 }, ["trades_limit"] = 3,
        });
        Assert.True(result.IsError is null or false, ServerHarness.Text(result));
        var json = result.StructuredContent!.Value;

        // The same bars from the same history the server serves, run through the library itself.
        using var data = new TempDirectory();
        var settings = new ServerSettings { DataDirectory = data.Path };
        using var history = new MarketHistory(settings, new DemoMarket.DemoMarket(settings.DemoMarket with { Symbols = settings.Catalog }), new FakeTimeProvider(ServerHarness.Now));
        var (bars, _) = history.GetBars(settings.Catalog.Get("NAS100"), Timeframe.H1, null, null, 600);
        var expected = CompatBacktest.Run(bars, StrategyResolver.Create("builtin:sma_cross"), new StrategyParameters().Set("fast", 10).Set("slow", 30),
            new CompatOptions { Cash = 1_000_000, CommissionRelative = 0.002 });

        Assert.Equal(bars.Length, json.GetProperty("bars").GetInt32());
        Assert.True(expected.Trades.Count > 2, "the scenario must trade");
        var statistics = json.GetProperty("statistics");
        foreach (var (key, value) in expected.Statistics.ToPairs())
        {
            var actual = statistics.GetProperty(key);
            if (key is "start" or "end")
            {
                Assert.Equal(DateTimeOffset.FromUnixTimeSeconds((long)value), DateTimeOffset.Parse(actual.GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (double.IsFinite(value))
            {
                Assert.Equal(value, actual.GetDouble());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, actual.ValueKind);
            }
        }

        Assert.Equal(expected.Trades.Count, json.GetProperty("trades_total").GetInt32());
        var trades = json.GetProperty("trades").EnumerateArray().ToList();
        Assert.Equal(3, trades.Count);
        Assert.Equal(expected.Trades[1].EntryPrice, trades[1].GetProperty("entry_price").GetDouble());
        Assert.Equal(expected.Trades[1].Profit, trades[1].GetProperty("profit").GetDouble());
        Assert.Equal(3, json.GetProperty("next_trades_offset").GetInt32());
        // Progress notifications travel separately from the result and may be dispatched just after it.
        Assert.NotEmpty(await progress.WaitAsync(r => r.Count > 0));
    }

    [Fact]
    public async Task RunBacktest_NativeInlineDocument_TradesLotsOnTheEngine()
    {
        var server = shared.Server;
        var json = await server.CallOkAsync("run_backtest", new()
        {
            ["document"] = StrategyResolver.BuiltinSource("sma_cross"), ["symbol"] = "EURUSD", ["timeframe"] = "M15", ["bars"] = 800, ["mode"] = "native",
        });
        Assert.Equal("native", json.GetProperty("mode").GetString());
        var statistics = json.GetProperty("statistics");
        Assert.Equal(10_000, statistics.GetProperty("initial_deposit").GetDouble());
        Assert.True(statistics.GetProperty("total_trades").GetInt32() > 0);
        // Balance = deposit + the deals' profit, commission and swap, to the cent.
        var deals = json.GetProperty("trades_total").GetInt32();
        var page = await server.CallOkAsync("run_backtest", new()
        {
            ["document"] = StrategyResolver.BuiltinSource("sma_cross"), ["symbol"] = "EURUSD", ["timeframe"] = "M15", ["bars"] = 800, ["mode"] = "native",
            ["trades_limit"] = 1000,
        });
        var sum = page.GetProperty("deals").EnumerateArray().Sum(d => d.GetProperty("profit").GetDecimal() + d.GetProperty("commission").GetDecimal() + d.GetProperty("swap").GetDecimal());
        Assert.Equal(deals, page.GetProperty("deals").GetArrayLength());
        Assert.Equal((decimal)statistics.GetProperty("final_balance").GetDouble(), sum, 2);
    }

    [Fact]
    public async Task RunBacktest_NativeGeneratedTicks_EqualsTheEngineRunDirectlyAndDiffersFromOpenPrices()
    {
        var server = shared.Server;
        var arguments = new Dictionary<string, object?>
        {
            ["strategy"] = "builtin:sma_cross", ["symbol"] = "EURUSD", ["timeframe"] = "M15", ["bars"] = 800, ["mode"] = "native", ["model"] = "generated_ticks",
        };
        var json = await server.CallOkAsync("run_backtest", arguments);
        Assert.Equal("generated_ticks", json.GetProperty("model").GetString());

        // The same bars through the engine itself, with MT5's tick generation inside each bar.
        using var data = new TempDirectory();
        var settings = new ServerSettings { DataDirectory = data.Path };
        using var history = new MarketHistory(settings, new DemoMarket.DemoMarket(settings.DemoMarket with { Symbols = settings.Catalog }), new FakeTimeProvider(ServerHarness.Now));
        var (bars, _) = history.GetBars(settings.Catalog.Get("EURUSD"), Timeframe.M15, null, null, 800);
        var options = new NativeOptions { Symbol = "EURUSD", Catalog = settings.Catalog, Deposit = 10_000, Leverage = 100 };
        var expected = NativeBacktest.RunBars(bars, Timeframe.M15, NativeModel.GeneratedTicks, StrategyResolver.Create("builtin:sma_cross"), null, options);
        var openPrices = NativeBacktest.RunBars(bars, Timeframe.M15, NativeModel.OpenPrices, StrategyResolver.Create("builtin:sma_cross"), null, options);

        var statistics = json.GetProperty("statistics");
        Assert.True(expected.Deals.Count > 2, "the scenario must trade");
        Assert.Equal(expected.Deals.Count, json.GetProperty("trades_total").GetInt32());
        Assert.Equal((double)expected.FinalBalance, statistics.GetProperty("final_balance").GetDouble());
        // Generated ticks move inside the bar, so the stops and fills are not those of open prices.
        Assert.NotEqual(openPrices.FinalBalance, expected.FinalBalance);

        arguments["model"] = "every_tick";
        var error = await server.CallErrorAsync("run_backtest", arguments);
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("error_code").GetString());
        Assert.Contains("generated_ticks", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrategyLanguageResource_IsTheDocsFile()
    {
        var server = shared.Server;
        var result = await server.Client.ReadResourceAsync("mt://docs/strategy-language", cancellationToken: TestContext.Current.CancellationToken);
        var text = Assert.IsType<TextResourceContents>(Assert.Single(result.Contents)).Text;
        Assert.Equal(File.ReadAllText(Path.Combine(SharedData.RepoRoot, "docs", "strategy-language.md")), text);
    }
}
