namespace MtMcp.Backtesting;

/// <summary>One open trade as a strategy sees it.</summary>
/// <param name="Size">Signed size (units or lots, as <see cref="PositionInfo.Size"/>).</param>
/// <param name="EntryPrice">Entry price (spread-adjusted in backtesting.py mode).</param>
/// <param name="EntryBar">Bar index of the entry.</param>
/// <param name="StopLoss">Stop loss price; NaN when none.</param>
/// <param name="TakeProfit">Take profit price; NaN when none.</param>
/// <param name="Tag">The order's tag.</param>
public readonly record struct TradeInfo(double Size, double EntryPrice, int EntryBar, double StopLoss, double TakeProfit, string? Tag);
