namespace MtMcp.Domain;

/// <summary>
/// The 21 chart periods of MetaTrader 5 (ENUM_TIMEFRAMES) with their MT5 numeric values.
/// </summary>
public enum Timeframe
{
    /// <summary>1 minute.</summary>
    M1 = 1,
    /// <summary>2 minutes.</summary>
    M2 = 2,
    /// <summary>3 minutes.</summary>
    M3 = 3,
    /// <summary>4 minutes.</summary>
    M4 = 4,
    /// <summary>5 minutes.</summary>
    M5 = 5,
    /// <summary>6 minutes.</summary>
    M6 = 6,
    /// <summary>10 minutes.</summary>
    M10 = 10,
    /// <summary>12 minutes.</summary>
    M12 = 12,
    /// <summary>15 minutes.</summary>
    M15 = 15,
    /// <summary>20 minutes.</summary>
    M20 = 20,
    /// <summary>30 minutes.</summary>
    M30 = 30,
    /// <summary>1 hour.</summary>
    H1 = 16385,
    /// <summary>2 hours.</summary>
    H2 = 16386,
    /// <summary>3 hours.</summary>
    H3 = 16387,
    /// <summary>4 hours.</summary>
    H4 = 16388,
    /// <summary>6 hours.</summary>
    H6 = 16390,
    /// <summary>8 hours.</summary>
    H8 = 16392,
    /// <summary>12 hours.</summary>
    H12 = 16396,
    /// <summary>1 day.</summary>
    D1 = 16408,
    /// <summary>1 week; weeks open on Sunday 00:00 as in MetaTrader.</summary>
    W1 = 32769,
    /// <summary>1 month; months open on the 1st at 00:00.</summary>
    MN1 = 49153,
}
