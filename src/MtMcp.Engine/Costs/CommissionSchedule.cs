namespace MtMcp.Engine;

/// <summary>
/// What the simulated venue charges per deal, in the account currency: an amount per lot plus an amount per
/// million of notional (converted into the account currency), on entry deals, exit deals or both.
/// </summary>
/// <param name="PerLot">Charge per lot traded (for example 3.5 for "7 per round lot, charged per side").</param>
/// <param name="PerMillion">Charge per 1,000,000 of notional value in the account currency.</param>
/// <param name="Sides">Which deals pay.</param>
public sealed record CommissionSchedule(decimal PerLot = 0m, decimal PerMillion = 0m, CommissionSides Sides = CommissionSides.Both)
{
    /// <summary>No commission.</summary>
    public static CommissionSchedule None { get; } = new();
}

/// <summary>Which deals of a round trip pay commission.</summary>
public enum CommissionSides
{
    /// <summary>Entry and exit deals.</summary>
    Both,

    /// <summary>Only deals that open or add to a position.</summary>
    Entry,

    /// <summary>Only deals that reduce or close a position.</summary>
    Exit,
}
