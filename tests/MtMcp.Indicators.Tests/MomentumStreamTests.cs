namespace MtMcp.Indicators.Tests;

/// <summary>
/// The momentum indicators' streams against their batch forms (which the golden tests tie to TA-Lib) on a price
/// grid full of equal highs and lows, with forming bars revised several times before they settle; and the
/// argument checks of the typed batch methods.
/// </summary>
public sealed class MomentumStreamTests
{
    private const int Bars = 600;

    public static TheoryData<string, string> Functions() => new()
    {
        { "ADX", "" }, { "ADX", "period=3" }, { "ADXR", "" }, { "ADXR", "period=2" }, { "AROON", "" }, { "AROON", "period=2" },
        { "AROONOSC", "" }, { "BOP", "" }, { "CCI", "" }, { "CMO", "" }, { "DX", "" }, { "IMI", "" }, { "MFI", "" }, { "MFI", "period=3" },
        { "MINUS_DI", "" }, { "MINUS_DI", "period=1" }, { "MINUS_DM", "" }, { "MINUS_DM", "period=1" }, { "MOM", "" }, { "PLUS_DI", "" },
        { "PLUS_DM", "" }, { "ROC", "" }, { "ROCP", "" }, { "ROCR", "" }, { "ROCR100", "period=1" }, { "RSI", "" }, { "RSI", "period=2" },
        { "ULTOSC", "" }, { "ULTOSC", "time_period1=5,time_period2=1,time_period3=3" }, { "WILLR", "" }, { "WILLR", "period=2" },
    };

    [Theory]
    [MemberData(nameof(Functions))]
    public void Stream_RevisedFormingBarsOnATiedGrid_EqualsBatch(string function, string parameterText)
    {
        var indicator = IndicatorRegistry.Get(function);
        var parameters = IndicatorParameters.Bind(indicator.Info, parameterText.Length == 0
            ? []
            : parameterText.Split(',').Select(p => KeyValuePair.Create(p.Split('=')[0], p.Split('=')[1])));
        var (open, high, low, close, volume) = TiedGrid(new Random(7));
        var batch = indicator.Compute(new IndicatorInputs { Open = open, High = high, Low = low, Close = close, Volume = volume, Real0 = close }, parameters);

        var stream = indicator.CreateStream(parameters);
        var noise = new Random(11);
        for (var i = 0; i < Bars; i++)
        {
            stream.Add(RandomBar(noise, close[i]));
            for (var k = noise.Next(4); k > 0; k--)
            {
                stream.UpdateLast(RandomBar(noise, close[i]));
            }

            stream.UpdateLast(new StreamBar(open[i], high[i], low[i], close[i], volume[i], close[i], double.NaN));
            for (var k = 0; k < batch.Length; k++)
            {
                var expected = batch[k][i];
                var actual = stream.Value(k);
                Assert.True(
                    double.IsNaN(expected) ? double.IsNaN(actual) : Math.Abs(expected - actual) <= 1e-10 * Math.Max(1, Math.Abs(expected)),
                    $"{function}({parameters}) output {k} at bar {i}: batch {expected:R}, stream {actual:R}");
            }
        }
    }

    [Fact]
    public void Compute_PeriodOutOfRange_NamesTheParameterAndRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Rsi.Compute(new double[20], 1, new double[20]));
        Assert.Equal("period", error.ParamName);
        Assert.Contains("from 2 to 100000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_SeriesOfDifferentLengths_NamesTheShortOne()
    {
        var error = Assert.Throws<ArgumentException>(() => Adx.Compute(new double[30], new double[30], new double[29], 14, new double[30]));
        Assert.Equal("close", error.ParamName);
        Assert.Contains("29 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_OutputShorterThanInput_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Aroon.Compute(new double[30], new double[30], 14, new double[30], new double[10]));
        Assert.Equal("aroonUp", error.ParamName);
    }

    [Fact]
    public void Compute_FewerBarsThanTheWarmUp_LeavesTheOutputAlone()
    {
        double[] close = [1, 2, 3];
        double[] output = [-1, -1, -1];
        Rsi.Compute(close, 14, output);
        Adxr.Compute(close, close, close, 14, output);
        Mfi.Compute(close, close, close, close, 14, output);
        Cci.Compute(close, close, close, 14, output);
        UltOsc.Compute(close, close, close, 7, 14, 28, output);
        Assert.All(output, v => Assert.Equal(-1, v));
    }

    [Fact]
    public void RateOfChange_FromZero_IsZeroNotInfinite()
    {
        // TA-Lib's convention: a change from 0 is 0 in every ratio form; MOM is a plain difference.
        double[] real = [0, 3];
        var output = new double[2];
        Roc.Compute(real, 1, output);
        Assert.Equal(0.0, output[1]);
        Rocp.Compute(real, 1, output);
        Assert.Equal(0.0, output[1]);
        Rocr.Compute(real, 1, output);
        Assert.Equal(0.0, output[1]);
        Rocr100.Compute(real, 1, output);
        Assert.Equal(0.0, output[1]);
        Mom.Compute(real, 1, output);
        Assert.Equal(3.0, output[1]);
    }

    [Fact]
    public void RateOfChange_FromZeroInsideTheVectorLoop_IsZeroAndTheOtherLanesUnchanged()
    {
        // 40 values with a 0 every few bars, so zeros fall in every lane of the 8-wide loop, not only in the tail.
        var real = Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? 0.0 : 1 + (i * 0.25)).ToArray();
        var output = new double[real.Length];
        Roc.Compute(real, 1, output);
        for (var i = 1; i < real.Length; i++)
        {
            var expected = real[i - 1] != 0 ? ((real[i] / real[i - 1]) - 1.0) * 100.0 : 0.0;
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(output[i]));
        }

        Rocr.Compute(real, 1, output);
        for (var i = 1; i < real.Length; i++)
        {
            Assert.Equal(real[i - 1] != 0 ? real[i] / real[i - 1] : 0.0, output[i]);
        }
    }

    // A random walk on a 0.5 grid: many equal highs, lows and closes, some flat bars.
    private static (double[] Open, double[] High, double[] Low, double[] Close, double[] Volume) TiedGrid(Random random)
    {
        var open = new double[Bars];
        var high = new double[Bars];
        var low = new double[Bars];
        var close = new double[Bars];
        var volume = new double[Bars];
        var price = 100.0;
        for (var i = 0; i < Bars; i++)
        {
            open[i] = price;
            price += 0.5 * (random.Next(5) - 2);
            close[i] = price;
            high[i] = Math.Max(open[i], close[i]) + (0.5 * random.Next(3));
            low[i] = Math.Min(open[i], close[i]) - (0.5 * random.Next(3));
            volume[i] = random.Next(4) * 0.5;
        }

        return (open, high, low, close, volume);
    }

    private static StreamBar RandomBar(Random random, double near)
    {
        var close = near + (0.5 * (random.Next(9) - 4));
        var high = close + (0.5 * random.Next(4));
        var low = close - (0.5 * random.Next(4));
        return new StreamBar(near, high, low, close, random.Next(5), close, double.NaN);
    }
}
