using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class VwapTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(22)]
    public void Compute_RealData_EqualsSumsOverTheBarsOfTheSameUtcDay(int anchorHour)
    {
        var d = Data;
        var vwap = Run("vwap", ("anchor_hour", anchorHour.ToString(System.Globalization.CultureInfo.InvariantCulture)))[0];
        var expected = new double[d.Length];
        for (var i = 0; i < d.Length; i++)
        {
            // Sum back over the bars whose (anchor-shifted) UTC date is this bar's.
            var day = Day(d.Time[i], anchorHour);
            double priceVolume = 0, volume = 0;
            for (var j = i; j >= 0 && Day(d.Time[j], anchorHour) == day; j--)
            {
                priceVolume += (d.High[j] + d.Low[j] + d.Close[j]) / 3 * d.Volume[j];
                volume += d.Volume[j];
            }

            expected[i] = priceVolume / volume;
        }

        AssertSeries(expected, vwap, "vwap", 1e-12);
    }

    [Fact]
    public void Compute_FirstBarOfEachDay_IsItsTypicalPrice()
    {
        var d = Data;
        var vwap = Run("vwap")[0];
        var firsts = 0;
        for (var i = 1; i < d.Length; i++)
        {
            if (Day(d.Time[i], 0) != Day(d.Time[i - 1], 0))
            {
                firsts++;
                Assert.Equal((d.High[i] + d.Low[i] + d.Close[i]) / 3, vwap[i], 12);
            }
        }

        Assert.InRange(firsts, 200, 300);
    }

    [Fact]
    public void Compute_NoVolumeYet_IsNaN()
    {
        double[] price = [1, 2, 3];
        long[] time = [0, 3_600, 7_200];
        var vwap = Run("vwap", new IndicatorInputs { Time = time, High = price, Low = price, Close = price, Volume = [0, 2, 1] })[0];
        AssertSeries([double.NaN, 2, 7.0 / 3], vwap, "vwap", 1e-15);
    }

    private static DateTime Day(long time, int anchorHour) =>
        DateTimeOffset.FromUnixTimeSeconds(time).UtcDateTime.AddHours(-anchorHour).Date;
}
