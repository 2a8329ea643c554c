using System.Text.Json;
using MtMcp.Backtesting;
using MtMcp.Data.Import;
using MtMcp.Strategies;
using MtMcp.Testing;

namespace MtMcp.Cli.Tests;

public sealed class OptimizeCommandTests
{
    private static readonly Lazy<MtMcp.Domain.Bar[]> s_goog = new(() => DataImporter.Import(SharedData.Path("GOOG.csv")).Bars);

    private static double NetProfit(double fast, double slow, int first = 0, int count = -1)
    {
        var bars = s_goog.Value.AsMemory(first, count < 0 ? s_goog.Value.Length - first : count);
        var run = CompatBacktest.Run(bars, StrategyResolver.Create("builtin:sma_cross"), new StrategyParameters().Set("fast", fast).Set("slow", slow));
        return run.Statistics.EquityFinal - 10_000;
    }

    [Fact]
    public async Task Optimize_GridJson_BestEqualsTheBestIndependentBacktest()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("optimize", "--strategy", "builtin:sma_cross", "--data", SharedData.Path("GOOG.csv"),
            "-p", "fast=5:15:5", "-p", "slow=20:40:10", "--top", "3", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(9, root.GetProperty("combinations").GetInt64());
        Assert.Equal(9, root.GetProperty("passes").GetInt32());
        var rows = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        var all = (from f in new[] { 5.0, 10, 15 } from s in new[] { 20.0, 30, 40 } select (f, s, p: NetProfit(f, s))).OrderByDescending(x => x.p).ToList();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(all[i].f, rows[i].GetProperty("parameters").GetProperty("fast").GetDouble());
            Assert.Equal(all[i].s, rows[i].GetProperty("parameters").GetProperty("slow").GetDouble());
            Assert.Equal(all[i].p, rows[i].GetProperty("score").GetDouble(), 6);
        }
    }

    [Fact]
    public async Task Optimize_GeneticSameSeed_SameOutput()
    {
        using var cli = new CliRunner();
        string[] args = ["optimize", "--strategy", "builtin:sma_cross", "--data", SharedData.Path("GOOG.csv"), "-p", "fast=2:40:1", "-p", "slow=30:120:2",
            "--method", "genetic", "--seed", "4", "--json"];

        var a = await cli.RunAsync(args);
        var b = await cli.RunAsync([.. args, "--threads", "1"]);

        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Output, b.Output);
        using var json = JsonDocument.Parse(a.Output);
        Assert.Equal("genetic", json.RootElement.GetProperty("method").GetString());
        Assert.True(json.RootElement.GetProperty("passes").GetInt32() < 39 * 46);
    }

    [Fact]
    public async Task Optimize_TextWithForwardAndMonteCarlo_PrintsTheTables()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("optimize", "--strategy", "builtin:sma_cross", "--data", SharedData.Path("GOOG.csv"),
            "-p", "fast=5:15:5", "-p", "slow=20:40:10", "--criterion", "sharpe", "--min-trades", "10", "--forward", "3", "--monte-carlo", "200");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("criterion   sharpe = sharpe_ratio (maximised)", result.Output, StringComparison.Ordinal);
        Assert.Contains("rank  fast  slow", result.Output, StringComparison.Ordinal);
        Assert.Contains("forward test: the last 716 bars", result.Output, StringComparison.Ordinal);
        Assert.Contains("monte carlo: 200 resampled sequences", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fast=5:300:5", "leaves the declared range")]
    [InlineData("fats=5:10", "no parameter 'fats'")]
    [InlineData("fast=a:b", "not name=value")]
    public async Task Optimize_BadRange_IsAUserError(string range, string message)
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("optimize", "--strategy", "builtin:sma_cross", "--data", SharedData.Path("GOOG.csv"), "-p", range);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_GridOverTheLimit_IsRefusedBeforeRunning()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("optimize", "--strategy", "builtin:sma_cross", "--data", SharedData.Path("GOOG.csv"), "--max-passes", "1000");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("99301 combinations", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WalkForward_AnchoredWindowsJson_OutOfSampleEqualsIndependentRuns()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("walk-forward", "--strategy", "builtin:sma_cross", "--data", SharedData.Path("GOOG.csv"),
            "-p", "fast=5:15:5", "-p", "slow=20:40:10", "--in-sample", "800", "--out-of-sample", "400", "--anchored", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var windows = json.RootElement.GetProperty("windows").EnumerateArray().ToList();
        // 2148 bars: out-of-sample parts [800, 1200), [1200, 1600), [1600, 2000); 148 bars are left over.
        Assert.Equal(3, windows.Count);
        for (var k = 0; k < 3; k++)
        {
            var w = windows[k];
            Assert.Equal("2004-08-19T00:00:00Z", w.GetProperty("in_sample_start").GetString());
            Assert.Equal(800 + (400 * k), w.GetProperty("in_sample_bars").GetInt32());
            var p = w.GetProperty("parameters");
            var oos = NetProfit(p.GetProperty("fast").GetDouble(), p.GetProperty("slow").GetDouble(), 800 + (400 * k), 400);
            Assert.Equal(oos, w.GetProperty("out_of_sample").GetProperty("net_profit").GetDouble(), 6);
        }
    }

    [Fact]
    public async Task WalkForward_Text_PrintsWindowsAndEfficiency()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("walk-forward", "--strategy", "builtin:sma_cross", "--data", SharedData.Path("GOOG.csv"),
            "-p", "fast=5:15:5", "-p", "slow=20:40:10", "--windows", "4");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("windows     4 rolling", result.Output, StringComparison.Ordinal);
        Assert.Contains("walk-forward efficiency", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WalkForward_LengthsAndWindows_IsAUserError()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("walk-forward", "--strategy", "builtin:sma_cross", "--data", SharedData.Path("GOOG.csv"),
            "--in-sample", "800", "--windows", "4");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--windows", result.Error, StringComparison.Ordinal);
    }
}
