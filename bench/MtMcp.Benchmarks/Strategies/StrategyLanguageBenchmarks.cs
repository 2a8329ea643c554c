using BenchmarkDotNet.Attributes;
using MtMcp.Backtesting;
using MtMcp.Domain;
using MtMcp.Strategies;

namespace MtMcp.Benchmarks;

/// <summary>
/// <c>builtin:sma_cross</c> (10/30) written in the strategy language against the C# <see cref="SmaCross"/>, over 1 M
/// synthetic M1 bars in the backtesting.py-compatible mode. Each operation is one bar, so the mean is the time per bar.
/// </summary>
[MemoryDiagnoser]
public class StrategyLanguageBenchmarks
{
    private const int BarCount = 1_000_000;
    private static readonly StrategyParameters s_parameters = new StrategyParameters().Set("fast", 10).Set("slow", 30);
    private Bar[] _bars = [];
    private StrategyDocument _document = null!;

    [GlobalSetup]
    public void Setup()
    {
        // A seeded random walk around 1.1 with 1-pip steps, one bar a minute.
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

        _document = StrategyResolver.Builtin("sma_cross");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BarCount)]
    public double CSharpSmaCross() => CompatBacktest.Run(_bars, new SmaCross(), s_parameters).Statistics.EquityFinal;

    [Benchmark(OperationsPerInvoke = BarCount)]
    [Headline("Strategy language sma_cross, compatible mode (bars/s)", HeadlineUnit.ItemsPerSecond, 10e6)]
    public double LanguageSmaCross() => CompatBacktest.Run(_bars, new LanguageStrategy(_document), s_parameters).Statistics.EquityFinal;

    [Benchmark(OperationsPerInvoke = BarCount)]
    [Headline("Strategy language sma_cross, native open prices (bars/s)", HeadlineUnit.ItemsPerSecond, 10e6)]
    public decimal LanguageSmaCrossNativeOpenPrices() =>
        NativeBacktest.RunBars(_bars, Timeframe.M1, NativeModel.OpenPrices, new LanguageStrategy(_document), s_parameters).FinalBalance;
}
