using BenchmarkDotNet.Attributes;
using MtMcp.DemoMarket;

namespace MtMcp.Benchmarks;

/// <summary>Generating the demo market: a year of M1 history for one symbol, and the live tick stream.</summary>
[MemoryDiagnoser]
public class DemoMarketBenchmarks
{
    private static readonly DateTimeOffset s_start = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
    private DemoMarket.DemoMarket _market = null!;
    private int _historyBars;
    private int _ticks;

    [GlobalSetup]
    public void Setup()
    {
        _market = new DemoMarket.DemoMarket(new DemoMarketOptions { Start = s_start });

        // Warm the walk checkpoints so the benchmark measures generation, not the first walk.
        _historyBars = _market.GenerateM1("EURUSD", s_start, s_start.AddDays(365)).Length;
        _ticks = CountTicks();
    }

    [Benchmark]
    [Headline("Demo market: a year of EURUSD M1", HeadlineUnit.Milliseconds, 1000)]
    public int YearOfM1() => _market.GenerateM1("EURUSD", s_start, s_start.AddDays(365)).Length;

    /// <summary>All catalogue symbols over the six busiest hours of a Tuesday; reported per tick.</summary>
    [Benchmark]
    public int BusyHoursOfTicks() => CountTicks();

    private int CountTicks()
    {
        var from = s_start.AddDays(1).AddHours(12);
        var count = 0;
        foreach (var _ in _market.GenerateTicks(from, from.AddHours(6)))
        {
            count++;
        }

        return count;
    }

    /// <summary>Figures for the performance notes: bars in a year and ticks in the benchmarked window.</summary>
    public override string ToString() => $"{_historyBars} bars, {_ticks} ticks";
}
