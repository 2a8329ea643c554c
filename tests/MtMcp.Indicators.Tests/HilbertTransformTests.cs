namespace MtMcp.Indicators.Tests;

/// <summary>
/// The Hilbert-transform family beyond the golden files: behaviour on synthetic series whose answer is known
/// (a pure sine of known period, a straight trend), the MAMA-only form used by MA type MAMA, and bad calls.
/// </summary>
public sealed class HilbertTransformTests
{
    [Theory]
    [InlineData(15)]
    [InlineData(20)]
    [InlineData(35)]
    public void HtDcPeriod_PureSine_FindsItsPeriod(int period)
    {
        var prices = Sine(400, period);
        var output = Filled(prices.Length);

        HtDcPeriod.Compute(prices, output);

        // Once settled, the measured cycle stays within half a bar of the true one.
        for (var i = 200; i < prices.Length; i++)
        {
            Assert.InRange(output[i], period - 0.5, period + 0.5);
        }
    }

    [Fact]
    public void HtDcPhase_PureSine_AdvancesOneCycleEveryPeriod()
    {
        const int Period = 20;
        var prices = Sine(400, Period);
        var output = Filled(prices.Length);

        HtDcPhase.Compute(prices, output);

        for (var i = 201; i < prices.Length; i++)
        {
            // 360° per cycle: 18° a bar, wrapping from 315° to −45°.
            var advance = output[i] - output[i - 1];
            if (advance < -180)
            {
                advance += 360;
            }

            Assert.InRange(advance, (360.0 / Period) - 0.5, (360.0 / Period) + 0.5);
            Assert.InRange(output[i], -45, 315);
        }
    }

    [Fact]
    public void HtTrendMode_StraightTrendThenPureSine_ReportsTrendThenCycle()
    {
        var trend = Enumerable.Range(0, 300).Select(i => 100 + (0.5 * i)).ToArray();
        var cycle = Sine(300, 20);
        var trendMode = Filled(300);
        var cycleMode = Filled(300);

        HtTrendMode.Compute(trend, trendMode);
        HtTrendMode.Compute(cycle, cycleMode);

        Assert.All(trendMode[HtTrendMode.Lookback()..], v => Assert.Equal(1.0, v));
        Assert.All(cycleMode[100..], v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void HtTrendline_StraightTrend_LagsByHalfTheCyclePlusOneBar()
    {
        // On a line of slope s the mean of the last n prices lags (n − 1)/2 bars, and the 4-3-2-1 weighting
        // of the last four means one bar more: trendline = price − s·((n − 1)/2 + 1) while n holds steady.
        const double Slope = 0.5;
        var prices = Enumerable.Range(0, 300).Select(i => 100 + (Slope * i)).ToArray();
        var trendline = Filled(prices.Length);
        HtTrendline.Compute(prices, trendline);

        // The cycle length HT_TRENDLINE averages over: the period of the 63-bar-lookback core.
        var cycle = new DominantCycle();
        var period = new double[prices.Length];
        for (var i = 0; i < prices.Length; i++)
        {
            cycle.Step(prices[i]);
            period[i] = cycle.SmoothPeriod;
        }

        var checkedBars = 0;
        for (var i = 100; i < prices.Length; i++)
        {
            var n = (int)(period[i] + 0.5);
            if (Enumerable.Range(1, 3).Any(k => (int)(period[i - k] + 0.5) != n))
            {
                continue;
            }

            var expected = prices[i] - (Slope * (((n - 1) / 2.0) + 1));
            Assert.True(Math.Abs(trendline[i] - expected) < 1e-9, $"bar {i}, cycle {n}: trendline {trendline[i]}, expected {expected}");
            checkedBars++;
        }

        Assert.True(checkedBars > 100, $"only {checkedBars} bars had a steady cycle");
    }

    [Theory]
    [InlineData("eurusd_h1")]
    [InlineData("lean_eurusd_h1")]
    public void Mama_MamaOnlyForm_EqualsTaLibMama(string dataset)
    {
        var data = GoldenData.Get(dataset);
        var golden = GoldenFile.Load(dataset, "MAMA").Cases.Single(c => c.Parameters.All(p => p.Value == (p.Key == "fast_limit" ? 0.5 : 0.05)));
        var expected = golden.Outputs.Single(o => o.Name == "mama").Values;
        var output = Filled(data.Length);

        Mama.Compute(data.Close, Mama.DefaultFastLimit, Mama.DefaultSlowLimit, output);

        Assert.Equal(golden.BegIndex, Mama.Lookback(Mama.DefaultFastLimit, Mama.DefaultSlowLimit));
        Assert.All(output[..golden.BegIndex], v => Assert.True(double.IsNaN(v)));
        Assert.Equal(expected, output[golden.BegIndex..], (a, b) => Math.Abs(a - b) <= 1e-6 * Math.Abs(a));
    }

    [Fact]
    public void Compute_OutputShorterThanInput_SaysHowLongItMustBe()
    {
        var prices = Sine(100, 20);

        var error = Assert.Throws<ArgumentException>(() => HtSine.Compute(prices, new double[100], new double[99]));

        Assert.Contains("second output holds 99 values but the input has 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_InputShorterThanTheWarmUp_WritesNothing()
    {
        var prices = Sine(HtDcPhase.Lookback(), 20);
        var output = Filled(prices.Length);

        HtDcPhase.Compute(prices, output);

        Assert.All(output, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void StreamValue_OutputIndexOutOfRange_Throws()
    {
        var stream = new HtPhasor.Stream();
        stream.Add(StreamBar.Value(1.0));

        Assert.True(double.IsNaN(stream.Value(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Value(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Value(-1));
    }

    [Fact]
    public void Stream_ManyUpdatesOfTheFormingBar_EqualsBatchOfTheFinalValues()
    {
        // Ten ticks per bar, each an update in place, as a live chart feeds a forming bar.
        var prices = Sine(300, 17).Select((p, i) => p + (0.01 * i)).ToArray();
        var batch = Filled(prices.Length);
        HtTrendMode.Compute(prices, batch);
        var stream = new HtTrendMode.Stream();

        for (var i = 0; i < prices.Length; i++)
        {
            stream.Add(StreamBar.Value(prices[i] - 0.3));
            for (var tick = 1; tick <= 10; tick++)
            {
                stream.UpdateLast(StreamBar.Value(prices[i] + (0.03 * (tick - 10))));
            }

            Assert.Equal(i >= HtTrendMode.Lookback(), stream.IsReady);
            Assert.Equal(batch[i], stream.Value(0));
        }
    }

    private static double[] Sine(int length, int period) =>
        [.. Enumerable.Range(0, length).Select(i => 100 + Math.Sin(2 * Math.PI * i / period))];

    private static double[] Filled(int length)
    {
        var values = new double[length];
        values.AsSpan().Fill(double.NaN);
        return values;
    }
}
