using MtMcp.Indicators;

namespace MtMcp.Strategies.Tests;

/// <summary>Values of compiled expressions, bar by bar, against independent calculations on the real data.</summary>
public class EvaluationTests
{
    /// <summary>The value of <paramref name="expression"/> after each bar (as the <c>size</c> value of a document).</summary>
    private static double[] Evaluate(string expression, Bar[] bars, string timeframe = "")
    {
        var json = TestData.Document(
            (timeframe.Length > 0 ? $"  \"timeframe\": \"{timeframe}\",\n" : string.Empty)
            + $"  \"long_entry\": \"close > 0\",\n  \"size\": {{ \"mode\": \"units\", \"value\": \"{expression}\" }}");
        var document = StrategyDocument.Parse(json);
        var diagnostics = new List<StrategyDiagnostic>();
        var compiled = Compiler.Compile(document, document.Defaults(), diagnostics)!;
        var rule = compiled.Rule("size.value")!;
        var values = new double[bars.Length];
        for (var i = 0; i < bars.Length; i++)
        {
            var b = bars[i];
            compiled.Feed.Add(new StreamBar(b.Open, b.High, b.Low, b.Close, b.TickVolume, b.Close, double.NaN) { Time = b.Time });
            values[i] = rule(0);
        }

        return values;
    }

    [Fact]
    public void LookBack_ReadsEarlierBars()
    {
        var bars = TestData.Goog;
        var values = Evaluate("close[3] - open[1]", bars);

        Assert.True(double.IsNaN(values[2]));
        for (var i = 3; i < bars.Length; i++)
        {
            Assert.Equal(bars[i - 3].Close - bars[i - 1].Open, values[i]);
        }
    }

    [Fact]
    public void Indicator_EqualsTheBatchForm()
    {
        var bars = TestData.EurUsd;
        var close = bars.Select(b => b.Close).ToArray();
        var expected = IndicatorRegistry.Get("bbands").Compute(new IndicatorInputs { Real0 = close },
            IndicatorParameters.FromValues(IndicatorRegistry.Get("bbands").Info, 20, 2.5, 2.5, 0))[0];

        var values = Evaluate("bbands(close, period=20, dev_up=2.5, nb_dev_dn=2.5).real_upper_band", bars);

        for (var i = 0; i < bars.Length; i++)
        {
            Assert.Equal(expected[i], values[i], 1e-12);
        }
    }

    [Fact]
    public void HighestOfAnExpression_IsTheRollingMaximum()
    {
        var bars = TestData.Goog;
        var values = Evaluate("highest(high - low, 5)", bars);

        for (var i = 4; i < bars.Length; i++)
        {
            var max = double.MinValue;
            for (var k = i - 4; k <= i; k++)
            {
                max = Math.Max(max, bars[k].High - bars[k].Low);
            }

            Assert.Equal(max, values[i]);
        }
    }

    [Fact]
    public void LongerTimeframe_SeesOnlyClosedBars()
    {
        // EURUSD H1: h4:close at each hour is the close of the last H4 bar that had ended when the hour ended.
        var bars = TestData.EurUsd;
        var values = Evaluate("h4:close", bars, "H1");

        for (var j = 0; j < bars.Length; j++)
        {
            var hourEnd = bars[j].Time + 3600;
            var expected = double.NaN;
            for (var k = 0; k <= j; k++)
            {
                var h4End = (bars[k].Time / 14_400 * 14_400) + 14_400;
                // The last H1 bar of that H4 bar that has started by bar j is its close.
                if (h4End <= hourEnd && (k == j || bars[k + 1].Time >= h4End))
                {
                    expected = bars[k].Close;
                }
            }

            Assert.Equal(expected, values[j]);
        }
    }

    [Fact]
    public void IndicatorOnLongerTimeframe_MatchesMultiTimeframeAlign()
    {
        var bars = TestData.EurUsd;
        var values = Evaluate("sma(d1:close, 3)", bars, "H1");

        // Independent: daily bars from the hours, SMA(3) on their closes, aligned with MultiTimeframe.Align.
        var days = bars.GroupBy(b => b.Time / 86_400).Select(g => (End: (g.Key + 1) * 86_400, Close: g.Last().Close)).ToArray();
        var sma = new double[days.Length];
        Array.Fill(sma, double.NaN);
        Sma.Compute(days.Select(d => d.Close).ToArray(), 3, sma);
        var expected = new double[bars.Length];
        MultiTimeframe.Align(days.Select(d => d.End).ToArray(), sma, bars.Select(b => b.Time + 3600).ToArray(), expected);

        // The batch SMA sums in blocks, the stream serially: equal up to rounding.
        for (var i = 0; i < bars.Length; i++)
        {
            Assert.Equal(expected[i], values[i], 1e-12);
        }
    }

    [Fact]
    public void MixedTimeframeArithmetic_AlignsTheLongerSide()
    {
        var bars = TestData.EurUsd;
        var close = Evaluate("close", bars, "H1");
        var daily = Evaluate("d1:close", bars, "H1");
        var difference = Evaluate("close - d1:close", bars, "H1");

        for (var i = 0; i < bars.Length; i++)
        {
            Assert.Equal(close[i] - daily[i], difference[i]);
        }
    }

    [Fact]
    public void SharedIndicatorCalls_UseOneStream()
    {
        var document = StrategyDocument.Parse(TestData.Document(
            "  \"long_entry\": \"crossover(sma(close, 5), sma(close, 9))\",\n  \"short_entry\": \"crossunder(sma(close, 5), sma(close, 9))\""));
        var diagnostics = new List<StrategyDiagnostic>();

        var compiled = Compiler.Compile(document, document.Defaults(), diagnostics)!;

        Assert.Equal(2, compiled.Feed.Primary.Nodes.Count);
    }
}
