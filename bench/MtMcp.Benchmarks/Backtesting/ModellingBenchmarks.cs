using BenchmarkDotNet.Attributes;
using MtMcp.Backtesting;
using MtMcp.Domain;
using MtMcp.Strategies;

namespace MtMcp.Benchmarks;

/// <summary>
/// <c>builtin:sma_cross</c> (10/30) written in the strategy language, native engine, in each MT5 modelling mode:
/// 1 M synthetic M1 bars in open-prices and 1-minute-OHLC modes (one operation = one bar), 100 k bars in generated-ticks
/// mode and 1 M synthetic ticks in real-ticks mode (one operation = one tick).
/// </summary>
[MemoryDiagnoser]
public class ModellingBenchmarks
{
    private const int BarCount = 1_000_000;
    private const int GeneratedBarCount = 100_000;
    private const int TickCount = 1_000_000;

    // Σ tick volume of the first 100 k synthetic bars (checked in Setup).
    private const int GeneratedTickCount = 9_986_941;
    private static readonly StrategyParameters s_parameters = new StrategyParameters().Set("fast", 10).Set("slow", 30);
    private static readonly NativeOptions s_options = new() { EquityCurve = false };
    private Bar[] _bars = [];
    private Bar[] _generatedBars = [];
    private Tick[] _ticks = [];
    private StrategyDocument _document = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bars = SyntheticSeries.M1Bars(BarCount);
        _generatedBars = _bars[..GeneratedBarCount];
        long generatedTicks = 0;
        foreach (var bar in _generatedBars)
        {
            generatedTicks += bar.TickVolume;
        }

        if (generatedTicks != GeneratedTickCount)
        {
            throw new InvalidOperationException($"The synthetic bars now hold {generatedTicks} ticks: update GeneratedTickCount.");
        }

        var (time, bid, ask, _) = SyntheticSeries.TickColumns(TickCount);
        _ticks = new Tick[TickCount];
        for (var i = 0; i < TickCount; i++)
        {
            _ticks[i] = new Tick(time[i], bid[i], ask[i], 0, 0, TickFlags.Bid | TickFlags.Ask);
        }

        _document = StrategyResolver.Builtin("sma_cross");
    }

    [Benchmark(OperationsPerInvoke = BarCount)]
    [Headline("Language sma_cross, native open prices (bars/s)", HeadlineUnit.ItemsPerSecond, 10e6)]
    public decimal OpenPrices() => Bars(_bars, NativeModel.OpenPrices);

    [Benchmark(OperationsPerInvoke = BarCount)]
    [Headline("Language sma_cross, native 1-minute OHLC (bars/s)", HeadlineUnit.ItemsPerSecond, 10e6)]
    public decimal M1Ohlc() => Bars(_bars, NativeModel.M1Ohlc);

    /// <summary>Per generated tick (the bars average 100 ticks).</summary>
    [Benchmark(OperationsPerInvoke = GeneratedTickCount)]
    public decimal GeneratedTicks() => Bars(_generatedBars, NativeModel.GeneratedTicks);

    [Benchmark(OperationsPerInvoke = TickCount)]
    [Headline("Language sma_cross, native real ticks (ticks/s)", HeadlineUnit.ItemsPerSecond, 10e6)]
    public decimal RealTicks() =>
        NativeBacktest.RunTicks(_ticks, Timeframe.M1, new LanguageStrategy(_document), s_parameters, s_options).FinalBalance;

    private decimal Bars(Bar[] bars, NativeModel model) =>
        NativeBacktest.RunBars(bars, Timeframe.M1, model, new LanguageStrategy(_document), s_parameters, s_options).FinalBalance;
}
