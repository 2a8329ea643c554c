namespace MtMcp.Data.Store;

/// <summary>What a stored series holds.</summary>
public enum SeriesKind
{
    /// <summary>Bars of one symbol and timeframe, keyed by open time in Unix seconds.</summary>
    Bars,

    /// <summary>Ticks of one symbol, keyed by time in Unix milliseconds.</summary>
    Ticks,
}
