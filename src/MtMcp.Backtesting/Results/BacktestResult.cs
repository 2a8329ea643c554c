namespace MtMcp.Backtesting;

/// <summary>The outcome of a backtest: statistics, closed trades, trades still open, and the equity curve.</summary>
/// <param name="Strategy">Strategy name.</param>
/// <param name="Statistics">The backtesting.py statistics set.</param>
/// <param name="Trades">Closed trades in closing order.</param>
/// <param name="OpenTrades">Trades open at the end (none after finalising), valued at the last close.</param>
/// <param name="Times">Bar open times, Unix seconds UTC.</param>
/// <param name="Equity">Equity per bar.</param>
/// <param name="DrawdownPct">Drawdown per bar as a fraction of the running peak (backtesting.py's <c>DrawdownPct</c>).</param>
public sealed record BacktestResult(
    string Strategy,
    CompatStatistics Statistics,
    IReadOnlyList<TradeRecord> Trades,
    IReadOnlyList<TradeRecord> OpenTrades,
    IReadOnlyList<long> Times,
    IReadOnlyList<double> Equity,
    IReadOnlyList<double> DrawdownPct);
