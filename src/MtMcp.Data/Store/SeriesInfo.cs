using MtMcp.Domain;

namespace MtMcp.Data.Store;

/// <summary>One committed series of the store, as listed by <see cref="MarketDataStore.List"/>.</summary>
/// <param name="Symbol">The symbol as it was first written (lookups ignore case).</param>
/// <param name="Kind">Bars or ticks.</param>
/// <param name="Timeframe">The bar timeframe; <see langword="null"/> for ticks.</param>
/// <param name="Count">Committed rows.</param>
/// <param name="FirstTime">Time of the first row in the series' unit: Unix seconds for bars, Unix milliseconds for ticks.</param>
/// <param name="LastTime">Time of the last row, same unit as <paramref name="FirstTime"/>.</param>
/// <param name="SizeBytes">Bytes of all files in the series folder (columns, manifest, leftovers awaiting clean-up).</param>
public sealed record SeriesInfo(
    string Symbol,
    SeriesKind Kind,
    Timeframe? Timeframe,
    int Count,
    long FirstTime,
    long LastTime,
    long SizeBytes)
{
    /// <summary><see cref="FirstTime"/> as a UTC instant.</summary>
    public DateTimeOffset FirstUtc => ToUtc(FirstTime);

    /// <summary><see cref="LastTime"/> as a UTC instant.</summary>
    public DateTimeOffset LastUtc => ToUtc(LastTime);

    private DateTimeOffset ToUtc(long time) =>
        Kind == SeriesKind.Bars ? DateTimeOffset.FromUnixTimeSeconds(time) : DateTimeOffset.FromUnixTimeMilliseconds(time);
}
