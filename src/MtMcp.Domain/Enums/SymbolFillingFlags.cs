namespace MtMcp.Domain;

/// <summary>Filling policies a symbol allows (SYMBOL_FILLING_MODE). Return has no flag.</summary>
[Flags]
public enum SymbolFillingFlags
{
    /// <summary>Only the return policy.</summary>
    None = 0,

    /// <summary>Fill or kill.</summary>
    Fok = 1,

    /// <summary>Immediate or cancel.</summary>
    Ioc = 2,

    /// <summary>Book or cancel.</summary>
    Boc = 4,
}
