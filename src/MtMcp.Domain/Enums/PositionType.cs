namespace MtMcp.Domain;

/// <summary>Position direction (ENUM_POSITION_TYPE).</summary>
public enum PositionType
{
    /// <summary>Long.</summary>
    Buy = 0,

    /// <summary>Short.</summary>
    Sell = 1,
}
