namespace MtMcp.Domain;

/// <summary>Order lifetimes a symbol allows (SYMBOL_EXPIRATION_MODE).</summary>
[Flags]
public enum SymbolExpirationFlags
{
    /// <summary>No lifetime allowed.</summary>
    None = 0,

    /// <summary>Good till cancelled.</summary>
    Gtc = 1,

    /// <summary>Day.</summary>
    Day = 2,

    /// <summary>Specified time.</summary>
    Specified = 4,

    /// <summary>Specified day.</summary>
    SpecifiedDay = 8,
}
