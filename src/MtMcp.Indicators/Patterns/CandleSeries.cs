namespace MtMcp.Indicators;

/// <summary>The open, high, low and close series a pattern reads, of equal length.</summary>
internal readonly ref struct CandleSeries(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close)
{
    public ReadOnlySpan<double> Open { get; } = open;

    public ReadOnlySpan<double> High { get; } = high;

    public ReadOnlySpan<double> Low { get; } = low;

    public ReadOnlySpan<double> Close { get; } = close;

    /// <summary>The range of kind <paramref name="type"/> of bar <paramref name="at"/> (TA-Lib's TA_CANDLERANGE).</summary>
    public double Range(CandleRangeType type, int at) => type switch
    {
        CandleRangeType.HighLow => HighLowRange.Of(this, at),
        CandleRangeType.RealBody => RealBodyRange.Of(this, at),
        _ => ShadowsRange.Of(this, at),
    };
}
