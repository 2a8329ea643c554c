namespace MtMcp.Live;

/// <summary>A live strategy now: its record, its positions and profit, and its recent orders.</summary>
/// <param name="Record">The stored record.</param>
/// <param name="Bars">Closed bars the strategy has seen (warm-up included) since it was loaded.</param>
/// <param name="Positions">Its open positions (by magic number) with their current price and profit (swap apart).</param>
/// <param name="FloatingProfit">Open profit of those positions, swaps included, account currency.</param>
/// <param name="RealizedProfit">Profit, swap and commission of its deals so far, account currency.</param>
/// <param name="Deals">Its deals so far.</param>
/// <param name="Signals">Its most recent orders, newest last (kept in memory: empty after a restart).</param>
/// <param name="AccountUnavailable">Why its broker account could not be read now (positions and profit then show none); null when read.</param>
public sealed record LiveStrategyStatus(
    LiveStrategyRecord Record,
    int Bars,
    IReadOnlyList<PositionState> Positions,
    double FloatingProfit,
    decimal RealizedProfit,
    int Deals,
    IReadOnlyList<StrategySignal> Signals,
    string? AccountUnavailable = null);
