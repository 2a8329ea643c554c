namespace MtMcp.Indicators.Tests;

/// <summary>
/// The momentum indicators on a short hand-made series that the real data never shows: flat bars (no true range,
/// so DX repeats and ADX skips), equal up and down moves (DI sum 0), equal highs and lows (Aroon ties), money
/// flows under TA-Lib's threshold of 1, bars without bodies (IMI 0/0), and periods of 1 (TA-Lib's special cases).
/// Expected values are TA-Lib's own output for this series (npm talib 1.1.6, which builds TA-Lib's C source).
/// </summary>
public sealed class MomentumEdgeCaseTests
{
    private static readonly double[] s_open = [10.5, 10.5, 10.5, 10.6, 10.5, 11.1, 10.8, 9.9, 11.5, 11.8, 11.5, 11.7];
    private static readonly double[] s_high = [10.5, 10.5, 10.5, 11, 11.2, 11.2, 10.9, 11.5, 12, 11.9, 11.9, 13];
    private static readonly double[] s_low = [10.5, 10.5, 10.5, 10, 10.1, 10.1, 9.5, 9.8, 11, 11.1, 11.1, 11.6];
    private static readonly double[] s_close = [10.5, 10.5, 10.5, 10.5, 11, 11, 9.6, 11.4, 11.8, 11.5, 11.5, 12.9];
    private static readonly double[] s_volume = [0.2, 0.3, 0, 0.5, 0.1, 0.2, 40, 0, 25, 0.4, 0.3, 7];

