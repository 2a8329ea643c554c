using System.Runtime.InteropServices;

namespace MtMcp.Indicators;

/// <summary>The open, high, low and close series a pattern reads, of equal length.</summary>
internal readonly ref struct CandleSeries(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close)
{
    public ReadOnlySpan<double> Open { get; } = open;

    public ReadOnlySpan<double> High { get; } = high;

    public ReadOnlySpan<double> Low { get; } = low;

    public ReadOnlySpan<double> Close { get; } = close;

    /// <summary>The range of kind <paramref name="type"/> of bar <paramref name="at"/> (TA-Lib's TA_CANDLERANGE).</summary>
    public double Range(CandleRangeType type, int at)
    {
        if ((uint)at >= (uint)Close.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "No such bar.");
        }

        ref var open = ref MemoryMarshal.GetReference(Open);
        ref var high = ref MemoryMarshal.GetReference(High);
        ref var low = ref MemoryMarshal.GetReference(Low);
        ref var close = ref MemoryMarshal.GetReference(Close);
        return type switch
        {
            CandleRangeType.HighLow => HighLowRange.Of(ref open, ref high, ref low, ref close, at),
            CandleRangeType.RealBody => RealBodyRange.Of(ref open, ref high, ref low, ref close, at),
            _ => ShadowsRange.Of(ref open, ref high, ref low, ref close, at),
        };
    }
}
