using BenchmarkDotNet.Attributes;
using MtMcp.Indicators;

namespace MtMcp.Benchmarks;

/// <summary>
/// The 30 most used indicators on 1 M bars: ours (batch) against TA-Lib C on the same data in the same run.
/// TA-Lib is the baseline, so the Ratio column is our time over TA-Lib's (below 1 = faster).
/// </summary>
/// <remarks>
/// Both sides write into the same buffer and every value to the same address: ours puts bar <c>i</c> of output
/// <c>k</c> at <c>k·n + i</c>, and TA-Lib, whose first value is the bar after the warm-up, starts at
/// <c>k·n + lookback</c>. Where an output lies relative to the inputs changes the time of the memory-bound indicators
/// (ROC, MOM) by 10–20 %, so separate output arrays would measure the allocator's addresses as much as the code
/// (<see cref="IndicatorAlignmentBenchmarks"/>). Candlestick patterns write integers, so TA-Lib's go to an int array.
/// </remarks>
[MemoryDiagnoser]
public unsafe class IndicatorBenchmarks
{
    private const int Bars = 1_000_000;

    private double[] _open = [], _high = [], _low = [], _close = [], _volume = [];
    private int[] _integers = [];
    private double[] _buffer = [];
    private int _lookback;
    private Indicator _indicator = null!;
    private IndicatorParameters _parameters = null!;

    [Params(
        "sma", "ema", "wma", "dema", "tema", "trima", "kama", "t3", "bbands", "macd",
        "rsi", "stoch", "stochrsi", "adx", "atr", "natr", "cci", "mfi", "obv", "ad",
        "adosc", "willr", "roc", "mom", "sar", "aroon", "ultosc", "stddev", "linearreg", "cdlengulfing")]
    public string Name { get; set; } = "sma";

    [GlobalSetup]
    public void Setup()
    {
        var bars = SyntheticSeries.M1Bars(Bars);
        _open = [.. bars.Select(b => b.Open)];
        _high = [.. bars.Select(b => b.High)];
        _low = [.. bars.Select(b => b.Low)];
        _close = [.. bars.Select(b => b.Close)];
        _volume = [.. bars.Select(b => (double)b.TickVolume)];
        _integers = new int[Bars];
        _indicator = IndicatorRegistry.Get(Name);
        _parameters = IndicatorParameters.Defaults(_indicator.Info);
        _buffer = new double[Bars * _indicator.Info.Outputs.Count];
        _lookback = _indicator.LookbackOf(_parameters);
    }

    [Benchmark(OperationsPerInvoke = Bars)]
    public void Ours() => _indicator.Batch(
        new IndicatorInputs { Open = _open, High = _high, Low = _low, Close = _close, Volume = _volume, Real0 = _close, Real1 = _open },
        _parameters,
        _buffer);

    [Benchmark(Baseline = true, OperationsPerInvoke = Bars)]
    public int TaLib()
    {
        if (!TaLibNative.IsAvailable)
        {
            throw new InvalidOperationException("TA-Lib C is not built: run bench/run (it calls bench/talib/build).");
        }

        int beg, count;
        const int End = Bars - 1;
        fixed (double* o = _open, h = _high, l = _low, c = _close, v = _volume, b = _buffer)
        fixed (int* n = _integers)
        {
            double* r0 = b + _lookback, r1 = r0 + Bars, r2 = r1 + Bars;
            return Name switch
            {
                "sma" => TaLibNative.TA_SMA(0, End, c, 30, &beg, &count, r0),
                "ema" => TaLibNative.TA_EMA(0, End, c, 30, &beg, &count, r0),
                "wma" => TaLibNative.TA_WMA(0, End, c, 30, &beg, &count, r0),
                "dema" => TaLibNative.TA_DEMA(0, End, c, 30, &beg, &count, r0),
                "tema" => TaLibNative.TA_TEMA(0, End, c, 30, &beg, &count, r0),
                "trima" => TaLibNative.TA_TRIMA(0, End, c, 30, &beg, &count, r0),
                "kama" => TaLibNative.TA_KAMA(0, End, c, 30, &beg, &count, r0),
                "t3" => TaLibNative.TA_T3(0, End, c, 5, 0.7, &beg, &count, r0),
                "bbands" => TaLibNative.TA_BBANDS(0, End, c, 5, 2, 2, 0, &beg, &count, r0, r1, r2),
                "macd" => TaLibNative.TA_MACD(0, End, c, 12, 26, 9, &beg, &count, r0, r1, r2),
                "rsi" => TaLibNative.TA_RSI(0, End, c, 14, &beg, &count, r0),
                "stoch" => TaLibNative.TA_STOCH(0, End, h, l, c, 5, 3, 0, 3, 0, &beg, &count, r0, r1),
                "stochrsi" => TaLibNative.TA_STOCHRSI(0, End, c, 14, 5, 3, 0, &beg, &count, r0, r1),
                "adx" => TaLibNative.TA_ADX(0, End, h, l, c, 14, &beg, &count, r0),
                "atr" => TaLibNative.TA_ATR(0, End, h, l, c, 14, &beg, &count, r0),
                "natr" => TaLibNative.TA_NATR(0, End, h, l, c, 14, &beg, &count, r0),
                "cci" => TaLibNative.TA_CCI(0, End, h, l, c, 14, &beg, &count, r0),
                "mfi" => TaLibNative.TA_MFI(0, End, h, l, c, v, 14, &beg, &count, r0),
                "obv" => TaLibNative.TA_OBV(0, End, c, v, &beg, &count, r0),
                "ad" => TaLibNative.TA_AD(0, End, h, l, c, v, &beg, &count, r0),
                "adosc" => TaLibNative.TA_ADOSC(0, End, h, l, c, v, 3, 10, &beg, &count, r0),
                "willr" => TaLibNative.TA_WILLR(0, End, h, l, c, 14, &beg, &count, r0),
                "roc" => TaLibNative.TA_ROC(0, End, c, 10, &beg, &count, r0),
                "mom" => TaLibNative.TA_MOM(0, End, c, 10, &beg, &count, r0),
                "sar" => TaLibNative.TA_SAR(0, End, h, l, 0.02, 0.2, &beg, &count, r0),
                "aroon" => TaLibNative.TA_AROON(0, End, h, l, 14, &beg, &count, r0, r1),
                "ultosc" => TaLibNative.TA_ULTOSC(0, End, h, l, c, 7, 14, 28, &beg, &count, r0),
                "stddev" => TaLibNative.TA_STDDEV(0, End, c, 5, 1, &beg, &count, r0),
                "linearreg" => TaLibNative.TA_LINEARREG(0, End, c, 14, &beg, &count, r0),
                "cdlengulfing" => TaLibNative.TA_CDLENGULFING(0, End, o, h, l, c, &beg, &count, n),
                _ => throw new InvalidOperationException($"No TA-Lib call for {Name}."),
            };
        }
    }
}
