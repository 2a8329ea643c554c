namespace MtMcp.Domain;

/// <summary>Position accounting (ENUM_ACCOUNT_MARGIN_MODE).</summary>
public enum AccountMarginMode
{
    /// <summary>One position per symbol.</summary>
    RetailNetting = 0,

    /// <summary>Exchange netting.</summary>
    Exchange = 1,

    /// <summary>Independent positions per symbol.</summary>
    RetailHedging = 2,
}
