namespace MtMcp.Indicators.Tests;

/// <summary>
/// The moving-average-based momentum indicators on a short hand-made series the real data never shows: flat bars
/// (no high–low range, so %K is 0 and the RSI is flat), periods of 1, fast periods longer than slow ones (TA-Lib
/// swaps them, and MACDEXT swaps the types too), MACDEXT with different types per line, and a PPO whose slow
/// average is exactly 0. Expected values are TA-Lib's own output for these series (npm talib 1.1.6, which builds
/// TA-Lib's C source).
/// </summary>
public sealed class MomentumMaBasedEdgeCaseTests
{
    private static readonly double[] s_high = [1.1, 1.1, 1.1, 1.1, 1.1, 1.103, 1.106, 1.107, 1.109, 1.112, 1.111, 1.108, 1.102, 1.1, 1.099, 1.099, 1.099, 1.099, 1.104, 1.107, 1.107, 1.11, 1.113, 1.113];
    private static readonly double[] s_low = [1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.101, 1.103, 1.103, 1.107, 1.106, 1.1, 1.097, 1.097, 1.099, 1.099, 1.099, 1.099, 1.098, 1.102, 1.103, 1.104, 1.108, 1.109];
    private static readonly double[] s_close = [1.1, 1.1, 1.1, 1.1, 1.1, 1.102, 1.105, 1.104, 1.108, 1.111, 1.107, 1.101, 1.098, 1.099, 1.099, 1.099, 1.099, 1.099, 1.103, 1.106, 1.104, 1.109, 1.112, 1.11];

