namespace MtMcp.Domain;

/// <summary>Trade transaction type (ENUM_TRADE_TRANSACTION_TYPE).</summary>
public enum TradeTransactionType
{
    /// <summary>New order.</summary>
    OrderAdd = 0,

    /// <summary>Order changed.</summary>
    OrderUpdate = 1,

    /// <summary>Order removed.</summary>
    OrderDelete = 2,

    /// <summary>Order moved to history.</summary>
    HistoryAdd = 3,

    /// <summary>History order changed.</summary>
    HistoryUpdate = 4,

    /// <summary>History order removed.</summary>
    HistoryDelete = 5,

    /// <summary>Deal added.</summary>
    DealAdd = 6,

    /// <summary>Deal changed.</summary>
    DealUpdate = 7,

    /// <summary>Deal removed.</summary>
    DealDelete = 8,

    /// <summary>Position changed without a deal.</summary>
    Position = 9,

    /// <summary>Trade request processed.</summary>
    Request = 10,
}
