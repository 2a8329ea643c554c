using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MtMcp.Backtesting;
using MtMcp.Domain;
using MtMcp.Server.Market;
using MtMcp.Strategies;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary><c>performance_report</c>: a backtest's report equals the library's run on the same bars; an account's report equals its ledger.</summary>
public sealed class PerformanceReportToolTests
{
    [Fact]
    public async Task PerformanceReport_Backtest_WritesTheFilesWithTheRunsFigures()
    {
        await using var server = await ServerHarness.StartAsync();
        var json = await server.CallOkAsync("performance_report", new()
        {
            ["strategy"] = "builtin:sma_cross", ["symbol"] = "NAS100", ["timeframe"] = "H1", ["bars"] = 600, ["cash"] = 1_000_000,
            ["parameters"] = new Dictionary<string, double> { ["fast"] = 10, ["slow"] = 30 },
        });

        // The same bars from the same history the server serves, run through the library itself.
        using var data = new TempDirectory();
        var settings = new ServerSettings { DataDirectory = data.Path };
        using var history = new MarketHistory(settings, new DemoMarket.DemoMarket(settings.DemoMarket with { Symbols = settings.Catalog }), new FakeTimeProvider(ServerHarness.Now));
        var (bars, _) = history.GetBars(settings.Catalog.Get("NAS100"), Timeframe.H1, null, null, 600);
        var expected = CompatBacktest.Run(bars, StrategyResolver.Create("builtin:sma_cross"), new StrategyParameters().Set("fast", 10).Set("slow", 30),
            new CompatOptions { Cash = 1_000_000 });
        Assert.True(expected.Trades.Count > 2, "the scenario must trade");

        var report = json.GetProperty("report");
        Assert.Equal("backtest", report.GetProperty("kind").GetString());
        Assert.Equal("builtin:sma_cross", report.GetProperty("title").GetString());
        var summary = report.GetProperty("summary");
        Assert.Equal(expected.Statistics.MaxDrawdownPct, summary.GetProperty("max_drawdown_pct").GetDouble());
        Assert.Equal(expected.Statistics.ReturnPct, summary.GetProperty("return_pct").GetDouble());
        Assert.Equal(expected.Trades.Count, report.GetProperty("trade_count").GetInt32());
        Assert.Equal(expected.Trades.Count, report.GetProperty("trade_histogram").GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()));
        Assert.False(report.TryGetProperty("equity_curve", out _)); // the series stay in the file

        var html = json.GetProperty("html_path").GetString()!;
        Assert.StartsWith(Path.Combine(server.Services.GetRequiredService<ServerSettings>().DataDirectory, "reports"), html, StringComparison.Ordinal);
        var page = await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken);
        Assert.DoesNotContain("http://", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        Assert.Equal(5, Parse(page).Descendants("svg").Count());
        using var file = JsonDocument.Parse(await File.ReadAllBytesAsync(json.GetProperty("json_path").GetString()!, TestContext.Current.CancellationToken));
        var equity = file.RootElement.GetProperty("equity_curve").GetProperty("equity");
        Assert.Equal(bars.Length, equity.GetArrayLength());
        Assert.Equal(expected.Equity[^1], equity[bars.Length - 1].GetDouble());
    }

    [Fact]
    public async Task PerformanceReport_Account_CountsTheClosedTradeAndItsResult()
    {
        await using var server = await ServerHarness.StartAsync();
        var placed = (await server.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "perf-1" })).GetProperty("result");
        await server.CallOkAsync("close_position", new() { ["ticket"] = placed.GetProperty("position").GetInt64() });
        var balance = (await server.CallOkAsync("get_account")).GetProperty("balance").GetDouble();

        var json = await server.CallOkAsync("performance_report");

        var report = json.GetProperty("report");
        Assert.Equal("account", report.GetProperty("kind").GetString());
        var summary = report.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("total_trades").GetInt32());
        // The default period starts at the first deal, the deposit: a cash flow, not a return.
        Assert.Equal(0, summary.GetProperty("initial_balance").GetDouble());
        Assert.Equal(10_000, summary.GetProperty("deposits_withdrawals").GetDouble());
        Assert.Equal(balance, summary.GetProperty("final_balance").GetDouble(), 1e-9);
        Assert.Equal(balance - 10_000, summary.GetProperty("net_profit").GetDouble(), 1e-9);
        Assert.Equal((balance / 10_000 - 1) * 100, summary.GetProperty("return_pct").GetDouble(), 1e-9);
        Assert.True(File.Exists(json.GetProperty("html_path").GetString()));
    }

    [Fact]
    public async Task PerformanceReport_AccountAndStrategy_IsAnInvalidArgument()
    {
        await using var server = await ServerHarness.StartAsync();

        var error = await server.CallErrorAsync("performance_report", new() { ["account"] = "demo", ["strategy"] = "builtin:sma_cross" });

        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("error_code").GetString());
        Assert.Equal("account", error.GetProperty("argument").GetString());
    }

    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }
}
