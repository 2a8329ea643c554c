using System.Globalization;

namespace MtMcp.Indicators.Tests;

/// <summary>
/// Every implemented TA-Lib function against TA-Lib's own output on two real datasets (Golden/, made by
/// talib/generate.mjs): same warm-up, same values; streaming (with an update in place on every bar) equals batch.
/// </summary>
public sealed class TaLibGoldenTests
{
    // Hilbert-transform and MESA functions iterate with feedback; TA-Lib itself documents them as approximate.
    private static readonly string[] s_iterative = ["HT_DCPERIOD", "HT_DCPHASE", "HT_PHASOR", "HT_SINE", "HT_TRENDLINE", "HT_TRENDMODE", "MAMA"];

    public static TheoryData<string, string> Implemented()
    {
        var data = new TheoryData<string, string>();
        foreach (var function in GoldenFile.Functions().Where(f => IndicatorRegistry.TryGet(f, out _)))
        {
            foreach (var dataset in GoldenData.Names.Where(d => GoldenFile.Exists(d, function)))
            {
                data.Add(dataset, function);
            }
        }

        return data;
    }

    [Fact]
    public void Golden_EveryCandlestickPattern_FiresSeveralTimesAtItsDefaults()
    {
        // A pattern whose golden outputs are all zero would pass Batch_EqualsTaLib by never firing.
        var patterns = GoldenFile.Functions().Where(f => f.StartsWith("CDL", StringComparison.Ordinal)).ToList();
        Assert.Equal(61, patterns.Count);
        var silent = new List<string>();
        foreach (var function in patterns)
        {
            var fired = GoldenData.Names
                .Where(d => GoldenFile.Exists(d, function))
                .Sum(d => GoldenFile.Load(d, function).Cases[0].Outputs[0].Values.Count(v => v != 0 && !double.IsNaN(v)));
            if (fired < 3)
            {
                silent.Add(string.Create(CultureInfo.InvariantCulture, $"{function} ({fired})"));
            }
        }

        Assert.True(silent.Count == 0, "Patterns firing fewer than 3 times in the golden files: " + string.Join(", ", silent));
    }

    [Theory]
    [MemberData(nameof(Implemented))]
    public void Batch_EqualsTaLib(string dataset, string function)
    {
        var indicator = IndicatorRegistry.Get(function);
        var data = GoldenData.Get(dataset);
        var tolerance = s_iterative.Contains(function) ? 1e-6 : 1e-9;

        foreach (var golden in GoldenFile.Load(dataset, function).Cases)
        {
            var parameters = Bind(indicator, golden);
            Assert.True(golden.BegIndex == indicator.LookbackOf(parameters), $"{function}({golden}): lookback {indicator.LookbackOf(parameters)}, TA-Lib {golden.BegIndex}");

            var outputs = indicator.Compute(data.Inputs(indicator.Info), parameters);
            foreach (var (name, expected) in golden.Outputs)
            {
                var k = OutputIndex(indicator, name);
                for (var i = 0; i < data.Length; i++)
                {
                    var actual = outputs[k][i];
                    if (i < golden.BegIndex)
                    {
                        Assert.True(double.IsNaN(actual), $"{function}({golden}) {name}[{i}] = {actual} inside the warm-up of {golden.BegIndex} bars");
                        continue;
                    }

                    AssertClose(expected[i - golden.BegIndex], actual, tolerance, $"{function}({golden}) {name}[{i}] on {dataset}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Implemented))]
    public void Stream_WithUpdateInPlaceOnEveryBar_EqualsBatch(string dataset, string function)
    {
        var indicator = IndicatorRegistry.Get(function);
        var data = GoldenData.Get(dataset);

        foreach (var golden in GoldenFile.Load(dataset, function).Cases)
        {
            var parameters = Bind(indicator, golden);
            var batch = indicator.Compute(data.Inputs(indicator.Info), parameters);
            var plain = indicator.CreateStream(parameters);
            var updated = indicator.CreateStream(parameters);

            for (var i = 0; i < data.Length; i++)
            {
                var bar = data.Bar(indicator.Info, i);
                plain.Add(bar);

                // A forming bar that first looks different, then settles to the real one.
                updated.Add(Perturb(bar));
                updated.UpdateLast(Perturb(Perturb(bar)));
                updated.UpdateLast(bar);

                Assert.Equal(i + 1, plain.Count);
                Assert.Equal(i >= golden.BegIndex, plain.IsReady);
                for (var k = 0; k < batch.Length; k++)
                {
                    AssertClose(batch[k][i], plain.Value(k), 1e-10, $"{function}({golden}) stream output {k} at bar {i}");
                    AssertClose(batch[k][i], updated.Value(k), 1e-10, $"{function}({golden}) updated stream output {k} at bar {i}");
                }
            }
        }
    }

    internal static IndicatorParameters Bind(Indicator indicator, GoldenCase golden) =>
        IndicatorParameters.Bind(indicator.Info, golden.Parameters.Select(p =>
            KeyValuePair.Create(p.Key, p.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture))));

    private static int OutputIndex(Indicator indicator, string name)
    {
        for (var k = 0; k < indicator.Info.Outputs.Count; k++)
        {
            if (indicator.Info.Outputs[k].Name == name)
            {
                return k;
            }
        }

        Assert.Fail($"{indicator.Name} has no output '{name}'; it has {string.Join(", ", indicator.Info.Outputs.Select(o => o.Name))}");
        return -1;
    }

    // Moves the close and the extremes by a few points so every input differs.
    private static StreamBar Perturb(in StreamBar bar) => bar with
    {
        High = bar.High * 1.0007,
        Low = bar.Low * 0.9993,
        Close = bar.Close * 1.0003,
        Real0 = bar.Real0 * 1.0003,
        Volume = bar.Volume + 17,
    };

    private static void AssertClose(double expected, double actual, double relative, string what)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            Assert.True(double.IsNaN(expected) && double.IsNaN(actual), $"{what}: expected {expected}, got {actual}");
            return;
        }

        var allowed = (relative * Math.Abs(expected)) + (relative * 1e-3);
        Assert.True(Math.Abs(expected - actual) <= allowed, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
