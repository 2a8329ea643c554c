namespace MtMcp.Domain;

/// <summary>What a tick changed (TICK_FLAG_*).</summary>
[Flags]
public enum TickFlags
{
    /// <summary>Nothing flagged.</summary>
    None = 0,

    /// <summary>Bid changed.</summary>
    Bid = 2,

    /// <summary>Ask changed.</summary>
    Ask = 4,

    /// <summary>Last price changed.</summary>
    Last = 8,

    /// <summary>Volume changed.</summary>
    Volume = 16,

    /// <summary>Result of a buy deal.</summary>
    Buy = 32,

    /// <summary>Result of a sell deal.</summary>
    Sell = 64,
}
