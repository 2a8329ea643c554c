using BenchmarkDotNet.Attributes;
using MtMcp.Data.Store;
using MtMcp.Domain;

namespace MtMcp.Benchmarks;

/// <summary>Reading 10 M stored M1 bars through the memory-mapped columns (page cache warm).</summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private const int Bars = 10_000_000;
    private string _root = "";
    private MarketDataStore _store = null!;

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
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

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

    /// <summary>Open the series and read every column of every bar.</summary>
    [Benchmark]
    [Headline("Store read of 10 M bars (all 8 columns)", HeadlineUnit.Milliseconds, 50)]
    public double OpenAndReadAllColumns()
    {
        using var series = _store.OpenBars("EURUSD", Timeframe.M1);
        var sum = 0.0;
        var time = series.Time;
        var open = series.Open;
        var high = series.High;
        var low = series.Low;
        var close = series.Close;
        var tickVolume = series.TickVolume;
        var spread = series.Spread;
        var realVolume = series.RealVolume;
        for (var i = 0; i < close.Length; i++)
        {
            sum += open[i] + high[i] + low[i] + close[i] + time[i] + tickVolume[i] + spread[i] + realVolume[i];
        }

        return sum;
    }
}
