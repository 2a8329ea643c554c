namespace MtMcp.Domain;

/// <summary>Order types a symbol allows (SYMBOL_ORDER_MODE).</summary>
[Flags]
public enum SymbolOrderFlags
{
    /// <summary>No order type.</summary>
    None = 0,

    /// <summary>Market orders.</summary>
    Market = 1,

    /// <summary>Limit orders.</summary>
    Limit = 2,

    /// <summary>Stop orders.</summary>
    Stop = 4,

    /// <summary>Stop-limit orders.</summary>
    StopLimit = 8,

    /// <summary>Stop loss.</summary>
    StopLoss = 16,

    /// <summary>Take profit.</summary>
    TakeProfit = 32,

    /// <summary>Close by.</summary>
    CloseBy = 64,
}
