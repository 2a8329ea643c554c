namespace MtMcp.Domain;

/// <summary>Why a position was opened (ENUM_POSITION_REASON).</summary>
public enum PositionReason
{
    /// <summary>Desktop terminal.</summary>
    Client = 0,

    /// <summary>Mobile application.</summary>
    Mobile = 1,

    /// <summary>Web platform.</summary>
    Web = 2,

    /// <summary>Expert Advisor or script (this server).</summary>
    Expert = 3,
}
