using BenchmarkDotNet.Attributes;
using MtMcp.Indicators;

namespace MtMcp.Benchmarks;

/// <summary>
/// ROC on 1 M bars with both sides writing into the same output buffer, at several offsets of it. ROC moves 16 bytes per
/// bar and does one division, so its time depends on where the output lies relative to the input (cache sets, store
/// forwarding): in <see cref="IndicatorBenchmarks"/> each side writes its own array, wherever the allocator put it, and
/// the ratio measures those addresses as much as the code. Here ours writes bar <c>i</c> to <c>buffer[Offset + i]</c>
/// and TA-Lib, whose first value is bar <c>period</c>'s, starts at <c>buffer[Offset + period]</c>: both store every
/// value to the same address, at five offsets of the buffer.
/// </summary>
[MemoryDiagnoser]
public unsafe class IndicatorAlignmentBenchmarks
{
    private const int Bars = 1_000_000;
    private const int Period = 10;

    private double[] _close = [];
    private double[] _buffer = [];

    /// <summary>Where bar 0's value would go in the buffer, in doubles.</summary>
    [Params(0, 3, 8, 64, 256)]
    public int Offset { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _close = [.. SyntheticSeries.M1Bars(Bars).Select(b => b.Close)];
        _buffer = new double[Bars + 512];
    }

    [Benchmark(OperationsPerInvoke = Bars)]
    public void Ours() => Roc.Compute(_close, Period, _buffer.AsSpan(Offset, Bars));

    [Benchmark(Baseline = true, OperationsPerInvoke = Bars)]
    public int TaLib()
    {
        if (!TaLibNative.IsAvailable)
        {
            throw new InvalidOperationException("TA-Lib C is not built: run bench/run (it calls bench/talib/build).");
        }

        int beg, count;
        fixed (double* c = _close, o = _buffer)
        {
            return TaLibNative.TA_ROC(0, Bars - 1, c, Period, &beg, &count, o + Offset + Period);
        }
    }
}
