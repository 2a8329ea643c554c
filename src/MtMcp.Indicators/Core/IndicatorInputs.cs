namespace MtMcp.Indicators;

/// <summary>
/// The series a batch computation reads, all of the same length (bars, oldest first). Only the series the
/// indicator declares in <see cref="IndicatorInfo.Inputs"/> need to be set.
/// </summary>
public readonly ref struct IndicatorInputs
{
    /// <summary>Bar open times, Unix seconds UTC; read only by session-anchored indicators (VWAP, pivots).</summary>
    public ReadOnlySpan<long> Time { get; init; }

    /// <summary>Bar opens.</summary>
    public ReadOnlySpan<double> Open { get; init; }

    /// <summary>Bar highs.</summary>
    public ReadOnlySpan<double> High { get; init; }

    /// <summary>Bar lows.</summary>
    public ReadOnlySpan<double> Low { get; init; }

    /// <summary>Bar closes.</summary>
    public ReadOnlySpan<double> Close { get; init; }

    /// <summary>Bar volumes.</summary>
    public ReadOnlySpan<double> Volume { get; init; }

    /// <summary>The free price series of single-series indicators (TA-Lib's inReal / inReal0).</summary>
    public ReadOnlySpan<double> Real0 { get; init; }

    /// <summary>The second series of two-series indicators (inReal1; the periods of MAVP).</summary>
    public ReadOnlySpan<double> Real1 { get; init; }

    /// <summary>The span holding <paramref name="series"/>.</summary>
    public ReadOnlySpan<double> Get(InputSeries series) => series switch
    {
        InputSeries.Open => Open,
        InputSeries.High => High,
        InputSeries.Low => Low,
        InputSeries.Close => Close,
        InputSeries.Volume => Volume,
        InputSeries.Real0 => Real0,
        InputSeries.Real1 => Real1,
        InputSeries.Time => throw new ArgumentException("Times are not a price series; read IndicatorInputs.Time.", nameof(series)),
        _ => throw new ArgumentOutOfRangeException(nameof(series), series, null),
    };
}
