using Microsoft.Extensions.Time.Testing;
using MtMcp.Backtesting;
using MtMcp.Domain;
using MtMcp.Server.Market;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>
/// C# strategies in the strategy tools: only from the assemblies the configuration lists (strategies.assemblies), and then
/// exactly as the library runs them.
/// </summary>
public sealed class StrategyAssemblyToolsTests
{
    private const string Type = "MtMcp.Strategies.PluginHost.WrappedSmaCross";

    /// <summary>The test plug-in, built next to this project in the same configuration (bin/&lt;config&gt;/&lt;tfm&gt;/).</summary>
    private static string PluginPath()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Path.Combine(SharedData.RepoRoot, "tests", "MtMcp.Strategies.PluginHost", "bin", configuration, tfm, "MtMcp.Strategies.PluginHost.dll");
    }

    private static Task<ServerHarness> StartAsync(bool configured) =>
        ServerHarness.StartAsync(s => configured ? s with { StrategyAssemblies = [PluginPath()] } : s);

    [Fact]
    public async Task RunBacktest_ConfiguredAssemblyByFileName_EqualsTheLibraryRunOfTheSameClass()
    {
        await using var server = await StartAsync(configured: true);
        var json = await server.CallOkAsync("run_backtest", new()
        {
            ["strategy"] = "MtMcp.Strategies.PluginHost.dll:" + Type, ["symbol"] = "NAS100", ["timeframe"] = "H1", ["bars"] = 600, ["cash"] = 1_000_000,
            ["parameters"] = new Dictionary<string, double> { ["fast"] = 10, ["slow"] = 30 },
        });

        using var data = new TempDirectory();
        var settings = new ServerSettings { DataDirectory = data.Path };
        using var history = new MarketHistory(settings, new DemoMarket.DemoMarket(settings.DemoMarket with { Symbols = settings.Catalog }), new FakeTimeProvider(ServerHarness.Now));
        var (bars, _) = history.GetBars(settings.Catalog.Get("NAS100"), Timeframe.H1, null, null, 600);
        var expected = CompatBacktest.Run(bars, new SmaCross(), new StrategyParameters().Set("fast", 10).Set("slow", 30), new CompatOptions { Cash = 1_000_000 });

        Assert.True(expected.Trades.Count > 2, "the scenario must trade");
        Assert.Equal("MtMcp.Strategies.PluginHost.dll:" + Type, json.GetProperty("strategy").GetString());
        Assert.Equal(expected.Trades.Count, json.GetProperty("trades_total").GetInt32());
        Assert.Equal(expected.Statistics.EquityFinal, json.GetProperty("statistics").GetProperty("equity_final").GetDouble());

        // A parameter the class never reads is named, not ignored.
        var unread = await server.CallErrorAsync("run_backtest", new()
        {
            ["strategy"] = PluginPath() + ":" + Type, ["symbol"] = "NAS100", ["parameters"] = new Dictionary<string, double> { ["fats"] = 10 },
        });
        Assert.Equal("INVALID_ARGUMENT", unread.GetProperty("error_code").GetString());
        Assert.Contains("fats", unread.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptimizeStrategy_ConfiguredAssembly_SearchesTheGivenRanges()
    {
        await using var server = await StartAsync(configured: true);
        var json = await server.CallOkAsync("optimize_strategy", new()
        {
            ["strategy"] = PluginPath() + ":" + Type, ["symbol"] = "NAS100", ["timeframe"] = "H1", ["bars"] = 600,
            ["parameters"] = new Dictionary<string, object> { ["fast"] = "5:15:5", ["slow"] = 30 },
        });
        Assert.Equal((3, 3), (json.GetProperty("combinations").GetInt32(), json.GetProperty("passes").GetInt32()));

        var none = await server.CallErrorAsync("optimize_strategy", new() { ["strategy"] = PluginPath() + ":" + Type, ["symbol"] = "NAS100" });
        Assert.Equal("parameters", none.GetProperty("argument").GetString());
        Assert.Contains("declares no ranges", none.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartStrategy_ConfiguredAssembly_RunsNamedByItsClass()
    {
        await using var server = await StartAsync(configured: true);
        var started = await server.CallOkAsync("start_strategy", new() { ["strategy"] = "MtMcp.Strategies.PluginHost.dll:" + Type, ["symbol"] = "EURUSD", ["timeframe"] = "M1" });
        Assert.Equal(("WrappedSmaCross-1", "running"), (started.GetProperty("id").GetString(), started.GetProperty("state").GetString()));
    }

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, "/tmp/elsewhere/")]
    [InlineData(true, "../")]
    public async Task StrategyTools_AssemblyNotConfigured_AreInvalidArgumentAndLoadNothing(bool configured, string prefix)
    {
        await using var server = await StartAsync(configured);
        // The real plug-in's file, named by its full path (unconfigured server), by another folder, or by a relative path.
        var path = configured ? prefix + "MtMcp.Strategies.PluginHost.dll" : PluginPath();
        foreach (var tool in (string[])["run_backtest", "optimize_strategy", "walk_forward", "start_strategy"])
        {
            var error = await server.CallErrorAsync(tool, new() { ["strategy"] = path + ":" + Type, ["symbol"] = "EURUSD" });
            Assert.Equal("INVALID_ARGUMENT", error.GetProperty("error_code").GetString());
            Assert.Equal("strategy", error.GetProperty("argument").GetString());
            Assert.Contains("strategies.assemblies", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }
}