    private static readonly Dictionary<string, TaLibCase> s_cases = new(StringComparer.Ordinal)
    {
        ["ADX(time_period=2)"] = new("ADX", "time_period=2", 3, new() { ["real"] = [0.0, 50.0, 75.0, 79.80769230769232, 57.471413721413725, 63.15129127629128, 65.99123005373006, 67.41119944244946, 82.16910804388799] }),
        ["ADXR(time_period=2)"] = new("ADXR", "time_period=2", 4, new() { ["real"] = [25.0, 62.5, 77.40384615384616, 68.63955301455303, 60.3113524988525, 64.57126066501067, 66.70121474808977, 74.79015374316873] }),
        ["DX(time_period=2)"] = new("DX", "time_period=2", 2, new() { ["real"] = [0.0, 0.0, 100.0, 100.0, 84.61538461538464, 35.13513513513513, 68.83116883116884, 68.83116883116884, 68.83116883116884, 96.92701664532652] }),
        ["PLUS_DI(time_period=2)"] = new("PLUS_DI", "time_period=2", 2, new() { ["real"] = [0.0, 0.0, 12.49999999999996, 5.263157894736825, 2.040816326530605, 19.999999999999986, 31.70731707317072, 19.519519519519505, 11.035653650254659, 49.6449322143318] }),
        ["MINUS_DI(time_period=2)"] = new("MINUS_DI", "time_period=2", 2, new() { ["real"] = [0.0, 0.0, 0.0, 0.0, 24.489795918367335, 9.599999999999994, 5.853658536585363, 3.6036036036036, 2.037351443123937, 0.7746933505487404] }),
        ["PLUS_DI(time_period=1)"] = new("PLUS_DI", "time_period=1", 1, new() { ["real"] = [0.0, 0.0, 0.0, 0.18181818181818124, 0.0, 0.0, 0.3157894736842103, 0.5, 0.0, 0.0, 0.7333333333333331] }),
        ["MINUS_DI(time_period=1)"] = new("MINUS_DI", "time_period=1", 1, new() { ["real"] = [0.0, 0.0, 0.0, 0.0, 0.0, 0.39999999999999974, 0.0, 0.0, 0.0, 0.0, 0.0] }),
        ["PLUS_DM(time_period=1)"] = new("PLUS_DM", "time_period=1", 1, new() { ["real"] = [0.0, 0.0, 0.0, 0.1999999999999993, 0.0, 0.0, 0.5999999999999996, 0.5, 0.0, 0.0, 1.0999999999999996] }),
        ["MINUS_DM(time_period=1)"] = new("MINUS_DM", "time_period=1", 1, new() { ["real"] = [0.0, 0.0, 0.0, 0.0, 0.0, 0.5999999999999996, 0.0, 0.0, 0.0, 0.0, 0.0] }),
        ["PLUS_DM(time_period=3)"] = new("PLUS_DM", "time_period=3", 2, new() { ["real"] = [0.0, 0.0, 0.1999999999999993, 0.13333333333333286, 0.08888888888888857, 0.6592592592592587, 0.9395061728395058, 0.6263374485596704, 0.41755829903978026, 1.3783721993598532] }),
        ["AROON(time_period=3)"] = new("AROON", "time_period=3", 3, new() { ["aroon_down"] = [100.0, 66.66666666666667, 33.333333333333336, 100.0, 66.66666666666667, 33.333333333333336, 0.0, 0.0, 0.0], ["aroon_up"] = [100.0, 100.0, 100.0, 66.66666666666667, 100.0, 100.0, 66.66666666666667, 33.333333333333336, 100.0] }),
        ["AROONOSC(time_period=3)"] = new("AROONOSC", "time_period=3", 3, new() { ["real"] = [0.0, 33.333333333333336, 66.66666666666667, -33.333333333333336, 33.333333333333336, 66.66666666666667, 66.66666666666667, 33.333333333333336, 100.0] }),
        ["WILLR(time_period=2)"] = new("WILLR", "time_period=2", 1, new() { ["real"] = [0.0, 0.0, -50.0, -16.666666666666618, -18.181818181818123, -94.11764705882354, -4.999999999999982, -9.090909090909062, -50.0, -50.0, -5.263157894736823] }),
        ["WILLR(time_period=4)"] = new("WILLR", "time_period=4", 3, new() { ["real"] = [-50.0, -16.666666666666618, -16.666666666666618, -94.11764705882354, -4.999999999999982, -7.999999999999972, -20.0, -22.727272727272737, -4.999999999999982] }),
        ["MFI(time_period=2)"] = new("MFI", "time_period=2", 2, new() { ["real"] = [0.0, 0.0, 100.0, 100.0, 0.0, 0.0, 100.0, 98.43856076035301, 0.0, 100.0] }),
        ["IMI(time_period=2)"] = new("IMI", "time_period=2", 1, new() { ["real"] = [double.NaN, double.NaN, 0.0, 83.33333333333339, 83.33333333333339, 0.0, 55.555555555555536, 100.0, 50.0, 0.0, 100.0] }),
        ["RSI(time_period=2)"] = new("RSI", "time_period=2", 2, new() { ["real"] = [0.0, 0.0, 100.0, 100.0, 8.196721311475407, 72.6829268292683, 79.182156133829, 58.35616438356161, 58.35616438356161, 92.95317570700045] }),
        ["CMO(time_period=3)"] = new("CMO", "time_period=3", 3, new() { ["real"] = [0.0, 100.0, 100.0, -72.60273972602741, 35.21850899742931, 46.382978723404264, 22.610826464691435, 22.61082646469143, 71.39210277102974] }),
        ["CCI(time_period=2)"] = new("CCI", "time_period=2", 1, new() { ["real"] = [0.0, 0.0, 0.0, 66.66666666666667, 0.0, -66.66666666666667, 66.6666666666668, 66.66666666666667, -66.66666666666785, 0.0, 66.66666666666667] }),
        ["BOP()"] = new("BOP", "", 0, new() { ["real"] = [0.0, 0.0, 0.0, -0.09999999999999964, 0.4545454545454547, -0.09090909090909062, -0.8571428571428577, 0.882352941176471, 0.3000000000000007, -0.37500000000000056, 0.0, 0.8571428571428577] }),
        ["ULTOSC(time_period1=3,time_period2=1,time_period3=2)"] = new("ULTOSC", "time_period1=3,time_period2=1,time_period3=2", 3, new() { ["real"] = [50.0, 75.32467532467537, 80.39772727272732, 22.13444213444213, 78.99061378937542, 80.09628302731757, 59.20205920205922, 51.64835164835166, 85.83183062846459] }),
        ["MOM(time_period=1)"] = new("MOM", "time_period=1", 1, new() { ["real"] = [0.0, 0.0, 0.0, 0.5, 0.0, -1.4000000000000004, 1.8000000000000007, 0.40000000000000036, -0.3000000000000007, 0.0, 1.4000000000000004] }),
        ["ROC(time_period=2)"] = new("ROC", "time_period=2", 2, new() { ["real"] = [0.0, 0.0, 4.761904761904767, 4.761904761904767, -12.727272727272732, 3.6363636363636376, 22.916666666666675, 0.8771929824561431, -2.5423728813559365, 12.173913043478258] }),

    };

