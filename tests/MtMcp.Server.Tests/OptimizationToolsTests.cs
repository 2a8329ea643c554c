using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MtMcp.Backtesting;
using MtMcp.Domain;
using MtMcp.Server.Market;
using MtMcp.Strategies;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>optimize_strategy and walk_forward: the same results as the library on the same bars, progress, and bounded work.</summary>
public sealed class OptimizationToolsTests(ToolErrorTests.SharedServer shared) : IClassFixture<ToolErrorTests.SharedServer>
{
    /// <summary>The bars the server serves for NAS100 H1 (market store empty, so the demo market).</summary>
    private static Bar[] ServedBars(int count)
    {
        using var data = new TempDirectory();
        var settings = new ServerSettings { DataDirectory = data.Path };
        using var history = new MarketHistory(settings, new DemoMarket.DemoMarket(settings.DemoMarket with { Symbols = settings.Catalog }), new FakeTimeProvider(ServerHarness.Now));
        return history.GetBars(settings.Catalog.Get("NAS100"), Timeframe.H1, null, null, count).Bars;
    }

    private static double NetProfit(Bar[] bars, double fast, double slow) =>
        CompatBacktest.Run(bars, StrategyResolver.Create("builtin:sma_cross"), new StrategyParameters().Set("fast", fast).Set("slow", slow),
            new CompatOptions { Cash = 1_000_000 }).Statistics.EquityFinal - 1_000_000;

