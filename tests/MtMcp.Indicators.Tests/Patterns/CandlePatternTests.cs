namespace MtMcp.Indicators.Tests;

/// <summary>
/// Hand-built candles for what the TA-Lib golden files do not show: patterns that never occur in the two real
/// datasets, the penetration parameter away from its default, and the typed API's guards.
/// </summary>
/// <remarks>
/// Each scenario follows 12 identical background candles (open 100, high 101.5, low 99.5, close 101: body 1,
/// range 2, shadows 0.5), so the settings' thresholds can be worked out by hand: long/short body 1, doji body
/// 0.2, very short shadow 0.2, equal 0.1, near 0.4 — shifted by the pattern's own earlier candles where they
/// fall inside an average, as noted.
/// </remarks>
public sealed class CandlePatternTests
{
    private const int Background = 12;

    public static TheoryData<string, double[][], int> Found() => new()
    {
        // Long white, black gapping up, black opening inside it and closing inside the first body.
        { "cdl2crows", [[100, 103.2, 99.9, 103], [104.5, 104.8, 103.8, 104], [104.3, 104.4, 100.8, 101]], -100 },

        // Long white, short black gapping up (short: ≤ (9·1 + 3) / 10), black engulfing it above the first close.
        { "cdlupsidegap2crows", [[100, 103.2, 99.9, 103], [104.5, 104.6, 103.9, 104], [104.8, 104.9, 103.4, 103.5]], -100 },

        // Long black with a lower shadow longer than its body; smaller black with a higher low and a lower shadow
        // over 0.246; small black marubozu (shadows 0.1 < 0.262) inside the second range.
        { "cdl3starsinsouth", [[103, 103.1, 96.5, 100], [101.5, 101.6, 98, 100.5], [100, 100.1, 99.4, 99.5]], 100 },

        // Long white, doji gapping up (shadows included), black gapping down closing below 103 − 0.3·3.
        { "cdlabandonedbaby", [[100, 103.2, 99.9, 103], [104, 104.3, 103.8, 104.05], [103.5, 103.6, 100.9, 101]], -100 },

        // Long black, black gapping down, two more lower highs and lows, white closing inside the gap.
        { "cdlbreakaway", [[103, 103.1, 99.9, 100], [99.5, 99.6, 98.9, 99], [99.2, 99.4, 98.5, 98.7], [99, 99.2, 98.2, 98.4], [98.5, 99.9, 98.4, 99.8]], 100 },

        // Two black marubozu, black gapping down with an upper shadow into the second body, black engulfing it.
        { "cdlconcealbabyswall", [[103, 103.05, 100.95, 101], [101, 101.05, 98.95, 99], [98.5, 99.5, 97.9, 98], [99.6, 99.8, 97.5, 97.7]], 100 },

        // Long black, long white closing 0.05 above it (equal: within 0.05·2).
        { "cdlcounterattack", [[103, 103.1, 99.9, 100], [97, 100.1, 96.9, 100.05]], 100 },

        // Long white, black opening above its high and closing below its middle, above its open.
        { "cdldarkcloudcover", [[100, 103.2, 99.9, 103], [103.5, 103.6, 101.1, 101.2]], -100 },

        // Long black, white opening below its low and closing 0.05 above its close.
        { "cdlinneck", [[103, 103.1, 99.5, 100], [99, 100.1, 98.9, 100.05]], -100 },

        // Long black, white opening below its low and closing 0.05 above that low.
        { "cdlonneck", [[103, 103.1, 99.5, 100], [99, 99.6, 98.9, 99.55]], -100 },

        // Black marubozu, white marubozu gapping up.
        { "cdlkicking", [[103, 103.05, 100.95, 101], [103.5, 106.05, 103.45, 106]], 100 },
        { "cdlkickingbylength", [[103, 103.05, 100.95, 101], [103.5, 106.05, 103.45, 106]], 100 },

        // The black marubozu is the longer one: kicking follows the second candle, kicking-by-length the longer.
        { "cdlkicking", [[104, 104.05, 100.95, 101], [104.5, 106.05, 104.45, 106]], 100 },
        { "cdlkickingbylength", [[104, 104.05, 100.95, 101], [104.5, 106.05, 104.45, 106]], -100 },

        // Long white, three small bodies above 104 − 0.5·4 after a gap up, white closing above their highs.
        { "cdlmathold", [[100, 104.1, 99.9, 104], [105, 105.1, 104.5, 104.6], [104.4, 104.5, 103.7, 103.8], [104.2, 104.3, 103.4, 103.5], [103.7, 105.6, 103.6, 105.5]], 100 },
    };

    public static TheoryData<string, double, double[][], int> Penetration() => new()
    {
        // Third close 101.5 against 100 + 3·penetration.
        { "cdlmorningstar", 0.3, MorningStar, 100 },
        { "cdlmorningstar", 0.6, MorningStar, 0 },

        // Third close 101 against 103 − 3·penetration.
        { "cdlabandonedbaby", 0.3, AbandonedBaby, -100 },
        { "cdlabandonedbaby", 0.8, AbandonedBaby, 0 },

        // Second close 101.2 against 103 − 3·penetration.
        { "cdldarkcloudcover", 0.5, DarkCloudCover, -100 },
        { "cdldarkcloudcover", 0.7, DarkCloudCover, 0 },

        // The lowest small body (103.5) must stay above 104 − 4·penetration.
        { "cdlmathold", 0.5, MatHold, 100 },
        { "cdlmathold", 0.1, MatHold, 0 },
    };

