using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class FibonacciRetracementTests
{
    [Fact]
    public void Compute_RealData_RetracesTheLastConfirmedZigZagSwing()
    {
        var zigzag = Run("zigzag");
        var levels = Run("fibonacci_retracement");
        double[] ratios = [0, 0.236, 0.382, 0.5, 0.618, 0.786, 1];
        Assert.Equal(ratios.Length, levels.Length);

        // The swing runs from the previous pivot (start, 100 %) to the pivot (end, 0 %).
        for (var k = 0; k < ratios.Length; k++)
        {
            var ratio = ratios[k];
            AssertSeries([.. zigzag[1].Zip(zigzag[5], (end, start) => end + (ratio * (start - end)))], levels[k], $"level {ratio}", 1e-12);
        }

        // The ends are the pivots themselves, once both exist.
        AssertSeries([.. zigzag[1].Zip(zigzag[5], (end, start) => double.IsNaN(start) ? double.NaN : end)], levels[0], "0 %", 0);
        AssertSeries(zigzag[5], levels[6], "100 %", 0);
        Assert.True(levels[3].Count(v => !double.IsNaN(v)) > 4_500);
    }

    [Fact]
    public void Compute_RealData_LevelsLieBetweenTheSwingsEnds()
    {
        var levels = Run("fibonacci_retracement", ("depth", "24"));
        for (var t = 0; t < levels[0].Length; t++)
        {
            if (double.IsNaN(levels[0][t]))
            {
                continue;
            }

            var (lo, hi) = (Math.Min(levels[0][t], levels[6][t]), Math.Max(levels[0][t], levels[6][t]));
            Assert.All(levels, level => Assert.InRange(level[t], lo, hi));
        }
    }
}
