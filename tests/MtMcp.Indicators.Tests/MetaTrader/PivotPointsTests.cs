using static MtMcp.Indicators.Tests.MetaTrader.MetaTraderData;

namespace MtMcp.Indicators.Tests.MetaTrader;

public sealed class PivotPointsTests
{
    [Theory]
    [InlineData("pivots_classic")]
    [InlineData("pivots_fibonacci")]
    [InlineData("pivots_camarilla")]
    [InlineData("pivots_woodie")]
    [InlineData("pivots_demark")]
    public void Compute_RealData_UsesThePreviousUtcDaysPrices(string name)
    {
        var d = Data;
        var days = Days(d);
        var dates = days.Keys.Order().ToList();
        var result = Run(name);
        var checkedBars = 0;
        for (var i = 0; i < d.Length; i++)
        {
            var index = dates.IndexOf(DateOf(d.Time[i]));
            if (index == 0)
            {
                Assert.All(result, level => Assert.True(double.IsNaN(level[i])));
                continue;
            }

            var expected = Levels(name, days[dates[index - 1]]);
            Assert.Equal(expected.Length, result.Length);
            for (var k = 0; k < expected.Length; k++)
            {
                Assert.Equal(expected[k], result[k][i], 12);
            }

            checkedBars++;
        }

        Assert.True(checkedBars > 4_900);
    }

    [Fact]
    public void Info_EachMethod_HasItsOwnLevels()
    {
        Assert.Equal(["pp", "r1", "r2", "r3", "s1", "s2", "s3"], IndicatorRegistry.Get("pivots_classic").Info.Outputs.Select(o => o.Name));
        Assert.Equal(["pp", "r1", "r2", "r3", "r4", "s1", "s2", "s3", "s4"], IndicatorRegistry.Get("pivots_camarilla").Info.Outputs.Select(o => o.Name));
        Assert.Equal(["pp", "r1", "s1"], IndicatorRegistry.Get("pivots_demark").Info.Outputs.Select(o => o.Name));
    }

    [Fact]
    public void Compute_AnchorHour_StartsTheDayAtThatUtcHour()
    {
        // Two sessions split at 22:00 UTC: bars at 20:00 and 21:00 are one day, 22:00 and 23:00 the next.
        long[] time = [72_000, 75_600, 79_200, 82_800];
        double[] high = [3, 5, 9, 9];
        double[] low = [1, 2, 7, 7];
        double[] close = [2, 4, 8, 8];
        var result = Run("pivots_classic", new IndicatorInputs { Time = time, High = high, Low = low, Close = close }, ("anchor_hour", "22"));

        // Previous day H 5, L 1, C 4: pp = 10/3, r1 = 2pp − L = 17/3, s1 = 2pp − H = 5/3.
        AssertSeries([double.NaN, double.NaN, 10.0 / 3, 10.0 / 3], result[0], "pp", 1e-15);
        AssertSeries([double.NaN, double.NaN, 17.0 / 3, 17.0 / 3], result[1], "r1", 1e-15);
        AssertSeries([double.NaN, double.NaN, 5.0 / 3, 5.0 / 3], result[4], "s1", 1e-15);
    }

    private static DateTime DateOf(long time) => DateTimeOffset.FromUnixTimeSeconds(time).UtcDateTime.Date;

    private static Dictionary<DateTime, (double O, double H, double L, double C)> Days(GoldenData d)
    {
        var days = new Dictionary<DateTime, (double O, double H, double L, double C)>();
        for (var i = 0; i < d.Length; i++)
        {
            var date = DateOf(d.Time[i]);
            days[date] = days.TryGetValue(date, out var day)
                ? (day.O, Math.Max(day.H, d.High[i]), Math.Min(day.L, d.Low[i]), d.Close[i])
                : (d.Open[i], d.High[i], d.Low[i], d.Close[i]);
        }

        return days;
    }

    private static double[] Levels(string name, (double O, double H, double L, double C) day)
    {
        var (o, h, l, c) = day;
        var pp = (h + l + c) / 3;
        var range = h - l;
        switch (name)
        {
            case "pivots_classic":
                return [pp, (2 * pp) - l, pp + range, h + (2 * (pp - l)), (2 * pp) - h, pp - range, l - (2 * (h - pp))];
            case "pivots_fibonacci":
                return [pp, pp + (0.382 * range), pp + (0.618 * range), pp + range, pp - (0.382 * range), pp - (0.618 * range), pp - range];
            case "pivots_camarilla":
                return [pp, c + (range * 1.1 / 12), c + (range * 1.1 / 6), c + (range * 1.1 / 4), c + (range * 1.1 / 2),
                    c - (range * 1.1 / 12), c - (range * 1.1 / 6), c - (range * 1.1 / 4), c - (range * 1.1 / 2)];
            case "pivots_woodie":
                var w = (h + l + (2 * c)) / 4;
                return [w, (2 * w) - l, w + range, h + (2 * (w - l)), (2 * w) - h, w - range, l - (2 * (h - w))];
            default:
                var x = c < o ? h + (2 * l) + c : c > o ? (2 * h) + l + c : h + l + (2 * c);
                return [x / 4, (x / 2) - l, (x / 2) - h];
        }
    }
}
