namespace MtMcp.Domain;

/// <summary>Execution mode (ENUM_SYMBOL_TRADE_EXECUTION).</summary>
public enum SymbolTradeExecution
{
    /// <summary>Execution by request.</summary>
    Request = 0,

    /// <summary>Instant execution.</summary>
    Instant = 1,

    /// <summary>Market execution.</summary>
    Market = 2,

    /// <summary>Exchange execution.</summary>
    Exchange = 3,
}
