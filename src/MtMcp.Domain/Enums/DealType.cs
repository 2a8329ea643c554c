namespace MtMcp.Domain;

/// <summary>Deal type (ENUM_DEAL_TYPE).</summary>
public enum DealType
{
    /// <summary>Buy.</summary>
    Buy = 0,

    /// <summary>Sell.</summary>
    Sell = 1,

    /// <summary>Balance operation.</summary>
    Balance = 2,

    /// <summary>Credit.</summary>
    Credit = 3,

    /// <summary>Additional charge.</summary>
    Charge = 4,

    /// <summary>Correction.</summary>
    Correction = 5,

    /// <summary>Bonus.</summary>
    Bonus = 6,

    /// <summary>Additional commission.</summary>
    Commission = 7,

    /// <summary>Daily commission.</summary>
    CommissionDaily = 8,

    /// <summary>Monthly commission.</summary>
    CommissionMonthly = 9,

    /// <summary>Daily agent commission.</summary>
    CommissionAgentDaily = 10,

    /// <summary>Monthly agent commission.</summary>
    CommissionAgentMonthly = 11,

    /// <summary>Interest.</summary>
    Interest = 12,

    /// <summary>Cancelled buy deal.</summary>
    BuyCanceled = 13,

    /// <summary>Cancelled sell deal.</summary>
    SellCanceled = 14,

    /// <summary>Dividend.</summary>
    Dividend = 15,

    /// <summary>Franked dividend.</summary>
    DividendFranked = 16,

    /// <summary>Tax.</summary>
    Tax = 17,
}
