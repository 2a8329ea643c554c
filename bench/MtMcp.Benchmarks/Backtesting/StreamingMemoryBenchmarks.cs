using BenchmarkDotNet.Attributes;
using MtMcp.Backtesting;
using MtMcp.Domain;
using MtMcp.Strategies;

namespace MtMcp.Benchmarks;

/// <summary>
/// Memory of a native run against the number of bars streamed: the language <c>sma_cross</c> in 1-minute-OHLC mode on
/// 250 k and 1 M synthetic M1 bars. Without the equity curve the allocation must not grow with the bars (the bars are
/// the caller's and are not copied); with it, it grows by the curve's 8 bytes a bar.
/// </summary>
[MemoryDiagnoser]
public class StreamingMemoryBenchmarks
{
    private static readonly StrategyParameters s_parameters = new StrategyParameters().Set("fast", 10).Set("slow", 30);
    private Bar[] _bars = [];
    private StrategyDocument _document = null!;

    [Params(250_000, 1_000_000)]
    public int Bars { get; set; }

    [Params(false, true)]
    public bool EquityCurve { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bars = SyntheticSeries.M1Bars(Bars);
        _document = StrategyResolver.Builtin("sma_cross");
    }

    [Benchmark]
    public decimal M1Ohlc() =>
        NativeBacktest.RunBars(_bars, Timeframe.M1, NativeModel.M1Ohlc, new LanguageStrategy(_document), s_parameters, new NativeOptions { EquityCurve = EquityCurve }).FinalBalance;
}
