namespace MtMcp.Domain;

/// <summary>What trading a symbol allows (ENUM_SYMBOL_TRADE_MODE).</summary>
public enum SymbolTradeMode
{
    /// <summary>No trading.</summary>
    Disabled = 0,

    /// <summary>Only buys.</summary>
    LongOnly = 1,

    /// <summary>Only sells.</summary>
    ShortOnly = 2,

    /// <summary>Only closing.</summary>
    CloseOnly = 3,

    /// <summary>No restriction.</summary>
    Full = 4,
}
