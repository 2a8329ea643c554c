using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class SupertrendTests
{
    [Fact]
    public void Compute_HandExample_RatchetsBandsAndFlipsOnCloses()
    {
        // ATR(1) is the bar's true range; bands are the median ± 1 · ATR.
        double[] high = [10, 10.5, 11, 12, 12, 10.5];
        double[] low = [9, 9.5, 10, 11, 10, 9.5];
        double[] close = [9.5, 10, 10.8, 11.9, 10.1, 10];
        var result = Run("supertrend", new IndicatorInputs { High = high, Low = low, Close = close }, ("atr_period", "1"), ("multiplier", "1"));

        // Bar 1 starts down at the upper band 11; bar 2 keeps 11 (11.5 is looser); bar 3 closes above 11: up, line =
        // lower band 10.3; bar 4 closes below 10.3: down, upper band resets to 13 (the previous close was above 11);
        // bar 5: the upper band tightens to 11.
        AssertSeries([double.NaN, 11, 11, 10.3, 13, 11], result[0], "supertrend", 1e-12);
        AssertSeries([double.NaN, -1, -1, 1, -1, -1], result[1], "direction", 0);
    }

    [Fact]
    public void Compute_RealData_EqualsTradingViewsDefinitionWithWildersAtr()
    {
        var d = Data;
        var atr = Atr(d.High, d.Low, d.Close, 10);
        var line = Empty(d.Length);
        var direction = Empty(d.Length);
        double upper = double.NaN, lower = double.NaN;
        for (var i = 10; i < d.Length; i++)
        {
            var mid = (d.High[i] + d.Low[i]) / 2;
            var basicUpper = mid + (3 * atr[i]);
            var basicLower = mid - (3 * atr[i]);
            var first = i == 10;
            upper = first || basicUpper < upper || d.Close[i - 1] > upper ? basicUpper : upper;
            lower = first || basicLower > lower || d.Close[i - 1] < lower ? basicLower : lower;
            direction[i] = first ? -1 : direction[i - 1] < 0 ? (d.Close[i] > upper ? 1 : -1) : (d.Close[i] < lower ? -1 : 1);
            line[i] = direction[i] > 0 ? lower : upper;
        }

        var result = Run("supertrend");
        AssertSeries(line, result[0], "supertrend", 1e-12);
        AssertSeries(direction, result[1], "direction", 0);
        Assert.Contains(1.0, result[1]);
        Assert.Contains(-1.0, result[1]);
    }
}
