using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using MtMcp.Indicators;

namespace MtMcp.Benchmarks;

/// <summary>
/// All 61 candlestick patterns one after another on 1 M bars with their default parameters: ours (batch) against
/// TA-Lib C on the same data in the same run. Per bar, so each figure is the sum of the 61 patterns' ns per bar.
/// </summary>
[MemoryDiagnoser]
public unsafe class CandlePatternIndicatorBenchmarks
{
    private const int Bars = 1_000_000;

    private double[] _open = [], _high = [], _low = [], _close = [];
    private double[] _buffer = [];
    private int[] _integers = [];
    private (Indicator Indicator, IndicatorParameters Parameters)[] _patterns = [];
    private (IntPtr Function, double Penetration, bool HasPenetration)[] _taLib = [];

    [GlobalSetup]
    public void Setup()
    {
        var bars = SyntheticSeries.M1Bars(Bars);
        _open = [.. bars.Select(b => b.Open)];
        _high = [.. bars.Select(b => b.High)];
        _low = [.. bars.Select(b => b.Low)];
        _close = [.. bars.Select(b => b.Close)];
        _buffer = new double[Bars];
        _integers = new int[Bars];
        _patterns = [.. IndicatorRegistry.All
            .Where(i => i.Info.Group == IndicatorGroup.PatternRecognition)
            .OrderBy(i => i.Info.Name, StringComparer.Ordinal)
            .Select(i => (i, IndicatorParameters.Defaults(i.Info)))];
        if (_patterns.Length != 61)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Expected the 61 TA-Lib patterns, found {_patterns.Length}."));
        }

        if (TaLibNative.IsAvailable)
        {
            // The patterns share one signature (plus optInPenetration for some), so they are called through pointers.
            var library = NativeLibrary.Load(Environment.GetEnvironmentVariable("MTMCP_TALIB_LIBRARY")!);
            _taLib = [.. _patterns.Select(p => (
                NativeLibrary.GetExport(library, "TA_" + p.Indicator.Info.Name.ToUpperInvariant()),
                p.Parameters.Count > 0 ? p.Parameters.Real(0) : 0,
                p.Parameters.Count > 0))];
        }
    }

    [Benchmark(OperationsPerInvoke = Bars)]
    public void Ours()
    {
        var inputs = new IndicatorInputs { Open = _open, High = _high, Low = _low, Close = _close };
        foreach (var (indicator, parameters) in _patterns)
        {
            indicator.Batch(inputs, parameters, _buffer);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Bars)]
    public int TaLib()
    {
        if (!TaLibNative.IsAvailable)
        {
            throw new InvalidOperationException("TA-Lib C is not built: run bench/run (it calls bench/talib/build).");
        }

        int beg, count, status = 0;
        const int End = Bars - 1;
        fixed (double* o = _open, h = _high, l = _low, c = _close)
        fixed (int* n = _integers)
        {
            foreach (var (function, penetration, hasPenetration) in _taLib)
            {
                status |= hasPenetration
                    ? ((delegate* unmanaged<int, int, double*, double*, double*, double*, double, int*, int*, int*, int>)function)(0, End, o, h, l, c, penetration, &beg, &count, n)
                    : ((delegate* unmanaged<int, int, double*, double*, double*, double*, int*, int*, int*, int>)function)(0, End, o, h, l, c, &beg, &count, n);
            }
        }

        return status;
    }
}
