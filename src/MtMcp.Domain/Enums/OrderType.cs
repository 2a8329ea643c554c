namespace MtMcp.Domain;

/// <summary>Order type (ENUM_ORDER_TYPE).</summary>
public enum OrderType
{
    /// <summary>Market buy.</summary>
    Buy = 0,

    /// <summary>Market sell.</summary>
    Sell = 1,

    /// <summary>Buy limit pending order.</summary>
    BuyLimit = 2,

    /// <summary>Sell limit pending order.</summary>
    SellLimit = 3,

    /// <summary>Buy stop pending order.</summary>
    BuyStop = 4,

    /// <summary>Sell stop pending order.</summary>
    SellStop = 5,

    /// <summary>Buy limit placed when the stop price is reached.</summary>
    BuyStopLimit = 6,

    /// <summary>Sell limit placed when the stop price is reached.</summary>
    SellStopLimit = 7,

    /// <summary>Close by an opposite position.</summary>
    CloseBy = 8,
}
