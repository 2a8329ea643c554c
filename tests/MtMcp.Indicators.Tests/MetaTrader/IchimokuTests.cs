using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class IchimokuTests
{
    [Fact]
    public void Compute_Defaults_LinesAsOfEachBarWithoutLookAhead()
    {
        var d = Data;
        var result = Run("ichimoku");
        var tenkan = Midpoints(d, 9);
        var kijun = Midpoints(d, 26);
        var senkouB = Midpoints(d, 52);

        // Everything is defined from bar 77: span B's 52-bar range (51) plus the 26-bar forward shift.
        Assert.All(result, output => Assert.Equal(77, FirstValue(output)));
        for (var t = 77; t < d.Length; t++)
        {
            Assert.Equal(tenkan[t], result[0][t], 12);
            Assert.Equal(kijun[t], result[1][t], 12);

            // The cloud under bar t was computed 26 bars earlier (MetaTrader draws spans 26 bars ahead).
            Assert.Equal((tenkan[t - 26] + kijun[t - 26]) / 2, result[2][t], 12);
            Assert.Equal(senkouB[t - 26], result[3][t], 12);

            // The lagging line's newest point is this bar's close.
            Assert.Equal(d.Close[t], result[4][t]);
        }
    }

    private static double[] Midpoints(GoldenData d, int period)
    {
        var result = Empty(d.Length);
        for (var i = period - 1; i < d.Length; i++)
        {
            result[i] = (d.High.Skip(i - period + 1).Take(period).Max() + d.Low.Skip(i - period + 1).Take(period).Min()) / 2;
        }

        return result;
    }
}
