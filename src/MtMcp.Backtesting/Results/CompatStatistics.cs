namespace MtMcp.Backtesting;

/// <summary>
/// The statistics of backtesting.py v0.6.6 (<c>_stats.compute_stats</c>), as defined in reference/backtest-stats.md A.3.
/// Percentages are in percent; durations in days (rounded up to the data's resolution where backtesting.py rounds);
/// NaN where backtesting.py gives NaN (no trades, no losing trade, ...).
/// </summary>
public sealed partial record CompatStatistics
{
    /// <summary>First bar time, Unix seconds UTC.</summary>
    public required long Start { get; init; }

    /// <summary>Last bar time, Unix seconds UTC.</summary>
    public required long End { get; init; }

    /// <summary>End − Start in days.</summary>
    public required double DurationDays { get; init; }

    /// <summary>Share of bars with a (closed) trade open, %.</summary>
    public required double ExposureTimePct { get; init; }

    /// <summary>Last equity.</summary>
    public required double EquityFinal { get; init; }

    /// <summary>Highest equity.</summary>
    public required double EquityPeak { get; init; }

    /// <summary>Total commissions of the closed trades.</summary>
    public required double Commissions { get; init; }

    /// <summary>Total return, %.</summary>
    public required double ReturnPct { get; init; }

    /// <summary>Buy and hold return from the close of the warm-up bar, %.</summary>
    public required double BuyHoldReturnPct { get; init; }

    /// <summary>Annualised geometric mean return of the resampled equity, %.</summary>
    public required double ReturnAnnPct { get; init; }

    /// <summary>Annualised volatility, %.</summary>
    public required double VolatilityAnnPct { get; init; }

    /// <summary>Compound annual growth rate over calendar years of 365.25 days, %.</summary>
    public required double CagrPct { get; init; }

    /// <summary>Sharpe ratio (annualised return less the risk-free rate over annualised volatility).</summary>
    public required double SharpeRatio { get; init; }

    /// <summary>Sortino ratio.</summary>
    public required double SortinoRatio { get; init; }

    /// <summary>Calmar ratio (annualised return over the maximum drawdown).</summary>
    public required double CalmarRatio { get; init; }

    /// <summary>Jensen's alpha against buy and hold, %.</summary>
    public required double AlphaPct { get; init; }

    /// <summary>Beta of the equity's log returns against the close's.</summary>
    public required double Beta { get; init; }

    /// <summary>Maximum drawdown, % (negative).</summary>
    public required double MaxDrawdownPct { get; init; }

    /// <summary>Mean drawdown peak over the drawdown episodes, % (negative).</summary>
    public required double AvgDrawdownPct { get; init; }

    /// <summary>Longest drawdown episode, days.</summary>
    public required double MaxDrawdownDurationDays { get; init; }

    /// <summary>Mean drawdown episode, days.</summary>
    public required double AvgDrawdownDurationDays { get; init; }

    /// <summary>Number of closed trades.</summary>
    public required int Trades { get; init; }

    /// <summary>Share of trades with PnL &gt; 0, %.</summary>
    public required double WinRatePct { get; init; }

    /// <summary>Best trade return, %.</summary>
    public required double BestTradePct { get; init; }

    /// <summary>Worst trade return, %.</summary>
    public required double WorstTradePct { get; init; }

    /// <summary>Geometric mean trade return, %.</summary>
    public required double AvgTradePct { get; init; }

    /// <summary>Longest trade, days.</summary>
    public required double MaxTradeDurationDays { get; init; }

    /// <summary>Mean trade duration, days.</summary>
    public required double AvgTradeDurationDays { get; init; }

    /// <summary>Sum of positive over |sum of negative| trade returns (returns, not money).</summary>
    public required double ProfitFactor { get; init; }

    /// <summary>Arithmetic mean trade return, %.</summary>
    public required double ExpectancyPct { get; init; }

    /// <summary>System quality number: √n × mean(PnL) / std(PnL).</summary>
    public required double Sqn { get; init; }

    /// <summary>Kelly criterion: W − (1 − W) / (mean win / mean loss).</summary>
    public required double KellyCriterion { get; init; }

    /// <summary>
    /// The statistics as (snake_case key, value) pairs in report order: the keys of <c>mtmcp backtest --json</c>.
    /// <c>start</c>/<c>end</c> are given as Unix seconds here; writers print them as ISO times.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, double>> ToPairs() =>
    [
        new("start", Start), new("end", End), new("duration_days", DurationDays),
        new("exposure_time_pct", ExposureTimePct), new("equity_final", EquityFinal), new("equity_peak", EquityPeak),
        new("commissions", Commissions), new("return_pct", ReturnPct), new("buy_hold_return_pct", BuyHoldReturnPct),
        new("return_ann_pct", ReturnAnnPct), new("volatility_ann_pct", VolatilityAnnPct), new("cagr_pct", CagrPct),
        new("sharpe_ratio", SharpeRatio), new("sortino_ratio", SortinoRatio), new("calmar_ratio", CalmarRatio),
        new("alpha_pct", AlphaPct), new("beta", Beta), new("max_drawdown_pct", MaxDrawdownPct),
        new("avg_drawdown_pct", AvgDrawdownPct), new("max_drawdown_duration_days", MaxDrawdownDurationDays),
        new("avg_drawdown_duration_days", AvgDrawdownDurationDays), new("trades", Trades), new("win_rate_pct", WinRatePct),
        new("best_trade_pct", BestTradePct), new("worst_trade_pct", WorstTradePct), new("avg_trade_pct", AvgTradePct),
        new("max_trade_duration_days", MaxTradeDurationDays), new("avg_trade_duration_days", AvgTradeDurationDays),
        new("profit_factor", ProfitFactor), new("expectancy_pct", ExpectancyPct), new("sqn", Sqn),
        new("kelly_criterion", KellyCriterion),
    ];
}
