using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class SupportResistanceTests
{
    [Theory]
    [InlineData(5, 10)]
    [InlineData(2, 3)]
    public void Compute_RealData_NearestRememberedSwingsAroundTheClose(int strength, int swings)
    {
        var d = Data;
        var result = Run("support_resistance", ("strength", $"{strength}"), ("swings", $"{swings}"));

        // Swing points by brute force over the whole series: (bar, price), confirmed strength bars later.
        var highs = Swings(d.High, strength, high: true);
        var lows = Swings(d.Low, strength, high: false);
        for (var t = 2 * strength; t < d.Length; t++)
        {
            var close = d.Close[t];
            var knownHighs = highs.Where(s => s.Bar + strength <= t).TakeLast(swings).Select(s => s.Price);
            var knownLows = lows.Where(s => s.Bar + strength <= t).TakeLast(swings).Select(s => s.Price);
            var above = knownHighs.Where(p => p > close).Distinct().Order().ToList();
            var below = knownLows.Where(p => p < close).Distinct().OrderDescending().ToList();

            Assert.Equal(above.Count > 0 ? above[0] : double.NaN, result[0][t]);
            Assert.Equal(above.Count > 1 ? above[1] : double.NaN, result[1][t]);
            Assert.Equal(below.Count > 0 ? below[0] : double.NaN, result[2][t]);
            Assert.Equal(below.Count > 1 ? below[1] : double.NaN, result[3][t]);
        }

        Assert.True(result[0].Count(v => !double.IsNaN(v)) > 2_000);
        Assert.True(result[3].Count(v => !double.IsNaN(v)) > 2_000);
    }

    private static List<(int Bar, double Price)> Swings(double[] prices, int strength, bool high)
    {
        var swings = new List<(int Bar, double Price)>();
        for (var c = strength; c + strength < prices.Length; c++)
        {
            var isSwing = true;
            for (var k = 1; k <= strength; k++)
            {
                isSwing &= high
                    ? prices[c] >= prices[c - k] && prices[c] > prices[c + k]
                    : prices[c] <= prices[c - k] && prices[c] < prices[c + k];
            }

            if (isSwing)
            {
                swings.Add((c, prices[c]));
            }
        }

        return swings;
    }
}
