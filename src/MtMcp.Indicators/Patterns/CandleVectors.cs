using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MtMcp.Indicators;

/// <summary>
/// Four consecutive bars for a rule's four-bar form (<see cref="ICandleRule.Evaluate4"/>): lane k of
/// <c>Open(back)</c> is the open <c>back</c> bars before bar <see cref="Bar"/> + k. The pattern's lookback
/// keeps every read within the series, so the loads go without bounds checks.
/// </summary>
internal readonly ref struct CandleVectors(in CandleSeries candles, int bar)
{
    private readonly ref readonly double _open = ref MemoryMarshal.GetReference(candles.Open);
    private readonly ref readonly double _high = ref MemoryMarshal.GetReference(candles.High);
    private readonly ref readonly double _low = ref MemoryMarshal.GetReference(candles.Low);
    private readonly ref readonly double _close = ref MemoryMarshal.GetReference(candles.Close);

    /// <summary>The series index of the first of the four bars.</summary>
    public int Bar { get; } = bar;

    public Vector256<double> Open(int back) => Load(in _open, back);

    public Vector256<double> High(int back) => Load(in _high, back);

    public Vector256<double> Low(int back) => Load(in _low, back);

    public Vector256<double> Close(int back) => Load(in _close, back);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<double> Load(in double series, int back) =>
        Vector256.LoadUnsafe(in series, unchecked((nuint)(Bar - back)));
}
