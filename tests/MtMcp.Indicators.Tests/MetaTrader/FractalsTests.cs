using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class FractalsTests
{
    [Fact]
    public void Compute_RealData_ReportsMetaTradersFiveBarRuleAtTheConfirmingBar()
    {
        var data = Data;
        var (high, low) = (data.High, data.Low);
        var result = Run("fractals");
        var ups = 0;
        var lastUp = double.NaN;
        var lastDown = double.NaN;
        for (var t = 4; t < data.Length; t++)
        {
            // MetaTrader's Fractals.mq5 for bar c: strictly above the two later bars, not below the two earlier ones.
            var c = t - 2;
            var up = high[c] > high[c + 1] && high[c] > high[c + 2] && high[c] >= high[c - 1] && high[c] >= high[c - 2];
            var down = low[c] < low[c + 1] && low[c] < low[c + 2] && low[c] <= low[c - 1] && low[c] <= low[c - 2];
            lastUp = up ? high[c] : lastUp;
            lastDown = down ? low[c] : lastDown;
            ups += up ? 1 : 0;

            Assert.Equal(up ? high[c] : double.NaN, result[0][t]);
            Assert.Equal(down ? low[c] : double.NaN, result[1][t]);
            Assert.Equal(lastUp, result[2][t]);
            Assert.Equal(lastDown, result[3][t]);
        }

        Assert.InRange(ups, 100, data.Length / 3);
        Assert.All(result, output => Assert.All(output.Take(4), v => Assert.True(double.IsNaN(v))));
    }

    [Fact]
    public void Compute_EqualHighs_TheLaterBarIsTheFractal()
    {
        double[] high = [1, 2, 5, 5, 3, 2, 1];
        double[] low = [0, 0, 0, 0, 0, 0, 0];
        var up = Run("fractals", new IndicatorInputs { High = high, Low = low })[0];

        // Bar 2 is not above bar 3 (equal): no fractal (it would be confirmed at bar 4). Bar 3 is not below bars 1–2
        // and is above bars 4–5: a fractal, confirmed at bar 5.
        AssertSeries([double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 5, double.NaN], up, "up");
    }
}
