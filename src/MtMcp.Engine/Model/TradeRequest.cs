namespace MtMcp.Engine;

/// <summary>
/// A trade request in the shape of MetaTrader 5's MqlTradeRequest, plus the server's own fields
/// (client order id, server-managed trailing stop). Prices of 0 mean "none", as in MQL5.
/// </summary>
/// <remarks>Which fields an action reads follows MQL5: see <c>docs/engine.md</c>.</remarks>
public sealed record TradeRequest
{
    /// <summary>What to do: market deal, pending order, position SL/TP, modify or remove a pending order, close-by.</summary>
    public required TradeAction Action { get; init; }

    /// <summary>Symbol name (not needed for SL/TP, modify, remove and close-by, which name a ticket).</summary>
    public string Symbol { get; init; } = "";

    /// <summary>Volume in lots: a multiple of the symbol's volume step.</summary>
    public decimal Volume { get; init; }

    /// <summary>Order type (buy, sell, buy limit, …).</summary>
    public OrderType Type { get; init; }

    /// <summary>Pending order price, or the requested price of a market order (checked against <see cref="Deviation"/>).</summary>
    public double Price { get; init; }

    /// <summary>Limit price a stop-limit order places when its stop price is reached.</summary>
    public double StopLimit { get; init; }

    /// <summary>Stop loss price; 0 = none.</summary>
    public double StopLoss { get; init; }

    /// <summary>Take profit price; 0 = none.</summary>
    public double TakeProfit { get; init; }

    /// <summary>Largest accepted distance in points between <see cref="Price"/> and the fill of a market order; 0 = any.</summary>
    public int Deviation { get; init; }

    /// <summary>Filling policy; null = the MT5 default (RETURN, or the symbol's first allowed policy under market execution).</summary>
    public OrderFilling? Filling { get; init; }

    /// <summary>Lifetime of a pending order.</summary>
    public OrderTimeType TimeType { get; init; }

    /// <summary>Expiry of a pending order with <see cref="OrderTimeType.Specified"/> or <see cref="OrderTimeType.SpecifiedDay"/>, Unix ms UTC.</summary>
    public long ExpirationMs { get; init; }

    /// <summary>Expert id (magic number), kept on the order, its deals and its position.</summary>
    public ulong Magic { get; init; }

    /// <summary>Free comment, kept on the order, its deals and its position (at most 31 characters, as in MT5).</summary>
    public string Comment { get; init; } = "";

    /// <summary>Pending order ticket for <see cref="TradeAction.Modify"/> and <see cref="TradeAction.Remove"/>.</summary>
    public ulong Order { get; init; }

    /// <summary>Position ticket: the position to close (hedging), to change (SL/TP) or to close by another.</summary>
    public ulong Position { get; init; }

    /// <summary>The opposite position for <see cref="TradeAction.CloseBy"/>.</summary>
    public ulong PositionBy { get; init; }

    /// <summary>
    /// The caller's id for this request: sending the same id again returns the first result and never
    /// creates a second order. Null = no de-duplication.
    /// </summary>
    public string? ClientOrderId { get; init; }

    /// <summary>Server-managed trailing stop distance in points; 0 = none.</summary>
    public int TrailingStopPoints { get; init; }

    /// <summary>Smallest stop move of the trailing stop in points; 0 = every point.</summary>
    public int TrailingStepPoints { get; init; }
}
