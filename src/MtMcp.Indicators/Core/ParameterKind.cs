namespace MtMcp.Indicators;

/// <summary>The type of an indicator parameter.</summary>
public enum ParameterKind
{
    /// <summary>A whole number (periods).</summary>
    Integer,

    /// <summary>A real number (multipliers, factors).</summary>
    Real,

    /// <summary>A moving-average type (<see cref="MaType"/>), given by name or number.</summary>
    MaType,
}
