using BenchmarkDotNet.Attributes;
using MtMcp.Backtesting;
using MtMcp.Domain;

namespace MtMcp.Benchmarks;

/// <summary>
/// <c>builtin:sma_cross</c> (10/30) over 1 M synthetic M1 EURUSD-like bars: the backtesting.py-compatible bar engine and
/// the native engine in open-prices mode. Bars per second = 1e6 / mean time.
/// </summary>
[MemoryDiagnoser]
public class BacktestBenchmarks
{
    private const int BarCount = 1_000_000;
    private static readonly StrategyParameters s_parameters = new StrategyParameters().Set("fast", 10).Set("slow", 30);
    private Bar[] _bars = [];

    [GlobalSetup]
    public void Setup()
    {
        // A seeded random walk around 1.1 with 1-pip steps, M1 from 2025-01-06 (weekdays only do not matter here).
        var random = new Random(42);
        _bars = new Bar[BarCount];
        var price = 1.1;
        var start = new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        for (var i = 0; i < BarCount; i++)
        {
            var open = price;
            var close = Math.Round(open + ((random.Next(21) - 10) * 0.00001), 5);
            var high = Math.Max(open, close) + (random.Next(5) * 0.00001);
            var low = Math.Min(open, close) - (random.Next(5) * 0.00001);
            _bars[i] = new Bar(start + (i * 60L), open, high, low, close, 10, 10, 0);
            price = close;
        }
    }

    [Benchmark(Baseline = true)]
    public double Compat() => CompatBacktest.Run(_bars, new SmaCross(), s_parameters).Statistics.EquityFinal;

    [Benchmark]
    public decimal NativeOpenPrices() => NativeBacktest.RunBars(_bars, Timeframe.M1, NativeModel.OpenPrices, new SmaCross(), s_parameters).FinalBalance;
}