    private static double[][] MorningStar => [[103, 103.1, 99.9, 100], [99.5, 99.6, 99.2, 99.3], [99.6, 101.6, 99.5, 101.5]];

    private static double[][] AbandonedBaby => [[100, 103.2, 99.9, 103], [104, 104.3, 103.8, 104.05], [103.5, 103.6, 100.9, 101]];

    private static double[][] DarkCloudCover => [[100, 103.2, 99.9, 103], [103.5, 103.6, 101.1, 101.2]];

    private static double[][] MatHold =>
        [[100, 104.1, 99.9, 104], [105, 105.1, 104.5, 104.6], [104.4, 104.5, 103.7, 103.8], [104.2, 104.3, 103.4, 103.5], [103.7, 105.6, 103.6, 105.5]];

    [Theory]
    [MemberData(nameof(Found))]
    public void Compute_HandBuiltPattern_SignalsOnItsLastCandleOnly(string name, double[][] candles, int expected)
    {
        var indicator = IndicatorRegistry.Get(name);
        var parameters = IndicatorParameters.Defaults(indicator.Info);
        Assert.Equal(expected, LastSignal(indicator, parameters, candles));

        // The same bars with the last candle repeating the background: the signal must come from the pattern.
        double[][] broken = [.. candles[..^1], [100, 101.5, 99.5, 101]];
        Assert.Equal(0, LastSignal(indicator, parameters, broken));
    }

    [Theory]
    [MemberData(nameof(Penetration))]
    public void Compute_Penetration_MovesTheThreshold(string name, double penetration, double[][] candles, int expected)
    {
        var indicator = IndicatorRegistry.Get(name);
        Assert.Equal(expected, LastSignal(indicator, IndicatorParameters.FromValues(indicator.Info, penetration), candles));
    }

    [Fact]
    public void Compute_TypedApi_EqualsRegistry()
    {
        var data = GoldenData.Get("eurusd_h1");
        var typed = new double[data.Length];
        typed.AsSpan().Fill(double.NaN);
        CdlEveningStar.Compute(data.Open, data.High, data.Low, data.Close, 0.1, typed);

        var registry = CdlEveningStar.Definition.Compute(data.Inputs(CdlEveningStar.Info), IndicatorParameters.FromValues(CdlEveningStar.Info, 0.1))[0];
        Assert.Equal(registry, typed);
        Assert.Contains(-100, typed);
    }

    [Fact]
    public void Compute_SeriesOfDifferentLengths_SaysWhichLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => CdlDoji.Compute(new double[5], new double[5], new double[4], new double[5], new double[5]));
        Assert.Contains("cdldoji", error.Message, StringComparison.Ordinal);
        Assert.Contains("5, 5, 4, 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_NegativePenetration_IsRejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CdlMorningStar.Stream(-0.1));
        Assert.Contains("from 0 to 3e37", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_NegativePenetration_NamesTheParameterAndRange()
    {
        var error = Assert.Throws<IndicatorException>(() => IndicatorParameters.Bind(CdlMatHold.Info, [KeyValuePair.Create("penetration", "-1")]));
        Assert.Equal("penetration", error.Parameter);
        Assert.Contains("from 0 to", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_IsReadyExactlyAtTheLookback()
    {
        var stream = new CdlMatHold.Stream();
        for (var i = 0; i <= CdlMatHold.Lookback(); i++)
        {
            Assert.False(stream.IsReady);
            Assert.True(double.IsNaN(stream.Value(0)));
            stream.Add(StreamBar.Ohlcv(100, 101.5, 99.5, 101, 0));
        }

        Assert.True(stream.IsReady);
        Assert.Equal(0, stream.Value(0));
    }

    // The last bar's signal from the batch form; the streaming form (with an update in place on every bar) must agree.
    private static int LastSignal(Indicator indicator, IndicatorParameters parameters, double[][] candles)
    {
        var n = Background + candles.Length;
        double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n];
        for (var i = 0; i < n; i++)
        {
            double[] candle = i < Background ? [100, 101.5, 99.5, 101] : candles[i - Background];
            (open[i], high[i], low[i], close[i]) = (candle[0], candle[1], candle[2], candle[3]);
        }

        var batch = indicator.Compute(new IndicatorInputs { Open = open, High = high, Low = low, Close = close }, parameters)[0];
        var stream = indicator.CreateStream(parameters);
        for (var i = 0; i < n; i++)
        {
            stream.Add(StreamBar.Ohlcv(open[i], high[i] + 1, low[i] - 1, close[i] + 0.5, 0));
            stream.UpdateLast(StreamBar.Ohlcv(open[i], high[i], low[i], close[i], 0));
            Assert.Equal(batch[i], stream.Value(0));
        }

        return (int)batch[^1];
    }
}
