using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using MtMcp.Testing;

namespace MtMcp.Cli.Tests;

/// <summary><c>mtmcp backtest --report</c> and <c>mtmcp report performance</c>: the files written and their figures.</summary>
public sealed class PerformanceReportCommandTests
{
    [Fact]
    public async Task Backtest_Report_WritesTheHtmlAndTheJsonOfTheRun()
    {
        using var cli = new CliRunner();
        var html = cli.File("out/goog.html");

        var result = await cli.RunAsync("backtest", "--strategy", "builtin:sma_cross", "--data", SharedData.Path("GOOG.csv"),
            "-p", "fast=10", "-p", "slow=30", "--json", "--report", html);

        Assert.Equal(0, result.ExitCode);
        using var statistics = JsonDocument.Parse(result.Output); // stdout still holds only the statistics
        using var figures = JsonDocument.Parse(await File.ReadAllBytesAsync(cli.File("out/goog.json"), TestContext.Current.CancellationToken));
        var summary = figures.RootElement.GetProperty("summary");
        Assert.Equal(statistics.RootElement.GetProperty("equity_final").GetDouble(), summary.GetProperty("equity_final").GetDouble());
        Assert.Equal(66, figures.RootElement.GetProperty("trade_count").GetInt32());
        Assert.Equal("builtin:sma_cross", figures.RootElement.GetProperty("title").GetString());
        var page = Parse(await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken));
        Assert.Equal(5, page.Descendants("svg").Count());
    }

    [Fact]
    public async Task ReportPerformance_AccountWithDepositsOnly_HasNoReturnAndNoTrade()
    {
        using var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("paper", "create", "euro", "--currency", "EUR", "--deposit", "5000")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("paper", "deposit", "euro", "250.5")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("paper", "withdraw", "euro", "50")).ExitCode);

        var result = await cli.RunAsync("report", "performance", "--account", "euro", "--out", cli.File("euro.html"), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal("EUR", json.RootElement.GetProperty("currency").GetString());
        Assert.Equal(5200.5, summary.GetProperty("final_balance").GetDouble());
        Assert.Equal(5200.5, summary.GetProperty("deposits_withdrawals").GetDouble());
        Assert.Equal(0, summary.GetProperty("net_profit").GetDouble());
        Assert.Equal(0, summary.GetProperty("total_trades").GetInt32());
        Assert.Equal(0, summary.GetProperty("max_drawdown_pct").GetDouble()); // a withdrawal is not a drawdown
        Assert.True(File.Exists(cli.File("euro.json")));
        Assert.Contains("<h1>euro</h1>", await File.ReadAllTextAsync(cli.File("euro.html"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPerformance_UnknownAccount_IsAUserError()
    {
        using var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("paper", "create", "euro", "--deposit", "5000")).ExitCode);

        var result = await cli.RunAsync("report", "performance", "--account", "nobody", "--out", cli.File("x.html"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no paper account 'nobody'", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.File("x.html")));
    }

    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }
}
