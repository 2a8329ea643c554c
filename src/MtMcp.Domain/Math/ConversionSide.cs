namespace MtMcp.Domain;

/// <summary>
/// Which side of the conversion rate applies: converting money you receive uses the rate that gives
/// you the least, converting money you pay (a loss, a margin) the rate that costs you the most,
/// as MT5's separate TICK_VALUE_PROFIT and TICK_VALUE_LOSS do.
/// </summary>
public enum ConversionSide
{
    /// <summary>A profit or any amount you receive.</summary>
    Receive,

    /// <summary>A loss, a margin or any amount you pay.</summary>
    Pay,
}
