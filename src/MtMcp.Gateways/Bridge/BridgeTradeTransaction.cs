namespace MtMcp.Gateways.Bridge;

/// <summary>
/// MqlTradeTransaction as the bridge reports it. Enum fields are null when absent or when the terminal sent a name
/// this version does not know (the raw name is then in <see cref="TypeName"/> for the transaction type).
/// </summary>
public sealed record BridgeTradeTransaction
{
    /// <summary>Transaction type; null when <see cref="TypeName"/> is not a known name.</summary>
    public TradeTransactionType? Type { get; init; }

    /// <summary>The MQL name as sent (<c>TRADE_TRANSACTION_DEAL_ADD</c>).</summary>
    public required string TypeName { get; init; }

    /// <summary>Deal ticket; 0 when none.</summary>
    public ulong Deal { get; init; }

    /// <summary>Order ticket; 0 when none.</summary>
    public ulong Order { get; init; }

    /// <summary>Symbol.</summary>
    public string Symbol { get; init; } = "";

    /// <summary>Order type.</summary>
    public OrderType? OrderType { get; init; }

    /// <summary>Order state.</summary>
    public OrderState? OrderState { get; init; }

    /// <summary>Deal type.</summary>
    public DealType? DealType { get; init; }

    /// <summary>Price.</summary>
    public double Price { get; init; }

    /// <summary>Stop loss.</summary>
    public double StopLoss { get; init; }

    /// <summary>Take profit.</summary>
    public double TakeProfit { get; init; }

    /// <summary>Volume in lots.</summary>
    public decimal Volume { get; init; }

    /// <summary>Position ticket; 0 when none.</summary>
    public ulong Position { get; init; }

    /// <summary>Opposite position of a close-by; 0 when none.</summary>
    public ulong PositionBy { get; init; }
}