    // Alternates around 0, so every 4-bar SMA is exactly 0 while the 3-bar one is not.
    private static readonly double[] s_alternating = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 2, -2, 3, -3, 1, -1, 1, -1, 1, -1, 1, -1];

    private static readonly TaLibCase[] s_cases =
    [
        new("STOCHF", "fast_k_period=3,fast_d_period=2,fast_d_ma_type=0", false, 3, new() { ["fast_k"] = [0.0, 0.0, 66.66666666666913, 83.33333333333148, 57.14285714285805, 87.50000000000138, 88.88888888888779, 44.444444444443896, 8.333333333332408, 7.1428571428579355, 18.181818181818, 39.99999999999911, 66.6666666666642, 0.0, 0.0, 83.33333333333148, 88.88888888888998, 66.66666666666748, 87.49999999999861, 90.00000000000111, 66.66666666666748], ["fast_d"] = [0.0, 0.0, 33.333333333334565, 75.00000000000031, 70.23809523809477, 72.32142857142972, 88.1944444444446, 66.66666666666586, 26.388888888888168, 7.7380952380951875, 12.662337662337983, 29.09090909090857, 53.33333333333167, 33.33333333333212, 2.1316282072803006e-14, 41.66666666666576, 86.11111111111074, 77.77777777777874, 77.08333333333306, 88.74999999999987, 78.33333333333431] }),
        new("STOCH", "fast_k_period=3,slow_k_period=2,slow_k_ma_type=1,slow_d_period=3,slow_d_ma_type=2", false, 5, new() { ["slow_k"] = [44.444444444446084, 70.37037037036968, 61.55202821869526, 78.85067607289935, 85.54281795022497, 58.14390227970426, 24.93685631545636, 13.074190200390744, 16.479275521342245, 32.15975850711349, 55.164363946813964, 18.388121315604657, 6.12937377186822, 57.59868014617706, 78.45881930798566, 70.59738421377354, 81.86579473792358, 87.28859824597527, 73.54064385977007], ["slow_d"] = [22.222222222223042, 50.000000000000206, 61.640211640211874, 71.67107583774305, 79.31363903586148, 70.72800313541035, 46.106865242667105, 24.540030918631544, 16.753843880044105, 23.752002794069295, 41.04864739600186, 32.942141724592574, 18.388121315604668, 33.9071515496454, 59.45053199802991, 71.0514119005782, 77.54182865821728, 82.69912807125779, 79.51082046819742] }),
        new("STOCH", "fast_k_period=1,slow_k_period=1,slow_k_ma_type=0,slow_d_period=1,slow_d_ma_type=0", false, 0, new() { ["slow_k"] = [0.0, 0.0, 0.0, 0.0, 0.0, 66.66666666666913, 79.99999999999822, 25.000000000002775, 83.33333333333518, 79.99999999999822, 19.999999999998224, 12.499999999998611, 20.000000000001776, 66.6666666666642, 0.0, 0.0, 0.0, 0.0, 83.33333333333148, 80.00000000000178, 25.000000000002775, 83.33333333333148, 80.00000000000178, 25.000000000002775], ["slow_d"] = [0.0, 0.0, 0.0, 0.0, 0.0, 66.66666666666913, 79.99999999999822, 25.000000000002775, 83.33333333333518, 79.99999999999822, 19.999999999998224, 12.499999999998611, 20.000000000001776, 66.6666666666642, 0.0, 0.0, 0.0, 0.0, 83.33333333333148, 80.00000000000178, 25.000000000002775, 83.33333333333148, 80.00000000000178, 25.000000000002775] }),
        new("STOCHRSI", "time_period=3,fast_k_period=3,fast_d_period=2,fast_d_ma_type=0", false, 6, new() { ["fast_k"] = [100.0, 0.0, 60.67415730337191, 100.0, 0.0, 0.0, 0.0, 100.0, 100.0, 0.0, 0.0, 0.0, 100.0, 100.0, 0.0, 69.63679516829923, 99.99999999999999, 0.0], ["fast_d"] = [100.0, 50.0, 30.337078651685957, 80.33707865168596, 50.0, 0.0, 0.0, 50.0, 100.0, 50.0, 0.0, 0.0, 50.0, 100.0, 50.0, 34.818397584149615, 84.81839758414961, 49.99999999999999] }),
        new("MACD", "fast_period=5,slow_period=3,signal_period=2", false, 5, new() { ["macd"] = [0.0003333333333332966, 0.000888888888888939, 0.0007592592592591263, 0.0012561728395061866, 0.0017124485596708983, 0.0009124657064472075, -0.0005062728623685953, -0.0013948069082458936, -0.0012918504388306218, -0.0010422232092204275, -0.0007853102644801435, -0.0005687875721536173, -0.00040181541268591303, 0.00038747787591764116, 0.001085995992799127, 0.0008045026996266191, 0.0014099211519646992, 0.001876740444083147, 0.0013862234674419938], ["macd_signal"] = [0.0001666666666666483, 0.0006481481481481755, 0.0007222222222221427, 0.0010781893004115054, 0.001501028806584434, 0.0011086534064929498, 0.000032035893918586425, -0.0009191926408577335, -0.001167631172839659, -0.0010840258637601714, -0.0008848821309068195, -0.0006741524250713514, -0.0004925944168143925, 0.00009412044500696319, 0.000755370810201739, 0.0007881254031516591, 0.0012026559023603526, 0.0016520455968422154, 0.0014748308439087342], ["macd_hist"] = [0.0001666666666666483, 0.00024074074074076357, 0.00003703703703698358, 0.00017798353909468127, 0.0002114197530864643, -0.0001961877000457423, -0.0005383087562871817, -0.0004756142673881601, -0.00012421926599096283, 0.000041802654539743874, 0.00009957186642667597, 0.0001053648529177341, 0.00009077900412847949, 0.00029335743091067797, 0.0003306251825973879, 0.00001637729647496007, 0.00020726524960434662, 0.0002246948472409316, -0.00008860737646674047] }),
        new("MACDEXT", "fast_period=6,fast_ma_type=6,slow_period=3,slow_ma_type=1,signal_period=1,signal_ma_type=0", false, 6, new() { ["macd"] = [-0.0009999999999998899, -0.0003114061569953197, 0.0007560332986242813, 0.0014304108505778235, 0.0007710317083342577, -0.0025008660107532776, -0.005041584195044857, -0.005811024515660401, -0.0053388512752385875, -0.00362686297566972, -0.002599175661715858, -0.002301267144040775, -0.0010600120562958004, -0.00031299407496754306, -0.00009852647263142167, 0.0012639963873943838, 0.0021768838460540785, 0.0020722224380509413], ["macd_signal"] = [-0.0009999999999998899, -0.0003114061569953197, 0.0007560332986242813, 0.0014304108505778235, 0.0007710317083342577, -0.0025008660107532776, -0.005041584195044857, -0.005811024515660401, -0.0053388512752385875, -0.00362686297566972, -0.002599175661715858, -0.002301267144040775, -0.0010600120562958004, -0.00031299407496754306, -0.00009852647263142167, 0.0012639963873943838, 0.0021768838460540785, 0.0020722224380509413], ["macd_hist"] = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0] }),
        new("MACDEXT", "fast_period=3,fast_ma_type=0,slow_period=5,slow_ma_type=3,signal_period=2,signal_ma_type=5", false, 9, new() { ["macd"] = [-0.0021026063100135772, -0.0002545038866021976, 0.0013358939186101093, 0.0008572676929330392, -0.00030255889176777906, -0.00022886416366052487, 0.00042191099294219825, 0.0005161172485126375, 0.0005006403344869348, -0.0004507538866898031, -0.0010457342198029185, 0.00017639313805095647, -0.000781519866389635, -0.0019722752906166097, -0.0004675434098342368], ["macd_signal"] = [-0.001710562414266037, -0.0011785550983078874, 0.0005406950160039559, 0.0010965808057715742, 0.00027735440058263006, -0.00026571152771415196, 0.00009652341464083669, 0.0004690141207274179, 0.0005083787914997862, 0.000024943223898565847, -0.0007482440532463608, -0.000434670540875981, -0.00030256336416933927, -0.0013768975785031223, -0.0012199093502254232], ["macd_hist"] = [-0.0003920438957475403, 0.0009240512117056898, 0.0007951989026061534, -0.00023931311283853507, -0.0005799132923504091, 0.000036847364053627096, 0.00032538757830136156, 0.000047103127785219634, -0.000007738457012851363, -0.00047569711058836894, -0.0002974901665565577, 0.0006110636789269375, -0.00047895650222029573, -0.0005953777121134873, 0.0007523659403911864] }),
        new("APO", "fast_period=5,slow_period=2,ma_type=1", false, 4, new() { ["real"] = [0.0, 0.0006666666666668153, 0.0016666666666667052, 0.001185185185185178, 0.0021481481481482323, 0.0028847736625514653, 0.0010740740740742272, -0.0015669867398262483, -0.002805669867398386, -0.0021241172585479973, -0.001500635065792677, -0.0010286090083375665, -0.0006951345492727246, -0.0004665547696420802, 0.0010212529079740573, 0.0021249317456721872, 0.0012313199883446924, 0.002425779600417677, 0.0031521529363409684, 0.001946424136248126] }),
        new("PPO", "fast_period=3,slow_period=4,ma_type=0", true, 3, new() { ["real"] = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 166.66666666666666, 0.0, 100.0, 0.0, -233.33333333333331, 0.0, -166.66666666666666, 0.0, 0.0, 0.0, 0.0, 0.0] }),
        new("TRIX", "time_period=2", false, 4, new() { ["real"] = [0.0, 0.05387205387206162, 0.13460761879122707, 0.08961778016758348, 0.15420353872248604, 0.20959258578643336, 0.054188453563974726, -0.17032965319275784, -0.26133350289995194, -0.1761160604469847, -0.09528027643244119, -0.046236906183827475, -0.020996789251614967, -0.009113169839403135, 0.10400846645870487, 0.1869505406894456, 0.09793519129781547, 0.17380809282450116, 0.22826535832782824, 0.1201576717286823] }),
    ];

    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, s_cases.Length)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Batch_EdgeSeries_EqualsTaLib(int index)
    {
        var (indicator, parameters, golden) = Prepare(index);
        Assert.Equal(golden.BegIndex, indicator.LookbackOf(parameters));

        var outputs = indicator.Compute(Inputs(golden), parameters);
        foreach (var (output, expected) in golden.Outputs)
        {
            var actual = outputs[TaLibCaseHarness.OutputIndex(indicator, output)];
            for (var i = 0; i < s_close.Length; i++)
            {
                AssertClose(i < golden.BegIndex ? double.NaN : expected[i - golden.BegIndex], actual[i], $"{golden} {output}[{i}]");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stream_EdgeSeriesWithUpdates_EqualsTaLib(int index)
    {
        var (indicator, parameters, golden) = Prepare(index);
        var real = golden.Alternating ? s_alternating : s_close;
        var stream = indicator.CreateStream(parameters);
        for (var i = 0; i < s_close.Length; i++)
        {
            var bar = new StreamBar(s_close[i], s_high[i], s_low[i], s_close[i], 0, real[i], double.NaN);

            // The forming bar first makes a new extreme in both directions, then settles.
            stream.Add(bar with { High = bar.High + 1, Low = bar.Low - 1, Close = bar.Close + 0.5, Real0 = bar.Real0 + 0.5 });
            stream.UpdateLast(bar);

            Assert.Equal(i >= golden.BegIndex, stream.IsReady);
            foreach (var (output, expected) in golden.Outputs)
            {
                AssertClose(i < golden.BegIndex ? double.NaN : expected[i - golden.BegIndex], stream.Value(TaLibCaseHarness.OutputIndex(indicator, output)), $"{golden} stream {output}[{i}]");
            }
        }
    }

    [Theory]
    [InlineData("macd")]
    [InlineData("macdfix")]
    public void Bind_EmaSignalPeriodOne_IsRejectedWithTheRange(string name)
    {
        // TA-Lib documents 1, but then returns misaligned values read from outside its buffer.
        var error = Assert.Throws<IndicatorException>(() => IndicatorParameters.Bind(IndicatorRegistry.Get(name).Info, [KeyValuePair.Create("signal", "1")]));
        Assert.Equal("signal_period", error.Parameter);
        Assert.Contains("from 2 to 100000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_TrixPeriodOne_IsRejectedWithTheRange()
    {
        var error = Assert.Throws<IndicatorException>(() => IndicatorParameters.Bind(Trix.Info, [KeyValuePair.Create("period", "1")]));
        Assert.Contains("from 2 to 100000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_OutputShorterThanInput_NamesTheOutput()
    {
        var slowD = new double[s_close.Length];
        var error = Assert.Throws<ArgumentException>(() =>
            Stoch.Compute(s_high, s_low, s_close, 5, 3, MaType.Sma, 3, MaType.Sma, new double[s_close.Length - 1], slowD));
        Assert.Equal("slowK", error.ParamName);
    }

    [Fact]
    public void Compute_InputsOfDifferentLengths_Throws()
    {
        var output = new double[s_close.Length];
        Assert.Throws<ArgumentException>(() => StochF.Compute(s_high, s_low.AsSpan(1), s_close, 5, 3, MaType.Sma, output, output));
    }

    [Fact]
    public void Stream_PeriodOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Macd.Stream(12, 26, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Stoch.Stream(0, 3, MaType.Sma, 3, MaType.Sma));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Apo.Stream(12, 100_001, MaType.Sma));
    }

    [Fact]
    public void Compute_FewerBarsThanTheWarmUp_LeavesTheOutputsAlone()
    {
        var macd = new double[20];
        var signal = new double[20];
        var hist = new double[20];
        macd.AsSpan().Fill(double.NaN);
        signal.AsSpan().Fill(double.NaN);
        hist.AsSpan().Fill(double.NaN);

        Macd.Compute(s_close.AsSpan(0, 20), 12, 26, 9, macd, signal, hist);

        Assert.All(macd.Concat(signal).Concat(hist), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void UpdateLast_AsFirstCall_ActsAsAdd()
    {
        var stream = new StochF.Stream(1, 1, MaType.Sma);

        stream.UpdateLast(StreamBar.Ohlcv(1.0, 1.2, 0.9, 1.1, 0));

        // One bar, %K period 1: (1.1 − 0.9) / ((1.2 − 0.9) / 100) = 66.67.
        Assert.Equal(1, stream.Count);
        Assert.True(stream.IsReady);
        Assert.Equal(200.0 / 3.0, stream.Value(0), 9);
    }

    private static IndicatorInputs Inputs(TaLibCase golden) => new()
    {
        High = s_high,
        Low = s_low,
        Close = s_close,
        Real0 = golden.Alternating ? s_alternating : s_close,
    };

    private static (Indicator Indicator, IndicatorParameters Parameters, TaLibCase Golden) Prepare(int index)
    {
        var golden = s_cases[index];
        var (indicator, parameters) = TaLibCaseHarness.Bind(golden.Function, golden.Parameters);
        return (indicator, parameters, golden);
    }

    private static void AssertClose(double expected, double actual, string what) =>
        TaLibCaseHarness.AssertClose(expected, actual, 1e-9 * (Math.Abs(expected) + 1e-3), what);

    /// <summary>TA-Lib's output from <see cref="BegIndex"/> on; <see cref="Alternating"/> picks the free series.</summary>
    private sealed record TaLibCase(string Function, string Parameters, bool Alternating, int BegIndex, Dictionary<string, double[]> Outputs)
    {
        public override string ToString() => $"{Function}({Parameters})";
    }
}
