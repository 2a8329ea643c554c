namespace MtMcp.Domain;

/// <summary>Why a deal happened (ENUM_DEAL_REASON).</summary>
public enum DealReason
{
    /// <summary>Desktop terminal.</summary>
    Client = 0,

    /// <summary>Mobile application.</summary>
    Mobile = 1,

    /// <summary>Web platform.</summary>
    Web = 2,

    /// <summary>Expert Advisor or script (this server).</summary>
    Expert = 3,

    /// <summary>Stop loss triggered.</summary>
    StopLoss = 4,

    /// <summary>Take profit triggered.</summary>
    TakeProfit = 5,

    /// <summary>Stop out.</summary>
    StopOut = 6,

    /// <summary>Rollover.</summary>
    Rollover = 7,

    /// <summary>Variation margin.</summary>
    VariationMargin = 8,

    /// <summary>Split.</summary>
    Split = 9,
}
