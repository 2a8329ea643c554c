namespace MtMcp.Domain;

/// <summary>Deal direction relative to the position (ENUM_DEAL_ENTRY).</summary>
public enum DealEntry
{
    /// <summary>Opens or increases a position.</summary>
    In = 0,

    /// <summary>Reduces or closes a position.</summary>
    Out = 1,

    /// <summary>Reverses a netting position.</summary>
    InOut = 2,

    /// <summary>Closed by an opposite position.</summary>
    OutBy = 3,
}
