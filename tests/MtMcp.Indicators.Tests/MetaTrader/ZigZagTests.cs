using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class ZigZagTests
{
    // Mid prices 1..5, down to 1, up to 6, down to 3; each bar spans mid ± 0.5.
    private static readonly double[] s_mid = [1, 2, 3, 4, 5, 4, 3, 2, 1, 2, 3, 4, 5, 6, 5, 4, 3];
    private static readonly double[] s_high = [.. s_mid.Select(m => m + 0.5)];
    private static readonly double[] s_low = [.. s_mid.Select(m => m - 0.5)];

    [Fact]
    public void Compute_HandExampleNoBackstep_FollowsMetaTradersCandidatesAtOnce()
    {
        var z = Run("zigzag", new IndicatorInputs { High = s_high, Low = s_low }, ("depth", "3"), ("deviation", "0"), ("backstep", "0"));

        // Traced by hand through ZigZag.mq5 with depth 3: high candidates at bars 3, 4, 9–13; low candidates at 5–8
        // (bar 5 ties the window's low) and 14–16. Legs: up to 5.5@4, down to 0.5@8, up to 6.5@13, down from there.
        AssertBar(z, 3, direction: 1, pivot: double.NaN, pivotAge: double.NaN, extreme: 4.5, extremeAge: 0, previous: double.NaN);
        AssertBar(z, 5, direction: -1, pivot: 5.5, pivotAge: 1, extreme: 3.5, extremeAge: 0, previous: double.NaN);
        AssertBar(z, 10, direction: 1, pivot: 0.5, pivotAge: 2, extreme: 3.5, extremeAge: 0, previous: 5.5);
        AssertBar(z, 16, direction: -1, pivot: 6.5, pivotAge: 3, extreme: 2.5, extremeAge: 0, previous: 0.5);
        Assert.All(z, output => Assert.All(output.Take(3), v => Assert.True(double.IsNaN(v))));
    }

    [Fact]
    public void Compute_HandExampleBackstepOne_ErasesWeakerCandidatesAndSettlesOneBarLate()
    {
        var z = Run("zigzag", new IndicatorInputs { High = s_high, Low = s_low }, ("depth", "3"), ("deviation", "0"), ("backstep", "1"));

        // Each new candidate erases a weaker one on the bar before: only 5.5@4 and 6.5@13 survive as highs and
        // 0.5@8 (and 2.5@16, not settled yet) as lows. Bar 4's high is linked at bar 5, bar 8's low at bar 9.
        AssertBar(z, 4, direction: double.NaN, pivot: double.NaN, pivotAge: double.NaN, extreme: double.NaN, extremeAge: double.NaN, previous: double.NaN);
        AssertBar(z, 5, direction: 1, pivot: double.NaN, pivotAge: double.NaN, extreme: 5.5, extremeAge: 1, previous: double.NaN);
        AssertBar(z, 8, direction: 1, pivot: double.NaN, pivotAge: double.NaN, extreme: 5.5, extremeAge: 4, previous: double.NaN);
        AssertBar(z, 9, direction: -1, pivot: 5.5, pivotAge: 5, extreme: 0.5, extremeAge: 1, previous: double.NaN);
        AssertBar(z, 16, direction: 1, pivot: 0.5, pivotAge: 8, extreme: 6.5, extremeAge: 3, previous: 5.5);
    }

    [Fact]
    public void Compute_RealData_ConfirmsExactlyTheSwingsMetaTraderDraws()
    {
        var d = Data;
        var z = Run("zigzag");

        // At the last bar, MetaTrader's final pass has settled the bars up to backstep (3) bars back.
        var settled = ZigZagReference.Points(d.High, d.Low, 12, 5 * 0.00001, 3, linkedBars: d.Length - 3);
        var full = ZigZagReference.Points(d.High, d.Low, 12, 5 * 0.00001, 3);

        // The confirmed pivots, in the order the causal ZigZag confirmed them.
        var confirmed = new List<(int Bar, double Price)>();
        for (var t = 0; t < d.Length; t++)
        {
            if (!double.IsNaN(z[1][t]))
            {
                var pivot = (Bar: t - (int)z[2][t], Price: z[1][t]);
                if (confirmed.Count == 0 || confirmed[^1] != pivot)
                {
                    confirmed.Add(pivot);
                }
            }
        }

        // Every settled point but the last (still moving) was confirmed, in order, and none other; the full
        // history's drawing agrees with them (later bars do not repaint confirmed swings).
        Assert.True(settled.Count > 100, $"{settled.Count} reference points");
        Assert.Equal(settled.SkipLast(1), confirmed);
        Assert.Equal(confirmed, full.Take(confirmed.Count));

        // The last settled point is the current leg's extreme; the one before it is the pivot, and before that the previous one.
        Assert.Equal(settled[^1].Price, z[3][^1]);
        Assert.Equal(d.Length - 1 - settled[^1].Bar, z[4][^1]);
        Assert.Equal(settled[^2].Price, z[1][^1]);
        Assert.Equal(settled[^3].Price, z[5][^1]);
        Assert.Equal(d.High[settled[^1].Bar] == settled[^1].Price ? 1.0 : -1.0, z[0][^1]);

        // Swings alternate between highs and lows.
        for (var k = 1; k < confirmed.Count; k++)
        {
            var isHigh = d.High[confirmed[k].Bar] == confirmed[k].Price;
            var wasHigh = d.High[confirmed[k - 1].Bar] == confirmed[k - 1].Price;
            Assert.NotEqual(wasHigh, isHigh);
        }
    }

    private static void AssertBar(double[][] z, int bar, double direction, double pivot, double pivotAge, double extreme, double extremeAge, double previous)
    {
        double[] expected = [direction, pivot, pivotAge, extreme, extremeAge, previous];
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.True(
                double.IsNaN(expected[k]) ? double.IsNaN(z[k][bar]) : expected[k] == z[k][bar],
                $"output {IndicatorRegistry.Get("zigzag").Info.Outputs[k].Name} at bar {bar}: expected {expected[k]}, got {z[k][bar]}");
        }
    }
}
