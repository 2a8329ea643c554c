namespace MtMcp.Indicators.Tests;

/// <summary>MAX/MIN-family tie rules and absolute indexes, by hand, in batch and stream.</summary>
public sealed class RollingExtremeTests
{
    [Fact]
    public void MaxIndex_TieWhileMaximumStaysInWindow_GoesToNewestBar()
    {
        // Window 3. Bar 2: max 3 at bar 1. Bar 3: a second 3 takes over (≥). Bar 6: bar 3 left, rescan finds 1 at bar 4.
        double[] real = [1, 3, 2, 3, 1, 0, 0];
        AssertBatchAndStream(MaxIndex.Definition, real, 3, [double.NaN, double.NaN, 1, 3, 3, 3, 4]);
    }

    [Fact]
    public void MaxIndex_TieFoundByRescan_GoesToOldestBar()
    {
        // Bar 3: the 5 at bar 0 left the window [2, 2, 1]; the rescan keeps the first 2 (strictly greater only).
        double[] real = [5, 2, 2, 1];
        AssertBatchAndStream(MaxIndex.Definition, real, 3, [double.NaN, double.NaN, 0, 1]);
    }

    [Fact]
    public void MinMaxIndex_IndexesAreAbsoluteBarNumbers()
    {
        double[] real = [4, 1, 7, 3, 9, 2, 8];
        var minimum = new double[real.Length];
        var maximum = new double[real.Length];

        MinMaxIndex.Compute(real, 3, minimum, maximum);

        Assert.Equal([0, 0, 1, 1, 3, 5, 5], minimum);
        Assert.Equal([0, 0, 2, 2, 4, 4, 4], maximum);
        AssertBatchAndStream(MinMaxIndex.Definition, real, 3, [double.NaN, double.NaN, 1, 1, 3, 5, 5], [double.NaN, double.NaN, 2, 2, 4, 4, 4]);
    }

    [Fact]
    public void MinMax_Window2_MatchesHandValues()
    {
        double[] real = [4, 1, 7, 3];
        AssertBatchAndStream(MinMax.Definition, real, 2, [double.NaN, 1, 1, 3], [double.NaN, 4, 7, 7]);
    }

    private static void AssertBatchAndStream(Indicator indicator, double[] real, int period, params double[][] expected)
    {
        var parameters = IndicatorParameters.FromValues(indicator.Info, period);
        var batch = indicator.Compute(new IndicatorInputs { Real0 = real }, parameters);
        var stream = indicator.CreateStream(parameters);
        for (var i = 0; i < real.Length; i++)
        {
            // A forming bar that first spikes both ways, then settles.
            stream.Add(StreamBar.Value(real[i] + 100));
            stream.UpdateLast(StreamBar.Value(real[i] - 100));
            stream.UpdateLast(StreamBar.Value(real[i]));
            for (var k = 0; k < expected.Length; k++)
            {
                Assert.Equal(expected[k][i], batch[k][i]);
                Assert.Equal(expected[k][i], stream.Value(k));
            }
        }
    }
}