    [Fact]
    public async Task OptimizeStrategy_Grid_RanksAsIndependentBacktestsAndReportsProgress()
    {
        var server = shared.Server;
        await using var progress = new ProgressRecorder(server.Client);
        var result = await progress.CallToolAsync("optimize_strategy", new Dictionary<string, object?>
        {
            ["strategy"] = "builtin:sma_cross", ["symbol"] = "NAS100", ["timeframe"] = "H1", ["bars"] = 800, ["cash"] = 1_000_000,
            ["parameters"] = new Dictionary<string, object> { ["fast"] = "5:15:5", ["slow"] = "20:40:10" }, ["top"] = 9,
        });
        Assert.True(result.IsError is null or false, ServerHarness.Text(result));
        var json = result.StructuredContent!.Value;

        var bars = ServedBars(800);
        Assert.Equal(9, json.GetProperty("combinations").GetInt64());
        Assert.Equal(9, json.GetProperty("passes").GetInt32());
        var rows = json.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(9, rows.Count);
        var expected = new List<double>();
        foreach (var row in rows)
        {
            var p = row.GetProperty("parameters");
            var profit = NetProfit(bars, p.GetProperty("fast").GetDouble(), p.GetProperty("slow").GetDouble());
            Assert.Equal(profit, row.GetProperty("score").GetDouble(), 6);
            Assert.Equal(profit, row.GetProperty("statistics").GetProperty("net_profit").GetDouble(), 6);
            expected.Add(profit);
        }

        Assert.Equal(expected.OrderDescending(), expected);
        // The server awaits every progress notification before it answers; the client may dispatch them after the result.
        var reports = await progress.WaitAsync(r => r.Any(x => x.Progress >= 1));
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.InRange(r.Progress, 1, 9));
        Assert.All(reports, r => Assert.Equal(9, r.Total));
    }

    [Fact]
    public async Task OptimizeStrategy_ConstraintsAndCustomCriterion_ExcludeAndScore()
    {
        var server = shared.Server;
        Dictionary<string, object?> Arguments() => new()
        {
            ["strategy"] = "builtin:sma_cross", ["symbol"] = "NAS100", ["timeframe"] = "H1", ["bars"] = 800, ["cash"] = 1_000_000,
            ["parameters"] = new Dictionary<string, object> { ["fast"] = "5:15:5", ["slow"] = "20:40:10" }, ["top"] = 9,
        };
        var plain = await server.CallOkAsync("optimize_strategy", Arguments());
        var minTrades = plain.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("statistics").GetProperty("trades").GetInt32()).Order().ElementAt(4);
        var arguments = Arguments();
        arguments["criterion"] = "net_profit / trades";
        arguments["constraints"] = new[] { $"trades >= {minTrades}" };

        var json = await server.CallOkAsync("optimize_strategy", arguments);

        Assert.Equal("custom", json.GetProperty("criterion").GetString());
        Assert.Contains(json.GetProperty("results").EnumerateArray(), r => !r.GetProperty("feasible").GetBoolean());
        foreach (var row in json.GetProperty("results").EnumerateArray())
        {
            var s = row.GetProperty("statistics");
            Assert.Equal(s.GetProperty("trades").GetInt32() >= minTrades, row.GetProperty("feasible").GetBoolean());
            Assert.Equal(s.GetProperty("net_profit").GetDouble() / s.GetProperty("trades").GetDouble(), row.GetProperty("score").GetDouble(), 9);
        }
    }

    [Fact]
    public async Task WalkForward_Windows_OutOfSampleEqualsAnIndependentRunOnThoseBarsOnly()
    {
        var server = shared.Server;
        var json = await server.CallOkAsync("walk_forward", new()
        {
            ["strategy"] = "builtin:sma_cross", ["symbol"] = "NAS100", ["timeframe"] = "H1", ["bars"] = 800, ["cash"] = 1_000_000,
            ["parameters"] = new Dictionary<string, object> { ["fast"] = "5:15:5", ["slow"] = "20:40:10" },
            ["in_sample"] = 400, ["out_of_sample"] = 200,
        });

        var bars = ServedBars(800);
        var windows = json.GetProperty("windows").EnumerateArray().ToList();
        Assert.Equal(2, windows.Count);
        for (var k = 0; k < 2; k++)
        {
            var w = windows[k];
            // Hand-computed: window k tests bars [400 + 200k, 600 + 200k) after optimising on [200k, 400 + 200k).
            Assert.Equal(Args(bars[200 * k].Time), w.GetProperty("in_sample_from").GetString());
            Assert.Equal(Args(bars[400 + (200 * k) - 1].Time), w.GetProperty("in_sample_to").GetString());
            Assert.Equal(Args(bars[400 + (200 * k)].Time), w.GetProperty("out_of_sample_from").GetString());
            Assert.Equal(Args(bars[600 + (200 * k) - 1].Time), w.GetProperty("out_of_sample_to").GetString());
            var p = w.GetProperty("parameters");
            var oos = NetProfit(bars[(400 + (200 * k))..(600 + (200 * k))], p.GetProperty("fast").GetDouble(), p.GetProperty("slow").GetDouble());
            Assert.Equal(oos, w.GetProperty("out_of_sample").GetProperty("net_profit").GetDouble(), 6);
        }
    }

    [Fact]
    public async Task OptimizeStrategy_MonteCarlo_BandsOfTheBestPassTradesAsTheLibraryGivesThem()
    {
        var server = shared.Server;
        Dictionary<string, object?> Arguments(int seed) => new()
        {
            ["strategy"] = "builtin:sma_cross", ["symbol"] = "NAS100", ["timeframe"] = "H1", ["bars"] = 800, ["cash"] = 1_000_000,
            ["parameters"] = new Dictionary<string, object> { ["fast"] = "5:15:5", ["slow"] = 30 }, ["monte_carlo"] = 500, ["monte_carlo_seed"] = seed,
        };
        var json = await server.CallOkAsync("optimize_strategy", Arguments(7));

        // The best pass's closed trades, from an independent backtest with its parameters on the same bars.
        var best = json.GetProperty("results")[0].GetProperty("parameters");
        var trades = CompatBacktest.Run(ServedBars(800), StrategyResolver.Create("builtin:sma_cross"),
            new StrategyParameters().Set("fast", best.GetProperty("fast").GetDouble()).Set("slow", 30), new CompatOptions { Cash = 1_000_000 }).Trades;
        Assert.True(trades.Count > 2, "the scenario must trade");
        var expected = MonteCarlo.Run([.. trades.Select(t => t.Profit)], 1_000_000, new MonteCarloOptions { Simulations = 500, Seed = 7 });

        var carlo = json.GetProperty("monte_carlo");
        Assert.Equal((500, trades.Count, 7), (carlo.GetProperty("simulations").GetInt32(), carlo.GetProperty("trades").GetInt32(), carlo.GetProperty("seed").GetInt32()));
        var bands = carlo.GetProperty("bands").EnumerateArray().ToList();
        Assert.Equal([5.0, 50, 95], bands.Select(b => b.GetProperty("percentile").GetDouble()));
        for (var i = 0; i < bands.Count; i++)
        {
            Assert.Equal(expected.Bands[i].ReturnPct, bands[i].GetProperty("return_pct").GetDouble());
            Assert.Equal(expected.Bands[i].MaxDrawdownPct, bands[i].GetProperty("max_drawdown_pct").GetDouble());
        }

        // Resampling from the trades: the median return lies between all-worst and all-best sequences.
        var median = bands[1].GetProperty("return_pct").GetDouble();
        Assert.InRange(median, trades.Min(t => t.Profit) * trades.Count / 1e4, trades.Max(t => t.Profit) * trades.Count / 1e4);
        Assert.Equal(JsonValueKind.Null, (await server.CallOkAsync("optimize_strategy", new()
        {
            ["strategy"] = "builtin:sma_cross", ["symbol"] = "NAS100", ["timeframe"] = "H1", ["bars"] = 800, ["parameters"] = new Dictionary<string, object> { ["fast"] = "5:15:5" },
        })).GetProperty("monte_carlo").ValueKind);
    }

    [Theory]
    [InlineData("""{"strategy":"builtin:sma_cross","symbol":"EURUSD","parameters":{"fast":"2:200:1","slow":"2:500:1"}}""", "parameters", "combinations")]
    [InlineData("""{"strategy":"builtin:sma_cross","symbol":"EURUSD","bars":100000,"parameters":{"fast":"2:40:1","slow":"41:90:1"}}""", "parameters", "bar-passes")]
    [InlineData("""{"strategy":"builtin:sma_cross","symbol":"EURUSD","parameters":{"fats":"2:10"}}""", "parameters", "fats")]
    [InlineData("""{"strategy":"builtin:sma_cross","symbol":"EURUSD","criterion":"sharpe_ration"}""", "criterion", "sharpe_ration")]
    [InlineData("""{"strategy":"builtin:sma_cross","symbol":"EURUSD","method":"annealing"}""", "method", "grid or genetic")]
    [InlineData("""{"strategy":"builtin:sma_cross","symbol":"EURUSD","parameters":{"fast":"5:10"},"forward":5}""", "forward", "1/2")]
    [InlineData("""{"strategy":"builtin:sma_cross","symbol":"EURUSD","parameters":{"fast":"5:10"},"monte_carlo":0}""", "monte_carlo", "10000")]
    [InlineData("""{"strategy":"builtin:sma_cross","symbol":"EURUSD","parameters":{"fast":"5:10"},"monte_carlo_seed":3}""", "monte_carlo_seed", "monte_carlo only")]
    public async Task OptimizeStrategy_BadOrTooLarge_IsInvalidArgumentNamingTheProblem(string arguments, string argument, string message)
    {
        var server = shared.Server;
        var error = await server.CallErrorAsync("optimize_strategy", JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)!);

        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("error_code").GetString());
        Assert.Equal(argument, error.GetProperty("argument").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static string Args(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
