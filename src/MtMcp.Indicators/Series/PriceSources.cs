namespace MtMcp.Indicators;

/// <summary>Builds the series a <see cref="PriceSource"/> names from bar columns.</summary>
public static class PriceSources
{
    /// <summary>Parses a source name (<c>close</c>, <c>hl2</c>, <c>median</c>, <c>typical</c>, ...), case-insensitively.</summary>
    /// <exception cref="IndicatorException">An unknown name; the message lists the allowed ones.</exception>
    public static PriceSource Parse(string text) => text.Trim().ToUpperInvariant() switch
    {
        "CLOSE" => PriceSource.Close,
        "OPEN" => PriceSource.Open,
        "HIGH" => PriceSource.High,
        "LOW" => PriceSource.Low,
        "HL2" or "MEDIAN" => PriceSource.Hl2,
        "HLC3" or "TYPICAL" => PriceSource.Hlc3,
        "OHLC4" or "AVERAGE" => PriceSource.Ohlc4,
        "HLCC4" or "WEIGHTED" => PriceSource.Hlcc4,
        "VOLUME" => PriceSource.Volume,
        _ => throw new IndicatorException(
            $"Unknown price source '{text}'; allowed: close, open, high, low, hl2 (median), hlc3 (typical), ohlc4 (average), hlcc4 (weighted), volume.",
            "source"),
    };

    /// <summary>Writes the <paramref name="source"/> series of the bars into <paramref name="destination"/>.</summary>
    public static void Fill(
        PriceSource source, ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low,
        ReadOnlySpan<double> close, ReadOnlySpan<double> volume, Span<double> destination)
    {
        switch (source)
        {
            case PriceSource.Close: close.CopyTo(destination); break;
            case PriceSource.Open: open.CopyTo(destination); break;
            case PriceSource.High: high.CopyTo(destination); break;
            case PriceSource.Low: low.CopyTo(destination); break;
            case PriceSource.Volume: volume.CopyTo(destination); break;
            default:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = Of(source, open[i], high[i], low[i], close[i], volume[i]);
                }

                break;
        }
    }

    /// <summary>The <paramref name="source"/> price of one bar.</summary>
    public static double Of(PriceSource source, double open, double high, double low, double close, double volume) => source switch
    {
        PriceSource.Close => close,
        PriceSource.Open => open,
        PriceSource.High => high,
        PriceSource.Low => low,
        PriceSource.Hl2 => (high + low) / 2,
        PriceSource.Hlc3 => (high + low + close) / 3,
        PriceSource.Ohlc4 => (open + high + low + close) / 4,
        PriceSource.Hlcc4 => (high + low + (2 * close)) / 4,
        PriceSource.Volume => volume,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
