namespace MtMcp.Domain;

/// <summary>Why an order was placed (ENUM_ORDER_REASON).</summary>
public enum OrderReason
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
}
