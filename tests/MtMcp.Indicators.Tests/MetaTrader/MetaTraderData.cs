namespace MtMcp.Indicators.Tests.MetaTrader;

/// <summary>
/// Runs the MetaTrader indicators on the real EURUSD H1 data (which has bar times) and holds the independent
/// references the tests compare them with: plain sums and recursions written from the definitions.
/// </summary>
internal static class MetaTraderData
{
    public static GoldenData Data => GoldenData.Get("eurusd_h1");

    /// <summary>The indicator's outputs on the real data, with named parameters over the defaults.</summary>
    public static double[][] Run(string name, params (string Name, string Value)[] parameters) => Run(name, Data, parameters);

    public static double[][] Run(string name, GoldenData data, params (string Name, string Value)[] parameters)
    {
        var indicator = IndicatorRegistry.Get(name);
        var bound = IndicatorParameters.Bind(indicator.Info, parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)));
        return indicator.Compute(data.Inputs(indicator.Info), bound);
    }

    /// <summary>Runs an indicator on hand-made bars (no volume or time unless given).</summary>
    public static double[][] Run(string name, IndicatorInputs inputs, params (string Name, string Value)[] parameters)
    {
        var indicator = IndicatorRegistry.Get(name);
        var bound = IndicatorParameters.Bind(indicator.Info, parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)));
        return indicator.Compute(inputs, bound);
    }

    /// <summary>Same NaN positions, and values equal to a relative (or, near zero, absolute) tolerance.</summary>
    public static void AssertSeries(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what, double tolerance = 1e-10)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual[i];
            Assert.True(
                double.IsNaN(e) ? double.IsNaN(a) : Math.Abs(e - a) <= tolerance * Math.Max(1, Math.Abs(e)),
                $"{what} at bar {i}: expected {e:R}, got {a:R}");
        }
    }

    /// <summary>An array of NaN.</summary>
    public static double[] Empty(int n)
    {
        var values = new double[n];
        Array.Fill(values, double.NaN);
        return values;
    }

    public static double[] Median(GoldenData data) => [.. data.High.Zip(data.Low, (h, l) => (h + l) / 2)];

    /// <summary>The mean of each window of <paramref name="period"/> values, summed afresh.</summary>
    public static double[] Sma(IReadOnlyList<double> values, int period, int from = 0)
    {
        var result = Empty(values.Count);
        for (var i = from + period - 1; i < values.Count; i++)
        {
            var sum = 0.0;
            for (var k = i - period + 1; k <= i; k++)
            {
                sum += values[k];
            }

            result[i] = sum / period;
        }

        return result;
    }

    /// <summary>MetaTrader's SMMA: the SMA of the first period, then (previous · (period − 1) + value) / period.</summary>
    public static double[] Smma(IReadOnlyList<double> values, int period)
    {
        var result = Empty(values.Count);
        result[period - 1] = values.Take(period).Average();
        for (var i = period; i < values.Count; i++)
        {
            result[i] = ((result[i - 1] * (period - 1)) + values[i]) / period;
        }

        return result;
    }

    /// <summary>EMA with factor 2 / (period + 1), seeded with the SMA of the first period.</summary>
    public static double[] Ema(IReadOnlyList<double> values, int period)
    {
        var result = Empty(values.Count);
        var k = 2.0 / (period + 1);
        result[period - 1] = values.Take(period).Average();
        for (var i = period; i < values.Count; i++)
        {
            result[i] = result[i - 1] + (k * (values[i] - result[i - 1]));
        }

        return result;
    }

    /// <summary>Wilder's ATR: true ranges from bar 1, their mean over the first period, then Wilder's smoothing.</summary>
    public static double[] Atr(IReadOnlyList<double> high, IReadOnlyList<double> low, IReadOnlyList<double> close, int period)
    {
        var n = close.Count;
        var trueRange = Empty(n);
        for (var i = 1; i < n; i++)
        {
            trueRange[i] = Math.Max(high[i], close[i - 1]) - Math.Min(low[i], close[i - 1]);
        }

        var result = Empty(n);
        result[period] = trueRange.Skip(1).Take(period).Average();
        for (var i = period + 1; i < n; i++)
        {
            result[i] = ((result[i - 1] * (period - 1)) + trueRange[i]) / period;
        }

        return result;
    }

    /// <summary>Index of the first value that is not NaN.</summary>
    public static int FirstValue(IReadOnlyList<double> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
