using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using MtMcp.Data.Store;
using MtMcp.Domain;

namespace MtMcp.Benchmarks;

/// <summary>
/// Reading 10 M stored M1 bars through the memory-mapped columns (page cache warm). The store keeps the maps of a
/// series between opens, so every open but those of FirstOpenAndReadAllColumns reuses the maps of the series kept open here.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes them.")]
public class StoreBenchmarks
{
    private const int Bars = 10_000_000;
    private string _root = "";
    private MarketDataStore _store = null!;
    private BarSeries _open = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "mtmcp-bench-store-" + Environment.ProcessId);
        _store = new MarketDataStore(_root);
        var bars = SyntheticSeries.M1Bars(1_000_000);
        for (var chunk = 0; chunk < Bars / bars.Length; chunk++)
        {
            var shift = chunk * (long)bars.Length * 60;
            var shifted = Array.ConvertAll(bars, b => b with { Time = b.Time + shift });
            _store.WriteBars("EURUSD", Timeframe.M1, shifted);
        }

        _open = _store.OpenBars("EURUSD", Timeframe.M1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _open.Dispose();
        _store.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Open the series and read every close: the whole column is touched.</summary>
    [Benchmark]
    [Headline("Store read of 10 M bars (open + sum close)", HeadlineUnit.Milliseconds, 50)]
    public double OpenAndSumClose()
    {
        using var series = _store.OpenBars("EURUSD", Timeframe.M1);
        var sum = 0.0;
        foreach (var close in series.Close)
        {
            sum += close;
        }

        return sum;
    }

    /// <summary>
    /// Open the series and read every byte of every column (a vectorised XOR, so the figure is the
    /// store's read cost, not the cost of floating-point additions).
    /// </summary>
    [Benchmark]
    [Headline("Store read of 10 M bars (all 8 columns)", HeadlineUnit.Milliseconds, 50)]
    public ulong OpenAndReadAllColumns()
    {
        using var series = _store.OpenBars("EURUSD", Timeframe.M1);
        return ReadAll(series);
    }

    private static ulong ReadAll(BarSeries series)
    {
        return Fold(MemoryMarshal.AsBytes(series.Time)) ^ Fold(MemoryMarshal.AsBytes(series.Open)) ^ Fold(MemoryMarshal.AsBytes(series.High))
            ^ Fold(MemoryMarshal.AsBytes(series.Low)) ^ Fold(MemoryMarshal.AsBytes(series.Close)) ^ Fold(MemoryMarshal.AsBytes(series.TickVolume))
            ^ Fold(MemoryMarshal.AsBytes(series.Spread)) ^ Fold(MemoryMarshal.AsBytes(series.RealVolume));
    }

    /// <summary>
    /// The first open of a series: a new store (as in a process just started) has nothing mapped, so it maps the
    /// columns anew and the kernel faults each page into the new maps as it is read.
    /// </summary>
    [Benchmark]
    [Headline("Store read of 10 M bars, first open (all 8 cols)", HeadlineUnit.Milliseconds, 50)]
    public ulong FirstOpenAndReadAllColumns()
    {
        using var store = new MarketDataStore(_root);
        using var series = store.OpenBars("EURUSD", Timeframe.M1);
        return ReadAll(series);
    }

    /// <summary>The same read on a series opened once: what remains when the pages are already mapped.</summary>
    [Benchmark]
    public ulong ReadAllColumnsOfOpenSeries() => ReadAll(_open);

    private static ulong Fold(ReadOnlySpan<byte> bytes)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        var vectors = MemoryMarshal.Cast<ulong, Vector<ulong>>(words);
        var acc = Vector<ulong>.Zero;
        foreach (var v in vectors)
        {
            acc ^= v;
        }

        var result = 0UL;
        for (var i = 0; i < Vector<ulong>.Count; i++)
        {
            result ^= acc[i];
        }

        for (var i = vectors.Length * Vector<ulong>.Count; i < words.Length; i++)
        {
            result ^= words[i];
        }

        return result;
    }
}
