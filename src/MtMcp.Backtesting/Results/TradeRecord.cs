namespace MtMcp.Backtesting;

/// <summary>One trade of a backtest (backtesting.py's <c>_trades</c> row).</summary>
/// <param name="Size">Signed size: units (backtesting.py mode) or lots (native mode).</param>
/// <param name="EntryBar">Bar index of the entry.</param>
/// <param name="ExitBar">Bar index of the exit; −1 while open.</param>
/// <param name="EntryTime">Entry bar open time, Unix seconds UTC (native mode: the fill time).</param>
/// <param name="ExitTime">Exit time, Unix seconds UTC; 0 while open.</param>
/// <param name="EntryPrice">Entry price (spread-adjusted in backtesting.py mode).</param>
/// <param name="ExitPrice">Exit price; NaN while open.</param>
/// <param name="StopLoss">Stop loss level; NaN when none.</param>
/// <param name="TakeProfit">Take profit level; NaN when none.</param>
/// <param name="Profit">PnL in the account currency, after commissions (and swaps in native mode).</param>
/// <param name="ReturnPct">Return as a fraction of the entry value (backtesting.py's <c>ReturnPct</c>, not ×100).</param>
/// <param name="Commission">Entry plus exit commission.</param>
/// <param name="Tag">The order's tag.</param>
public readonly record struct TradeRecord(
    double Size,
    int EntryBar,
    int ExitBar,
    long EntryTime,
    long ExitTime,
    double EntryPrice,
    double ExitPrice,
    double StopLoss,
    double TakeProfit,
    double Profit,
    double ReturnPct,
    double Commission,
    string? Tag)
{
    /// <summary>Holding time in seconds.</summary>
    public long DurationSeconds => ExitTime - EntryTime;
}
