namespace MtMcp.Domain;

/// <summary>Unit of swap values (ENUM_SYMBOL_SWAP_MODE).</summary>
public enum SymbolSwapMode
{
    /// <summary>No swaps.</summary>
    Disabled = 0,

    /// <summary>In points.</summary>
    Points = 1,

    /// <summary>Money in the base currency.</summary>
    CurrencySymbol = 2,

    /// <summary>Money in the margin currency.</summary>
    CurrencyMargin = 3,

    /// <summary>Money in the deposit currency.</summary>
    CurrencyDeposit = 4,

    /// <summary>Annual percent of the current price.</summary>
    InterestCurrent = 5,

    /// <summary>Annual percent of the open price.</summary>
    InterestOpen = 6,

    /// <summary>Reopened at the close price plus swap points.</summary>
    ReopenCurrent = 7,

    /// <summary>Reopened at the bid plus swap points.</summary>
    ReopenBid = 8,
}