    public static TheoryData<string> Cases() => [.. s_cases.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Batch_EdgeSeries_EqualsTaLib(string name)
    {
        var (indicator, parameters, golden) = Prepare(name);
        Assert.Equal(golden.BegIndex, indicator.LookbackOf(parameters));

        var outputs = indicator.Compute(Inputs, parameters);
        foreach (var (output, expected) in golden.Outputs)
        {
            var actual = outputs[TaLibCaseHarness.OutputIndex(indicator, output)];
            for (var i = 0; i < s_close.Length; i++)
            {
                AssertClose(i < golden.BegIndex ? double.NaN : expected[i - golden.BegIndex], actual[i], $"{name} {output}[{i}]");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stream_EdgeSeriesWithUpdates_EqualsTaLib(string name)
    {
        var (indicator, parameters, golden) = Prepare(name);
        var stream = indicator.CreateStream(parameters);
        for (var i = 0; i < s_close.Length; i++)
        {
            var bar = new StreamBar(s_open[i], s_high[i], s_low[i], s_close[i], s_volume[i], s_close[i], double.NaN);

            // The forming bar first makes a new extreme in both directions, then settles.
            stream.Add(bar with { High = bar.High + 1, Low = bar.Low - 1, Close = bar.Close + 0.5, Real0 = bar.Real0 + 0.5, Volume = 9 });
            stream.UpdateLast(bar);

            Assert.Equal(i >= golden.BegIndex, stream.IsReady);
            foreach (var (output, expected) in golden.Outputs)
            {
                AssertClose(i < golden.BegIndex ? double.NaN : expected[i - golden.BegIndex], stream.Value(TaLibCaseHarness.OutputIndex(indicator, output)), $"{name} stream {output}[{i}]");
            }
        }
    }

    [Fact]
    public void UltOsc_AllPeriodsOne_StartsAtTheSecondBarWithTheBarsOwnRatio()
    {
        // TA-Lib reports a lookback of 0 here and reads before the first bar; the first bar has no previous close.
        var parameters = IndicatorParameters.FromValues(UltOsc.Info, 1, 1, 1);
        Assert.Equal(1, UltOsc.Definition.LookbackOf(parameters));

        var output = UltOsc.Definition.Compute(Inputs, parameters)[0];

        // Bar 1 is flat (no range: 0); bar 3 has true low 10 and range 1, so pressure 0.5 and 100·(4+2+1)·0.5/7 = 50.
        Assert.True(double.IsNaN(output[0]));
        Assert.Equal(0.0, output[1]);
        Assert.Equal(50.0, output[3], 12);
    }

    private static IndicatorInputs Inputs => new()
    {
        Open = s_open,
        High = s_high,
        Low = s_low,
        Close = s_close,
        Volume = s_volume,
        Real0 = s_close,
    };

    private static (Indicator Indicator, IndicatorParameters Parameters, TaLibCase Golden) Prepare(string name)
    {
        var golden = s_cases[name];
        var (indicator, parameters) = TaLibCaseHarness.Bind(golden.Function, golden.Parameters);
        return (indicator, parameters, golden);
    }

    private static void AssertClose(double expected, double actual, string what) =>
        TaLibCaseHarness.AssertClose(expected, actual, 1e-12 * Math.Max(1.0, Math.Abs(expected)), what);

    private sealed record TaLibCase(string Function, string Parameters, int BegIndex, Dictionary<string, double[]> Outputs);
}
