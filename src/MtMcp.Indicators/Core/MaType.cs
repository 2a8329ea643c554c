namespace MtMcp.Indicators;

/// <summary>TA-Lib's moving-average types (TA_MAType), with its numeric values.</summary>
public enum MaType
{
    /// <summary>Simple.</summary>
    Sma = 0,

    /// <summary>Exponential, seeded with the SMA of the first period.</summary>
    Ema = 1,

    /// <summary>Linearly weighted.</summary>
    Wma = 2,

    /// <summary>Double exponential.</summary>
    Dema = 3,

    /// <summary>Triple exponential.</summary>
    Tema = 4,

    /// <summary>Triangular.</summary>
    Trima = 5,

    /// <summary>Kaufman adaptive.</summary>
    Kama = 6,

    /// <summary>MESA adaptive.</summary>
    Mama = 7,

    /// <summary>Tillson T3.</summary>
    T3 = 8,
}
