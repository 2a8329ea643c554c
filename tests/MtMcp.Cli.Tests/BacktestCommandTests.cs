using System.Text.Json;
using MtMcp.Testing;

namespace MtMcp.Cli.Tests;

public sealed class BacktestCommandTests
{
    private static readonly string[] s_keys =
    [
        "start", "end", "duration_days", "exposure_time_pct", "equity_final", "equity_peak", "return_pct", "buy_hold_return_pct",
        "return_ann_pct", "volatility_ann_pct", "cagr_pct", "sharpe_ratio", "sortino_ratio", "calmar_ratio", "alpha_pct", "beta",
        "max_drawdown_pct", "avg_drawdown_pct", "max_drawdown_duration_days", "avg_drawdown_duration_days", "trades", "win_rate_pct",
        "best_trade_pct", "worst_trade_pct", "avg_trade_pct", "max_trade_duration_days", "avg_trade_duration_days", "profit_factor",
        "expectancy_pct", "sqn", "kelly_criterion",
    ];

    [Fact]
    public async Task Backtest_GoogSmaCrossJson_PrintsTheBacktestingPyStatistics()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("backtest", "--strategy", "builtin:sma_cross", "--data", SharedData.Path("GOOG.csv"),
            "-p", "fast=10", "-p", "slow=30", "--compat", "backtesting.py", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        foreach (var key in s_keys)
        {
            Assert.True(json.RootElement.TryGetProperty(key, out _), key);
        }

        // backtesting.py v0.6.6 test_compute_stats (finalize_trades=True).
        Assert.Equal(51959.94999999997, json.RootElement.GetProperty("equity_final").GetDouble(), 1e-6);
        Assert.Equal(66, json.RootElement.GetProperty("trades").GetInt32());
        Assert.Equal("2004-08-19T00:00:00Z", json.RootElement.GetProperty("start").GetString());
    }

    [Fact]
    public async Task Backtest_NoFinalize_LeavesTheLastTradeOut()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("backtest", "--strategy", "builtin:sma_cross", "--data", SharedData.Path("GOOG.csv"),
            "-p", "fast=10", "-p", "slow=30", "--no-finalize", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(65, json.RootElement.GetProperty("trades").GetInt32());
    }

    [Fact]
    public async Task Backtest_UnknownParameter_IsAUserError()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("backtest", "--strategy", "builtin:sma_cross", "--data", SharedData.Path("GOOG.csv"), "-p", "slo=30");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no parameter 'slo'", result.Error, StringComparison.Ordinal);
    }
}
