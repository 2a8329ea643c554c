namespace MtMcp.Domain;

/// <summary>Market depth entry type (ENUM_BOOK_TYPE).</summary>
public enum BookType
{
    /// <summary>Sell order.</summary>
    Sell = 1,

    /// <summary>Buy order.</summary>
    Buy = 2,

    /// <summary>Sell at market.</summary>
    SellMarket = 3,

    /// <summary>Buy at market.</summary>
    BuyMarket = 4,
}
