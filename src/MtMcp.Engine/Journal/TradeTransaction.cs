namespace MtMcp.Engine;

/// <summary>
/// One change to the account's orders, deals or positions, as MT5's OnTradeTransaction reports it, carrying
/// the new state of the object that changed.
/// </summary>
/// <param name="Type">
/// <see cref="TradeTransactionType.OrderAdd"/>/<see cref="TradeTransactionType.OrderUpdate"/> (working order),
/// <see cref="TradeTransactionType.OrderDelete"/> (order left the working set) followed by
/// <see cref="TradeTransactionType.HistoryAdd"/> (its final state), <see cref="TradeTransactionType.DealAdd"/>, or
/// <see cref="TradeTransactionType.Position"/> (a position opened, changed or closed; closed = volume 0).
/// </param>
/// <param name="TimeMs">Venue time of the change, Unix ms UTC.</param>
/// <param name="Order">The order after the change, for order and history transactions.</param>
/// <param name="Deal">The deal, for <see cref="TradeTransactionType.DealAdd"/>.</param>
/// <param name="Position">The position after the change, for <see cref="TradeTransactionType.Position"/>.</param>
public sealed record TradeTransaction(
    TradeTransactionType Type, long TimeMs, Order? Order = null, Deal? Deal = null, Position? Position = null);
