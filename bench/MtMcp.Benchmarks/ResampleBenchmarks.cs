using BenchmarkDotNet.Attributes;
using MtMcp.Data.Resampling;
using MtMcp.Domain;

namespace MtMcp.Benchmarks;

/// <summary>Building M1 bars from ticks, and H1 from M1, over columns in memory.</summary>
[MemoryDiagnoser]
public class ResampleBenchmarks
{
    private const int Ticks = 10_000_000;
    private const int M1Bars = 1_000_000;
    private long[] _time = [];
    private double[] _bid = [];
    private double[] _ask = [];
    private double[] _volume = [];
    private Bar[] _m1 = [];
    private Bar[] _destination = [];

    [GlobalSetup]
    public void Setup()
    {
        (_time, _bid, _ask, _volume) = SyntheticSeries.TickColumns(Ticks);
        _m1 = SyntheticSeries.M1Bars(M1Bars);
        _destination = new Bar[Ticks];
    }

    [Benchmark(OperationsPerInvoke = Ticks)]
    [Headline("Tick -> M1 resampling (ticks/s)", HeadlineUnit.ItemsPerSecond, 50e6)]
    public int TicksToM1() => BarResampler.TicksToBars(_time, _bid, _ask, _volume, Timeframe.M1, 0.00001, _destination);

    [Benchmark(OperationsPerInvoke = M1Bars)]
    [Headline("M1 -> H1 resampling (bars/s)", HeadlineUnit.ItemsPerSecond, 50e6)]
    public int M1ToH1() => BarResampler.Resample(_m1, Timeframe.M1, Timeframe.H1, _destination);
}
