using BenchmarkDotNet.Attributes;
using MtMcp.Indicators;

namespace MtMcp.Benchmarks;

/// <summary>Cost of one streaming update (a new bar) for the moving averages and the usual oscillators.</summary>
[MemoryDiagnoser]
public class StreamingBenchmarks
{
    private const int Bars = 1_000_000;
    private StreamBar[] _bars = [];
    private Indicator _indicator = null!;
    private IndicatorParameters _parameters = null!;

    [Params("sma", "ema", "wma", "dema", "tema", "trima", "kama", "t3", "rsi", "atr", "macd", "bbands")]
    public string Name { get; set; } = "sma";

    [GlobalSetup]
    public void Setup()
    {
        _bars = [.. SyntheticSeries.M1Bars(Bars).Select(b => StreamBar.Ohlcv(b.Open, b.High, b.Low, b.Close, b.TickVolume))];
        _indicator = IndicatorRegistry.Get(Name);
        _parameters = IndicatorParameters.Defaults(_indicator.Info);
    }

    /// <summary>A fresh stream fed every bar once; reported per bar.</summary>
    [Benchmark(OperationsPerInvoke = Bars)]
    public double AddPerBar()
    {
        var stream = _indicator.CreateStream(_parameters);
        foreach (ref readonly var bar in _bars.AsSpan())
        {
            stream.Add(bar);
        }

        return stream.Value(0);
    }

    /// <summary>Every bar added, then updated in place once (a forming bar): reported per bar.</summary>
    [Benchmark(OperationsPerInvoke = Bars)]
    public double AddAndUpdatePerBar()
    {
        var stream = _indicator.CreateStream(_parameters);
        foreach (ref readonly var bar in _bars.AsSpan())
        {
            stream.Add(bar);
            stream.UpdateLast(bar);
        }

        return stream.Value(0);
    }
}
