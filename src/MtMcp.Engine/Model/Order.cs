namespace MtMcp.Engine;

/// <summary>
/// An order, working or historical, in the shape of MT5's ORDER_* properties. Immutable: every change
/// produces a new instance (<c>with</c>), which is what the journal stores and the events carry.
/// </summary>
public sealed record Order
{
    /// <summary>Order ticket, unique in the account.</summary>
    public required ulong Ticket { get; init; }

    /// <summary>Symbol name.</summary>
    public required string Symbol { get; init; }

    /// <summary>Order type.</summary>
    public required OrderType Type { get; init; }

    /// <summary>Current state: placed/partial while working; filled, canceled, rejected or expired in history.</summary>
    public required OrderState State { get; init; }

    /// <summary>Volume when placed, in lots.</summary>
    public required decimal VolumeInitial { get; init; }

    /// <summary>Volume not yet executed, in lots.</summary>
    public required decimal VolumeCurrent { get; init; }

    /// <summary>Order price (the requested or fill price of a market order, the trigger price of a pending one).</summary>
    public required double PriceOpen { get; init; }

    /// <summary>Limit price of a stop-limit order; 0 otherwise.</summary>
    public double StopLimit { get; init; }

    /// <summary>Stop loss; 0 = none.</summary>
    public double StopLoss { get; init; }

    /// <summary>Take profit; 0 = none.</summary>
    public double TakeProfit { get; init; }

    /// <summary>Time the order was placed, Unix ms UTC.</summary>
    public required long TimeSetupMs { get; init; }

    /// <summary>Time the order left the working set (filled, canceled, expired), Unix ms UTC; 0 while working.</summary>
    public long TimeDoneMs { get; init; }

    /// <summary>Lifetime.</summary>
    public OrderTimeType TimeType { get; init; }

    /// <summary>Expiry for the specified lifetimes, Unix ms UTC; 0 otherwise.</summary>
    public long ExpirationMs { get; init; }

    /// <summary>Filling policy.</summary>
    public OrderFilling Filling { get; init; } = OrderFilling.Return;

    /// <summary>Expert id (magic number).</summary>
    public ulong Magic { get; init; }

    /// <summary>Comment.</summary>
    public string Comment { get; init; } = "";

    /// <summary>Position the order opened, changed or closed; 0 until it executes.</summary>
    public ulong PositionId { get; init; }

    /// <summary>The opposite position of a close-by order; 0 otherwise.</summary>
    public ulong PositionById { get; init; }

    /// <summary>Why the order exists: a client request, or the server's SL, TP or stop-out.</summary>
    public OrderReason Reason { get; init; }

    /// <summary>The client order id of the request that created the order; null when none.</summary>
    public string? ClientOrderId { get; init; }

    /// <summary>Trailing stop distance (points) handed to the position it opens; 0 = none.</summary>
    public int TrailingStopPoints { get; init; }

    /// <summary>Trailing stop step (points) handed to the position it opens.</summary>
    public int TrailingStepPoints { get; init; }

    /// <summary>Whether the order is still working (placed, or partly filled with the rest working).</summary>
    public bool IsWorking => State is OrderState.Placed or OrderState.Partial or OrderState.Started;

    /// <summary>Whether the order buys (buy, buy limit, buy stop, buy stop-limit).</summary>
    public bool IsBuy => Type is OrderType.Buy or OrderType.BuyLimit or OrderType.BuyStop or OrderType.BuyStopLimit;
}
