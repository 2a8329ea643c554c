namespace MtMcp.Backtesting.Tests;

/// <summary>
/// backtesting.py v0.6.6 <c>test_compute_stats</c>: <c>Backtest(GOOG, SmaCross, finalize_trades=True).run()</c> with
/// <c>SmaCross(fast=10, slow=30)</c>. Expected values: backtesting/test/_test.py of kernc/backtesting.py (found through
/// the code index in copies of that file, two revisions): the values every revision shares, and for the six the
/// v0.6.6 changes (annualisation without the leading NaN, CAGR over 365.25-day years; reference/backtest-stats.md
/// "Version note") the revision that has them. Compared at rtol 1e-8 as that test does.
/// </summary>
public sealed class CompatGoldenTests
{
    private static readonly Lazy<BacktestResult> s_run = new(() =>
        CompatBacktest.Run(TestData.Goog, new SmaCross(), new StrategyParameters().Set("fast", 10).Set("slow", 30)));

    public static TheoryData<string, double> Expected => new()
    {
        { "trades", 66 },
        { "avg_drawdown_duration_days", 41 },
        { "avg_drawdown_pct", -5.925851581948801 },
        { "avg_trade_duration_days", 46 },
        { "avg_trade_pct", 2.5479693282886906 },
        { "best_trade_pct", 53.59595229490424 },
        { "buy_hold_return_pct", 522.0601851851852 },
        { "duration_days", 3116 },
        { "equity_final", 51959.94999999997 },
        { "equity_peak", 75787.44 },
        { "expectancy_pct", 3.2930986285628268 },
        { "exposure_time_pct", 96.74115456238361 },
        { "max_drawdown_duration_days", 584 },
        { "max_drawdown_pct", -47.98012705007589 },
        { "max_trade_duration_days", 183 },
        { "profit_factor", 2.174469316409448 },
        { "return_pct", 419.59949999999964 },
        { "sqn", 1.0880865497975716 },
        { "kelly_criterion", 0.15319708142323157 },
        { "win_rate_pct", 46.96969696969697 },
        { "worst_trade_pct", -18.39887353835481 },
        { "alpha_pct", 399.7149324245838 },
        { "beta", 0.03808864981412506 },
        // v0.6.6 values (v0.6.5's differ: 21.32802699608929, 36.53825234483751, 14.255789393913654, ...).
        { "return_ann_pct", 21.338952529139753 },
        { "volatility_ann_pct", 36.541528967898145 },
        { "cagr_pct", 21.307865404063108 },
        { "sharpe_ratio", 0.5839644134181166 },
        { "sortino_ratio", 1.0929459039159732 },
        { "calmar_ratio", 0.4447456445221315 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Run_GoogSmaCross_MatchesBacktestingPy(string key, double expected)
    {
        var actual = s_run.Value.Statistics.ToPairs().Single(p => p.Key == key).Value;
        Assert.True(Math.Abs(actual - expected) <= 1e-8 * Math.Abs(expected),
            $"{key}: expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void Run_GoogSmaCross_StartAndEndAreTheFirstAndLastBars()
    {
        var stats = s_run.Value.Statistics;
        Assert.Equal(TestData.Day(2004, 8, 19), stats.Start);
        Assert.Equal(TestData.Day(2013, 3, 1), stats.End);
        Assert.Equal(66, s_run.Value.Trades.Count);
        Assert.Empty(s_run.Value.OpenTrades);
    }

    [Fact]
    public void Run_Twice_GivesIdenticalResults()
    {
        var again = CompatBacktest.Run(TestData.Goog, new SmaCross(), new StrategyParameters().Set("fast", 10).Set("slow", 30));
        Assert.Equal(s_run.Value.Statistics, again.Statistics);
        Assert.Equal(s_run.Value.Trades, again.Trades);
        Assert.Equal(s_run.Value.Equity, again.Equity);
    }
}
