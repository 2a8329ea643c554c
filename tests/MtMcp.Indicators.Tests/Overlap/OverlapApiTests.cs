namespace MtMcp.Indicators.Tests;

/// <summary>
/// The typed API of the overlap studies beyond the golden files: the EMA building block with an explicit factor,
/// TA-Lib's longest periods, Bollinger bands over MAMA with a long period, and the errors for bad arguments.
/// </summary>
public sealed class OverlapApiTests
{
    [Fact]
    public void EmaValueStream_ExplicitFactor_FollowsTheHandCalculation()
    {
        // Seed (1 + 2 + 3) / 3 = 2, then e += (x − e)·0.5: 2 + (4 − 2)·0.5 = 3, 3 + (5 − 3)·0.5 = 4.
        double[] real = [1, 2, 3, 4, 5];
        double[] expected = [double.NaN, double.NaN, 2, 3, 4];
        var stream = new Ema.ValueStream(3, 0.5);
        var batch = new double[real.Length];
        batch.AsSpan().Fill(double.NaN);
        Ema.Compute(real, 3, 0.5, batch);

        for (var i = 0; i < real.Length; i++)
        {
            stream.Add(real[i] + 100);
            var value = stream.UpdateLast(real[i]);

            Assert.Equal(expected[i], value);
            Assert.Equal(expected[i], batch[i]);
            Assert.Equal(i >= 2, stream.IsReady);
        }
    }

    [Theory]
    [InlineData(MaType.Wma, 100_000)]
    [InlineData(MaType.Trima, 100_000)]
    [InlineData(MaType.Trima, 99_999)]
    public void Compute_LongestPeriods_AverageAConstantToItself(MaType type, int period)
    {
        // TA-Lib's int weight sums overflow beyond a period of about 46 000; a constant must still average to itself.
        var real = new double[period + 1];
        real.AsSpan().Fill(1.25);
        var output = new double[real.Length];

        MovingAverage.Compute(type, real, period, output);

        Assert.Equal(1.25, output[period - 1], 12);
        Assert.Equal(1.25, output[period], 12);
    }

    [Fact]
    public void Bbands_MamaWithPeriodAboveItsLookback_PairsEachBandWithItsOwnBar()
    {
        // MAMA's lookback (32) is shorter than the 40-bar deviation window: the bands start at bar 39, and each
        // bar's middle band is that bar's MAMA (TA-Lib pairs the deviation with the MAMA of 7 bars earlier).
        var close = GoldenData.Get("eurusd_h1").Close.AsSpan(0, 300).ToArray();
        var indicator = IndicatorRegistry.Get("bbands");
        var parameters = IndicatorParameters.FromValues(indicator.Info, 40, 2, 1, (int)MaType.Mama);
        var mama = Fill(close.Length);
        var deviation = Fill(close.Length);
        Mama.Compute(close, Mama.DefaultFastLimit, Mama.DefaultSlowLimit, mama);
        StdDev.Compute(close, 40, 1, deviation);

        var bands = indicator.Compute(new IndicatorInputs { Real0 = close }, parameters);

        Assert.Equal(39, indicator.LookbackOf(parameters));
        Assert.True(double.IsNaN(bands[1][38]));
        for (var i = 39; i < close.Length; i++)
        {
            Assert.Equal(mama[i], bands[1][i]);
            Assert.Equal(mama[i] + (2 * deviation[i]), bands[0][i], 14);
            Assert.Equal(mama[i] - deviation[i], bands[2][i], 14);
        }
    }

    [Fact]
    public void Mavp_MinPeriodAboveMaxPeriod_SaysWhichBoundIsWrong()
    {
        var info = Mavp.Info;
        var parameters = IndicatorParameters.Bind(info, [KeyValuePair.Create("min_period", "10"), KeyValuePair.Create("max_period", "5")]);

        var error = Assert.Throws<IndicatorException>(() => Mavp.Definition.LookbackOf(parameters));

        Assert.Equal("min_period", error.Parameter);
        Assert.Contains("max_period = 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MavpStream_BarWithoutPeriod_AsksForReal1()
    {
        var stream = new Mavp.Stream(2, 30, MaType.Sma);

        var error = Assert.Throws<IndicatorException>(() => stream.Add(StreamBar.Value(1.1)));

        Assert.Contains("Real1", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Count);
    }

    [Fact]
    public void MovingAverage_UnknownType_ListsTheTypes()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MovingAverage.Lookback((MaType)9, 10));

        Assert.Contains("0 (sma) to 8 (t3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_BadArguments_NameTheArgument()
    {
        var real = new double[10];
        var output = new double[10];

        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => Ema.Compute(real, 1, output)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => MovingAverage.Compute(MaType.Sma, real, 0, output)).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => Wma.Compute(real, 3, new double[9])).ParamName);
        Assert.Equal("vFactor", Assert.Throws<ArgumentOutOfRangeException>(() => T3.Compute(real, 5, 1.5, output)).ParamName);
        Assert.Equal("low", Assert.Throws<ArgumentException>(() => Midprice.Compute(real, new double[9], 3, output)).ParamName);
        Assert.Equal("acceleration", Assert.Throws<ArgumentOutOfRangeException>(() => new Sar.Stream(-0.02, 0.2)).ParamName);
        Assert.Equal(
            "accelerationMaxShort",
            Assert.Throws<ArgumentOutOfRangeException>(() => SarExt.Compute(real, real, 0, 0, 0.02, 0.02, 0.2, 0.02, 0.02, double.NaN, output)).ParamName);
    }

    private static double[] Fill(int length)
    {
        var values = new double[length];
        values.AsSpan().Fill(double.NaN);
        return values;
    }
}
