namespace MtMcp.Indicators.Tests;

/// <summary>
/// The linear-regression family slides its sums and re-anchors them; these check it against a straightforward
/// least-squares fit where the golden files cannot reach: long series, large prices, periods beyond TA-Lib's int range.
/// </summary>
public sealed class LinearRegressionTests
{
    [Theory]
    [InlineData(14)]
    [InlineData(200)]
    public void Slope_LongRandomWalkAtLargePrices_StaysWithinRoundingOfExactFit(int period)
    {
        var real = RandomWalk(200_000, start: 60_000, step: 5, seed: period);
        var slope = new double[real.Length];
        var value = new double[real.Length];
        LinearRegSlope.Compute(real, period, slope);
        LinearReg.Compute(real, period, value);

        // A two-pass centred fit per window: accurate, and computed a completely different way.
        var worstSlope = 0.0;
        var worstValue = 0.0;
        for (var i = period - 1; i < real.Length; i += 997)
        {
            var (exactSlope, exactValue) = Fit(real.AsSpan(i - period + 1, period));
            worstSlope = Math.Max(worstSlope, Math.Abs(slope[i] - exactSlope));
            worstValue = Math.Max(worstValue, Math.Abs(value[i] - exactValue) / exactValue);
        }

        // Prices near 60 000, steps up to 5: exact fits differ by ~1e-11 from rounding alone; sums sliding without
        // re-anchoring drift to ~1e-8 (period 14) and ~1e-6 (period 200) over these 200 000 bars.
        Assert.True(worstSlope < 2e-10, $"slope off by {worstSlope}");
        Assert.True(worstValue < 1e-13, $"value off by {worstValue} relative");
    }

    [Fact]
    public void Family_PeriodBeyondTaLibIntRange_FitsAStraightLineExactly()
    {
        // TA-Lib's Σx² overflows a 32-bit int beyond a period of 1024; ours must not.
        const int Period = 2000;
        var real = new double[5000];
        for (var t = 0; t < real.Length; t++)
        {
            real[t] = 100 + (0.5 * t);
        }

        var last = real.Length - 1;
        Assert.Equal(0.5, Last(LinearRegSlope.Compute), 1e-9);
        Assert.Equal(real[last], Last(LinearReg.Compute), 1e-7);
        Assert.Equal(real[last] + 0.5, Last(Tsf.Compute), 1e-7);
        Assert.Equal(real[last - Period + 1], Last(LinearRegIntercept.Compute), 1e-7);
        Assert.Equal(Math.Atan(0.5) * 180 / Math.PI, Last(LinearRegAngle.Compute), 1e-7);

        double Last(Action<ReadOnlySpan<double>, int, Span<double>> compute)
        {
            var output = new double[real.Length];
            compute(real, Period, output);
            return output[last];
        }
    }

    [Fact]
    public void Stream_LongSeriesWithUpdates_EqualsBatchBitForBit()
    {
        var real = RandomWalk(20_000, start: 1.1, step: 0.0005, seed: 7);
        var batch = new double[real.Length];
        Tsf.Compute(real, 30, batch);
        var stream = Tsf.Definition.CreateStream(IndicatorParameters.FromValues(Tsf.Info, 30));
        for (var i = 0; i < real.Length; i++)
        {
            stream.Add(StreamBar.Value(real[i] * 1.01));
            stream.UpdateLast(StreamBar.Value(real[i]));
            Assert.Equal(i >= 29 ? batch[i] : double.NaN, stream.Value(0));
        }
    }

    private static (double Slope, double Value) Fit(ReadOnlySpan<double> window)
    {
        var n = window.Length;
        var meanX = (n - 1) / 2.0;
        var meanY = 0.0;
        foreach (var y in window)
        {
            meanY += y;
        }

        meanY /= n;
        double sxy = 0, sxx = 0;
        for (var t = 0; t < n; t++)
        {
            sxy += (t - meanX) * (window[t] - meanY);
            sxx += (t - meanX) * (t - meanX);
        }

        var slope = sxy / sxx;
        return (slope, meanY + (slope * (n - 1 - meanX)));
    }

    private static double[] RandomWalk(int length, double start, double step, int seed)
    {
        var random = new Random(seed);
        var real = new double[length];
        var price = start;
        for (var i = 0; i < length; i++)
        {
            price += (random.NextDouble() - 0.5) * 2 * step;
            real[i] = price;
        }

        return real;
    }
}
