using MtMcp.DemoMarket.Model;

namespace MtMcp.DemoMarket.Tests;

public sealed class SeasonalityTests
{
    [Theory]
    [InlineData("2025-01-05T00:00:00Z", 0)] // a Sunday
    [InlineData("2025-01-06T00:00:00Z", 1440)] // Monday
    [InlineData("2025-01-11T23:59:00Z", 10079)] // Saturday, last minute
    [InlineData("1970-01-01T00:00:00Z", 4 * 1440)] // a Thursday
    public void MinuteOfWeek_KnownDates_CountFromSundayMidnight(string utc, int expected)
    {
        var minute = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds() / 60;
        Assert.Equal(expected, Seasonality.MinuteOfWeek(minute));
    }

    [Fact]
    public void VarianceRate_EveryProfile_AveragesOneOverTheWeek()
    {
        foreach (var profile in Enum.GetValues<ActivityProfile>())
        {
            var table = Seasonality.VarianceRate(profile);
            Assert.Equal(Seasonality.MinutesPerWeek, table.Length);
            Assert.Equal(1.0, table.Average(), 1e-12);
            Assert.All(table, rate => Assert.True(rate > 0));
        }
    }

    [Fact]
    public void VarianceRate_Dollar_BusiestInOverlapQuietInAsiaAndWeekend()
    {
        var table = Seasonality.VarianceRate(ActivityProfile.Usd);
        const int Tuesday = 2 * 1440;
        var overlap = table[Tuesday + (14 * 60)];
        var asiaNight = table[Tuesday + (3 * 60)];
        var saturday = table[(6 * 1440) + (12 * 60)];
        Assert.True(overlap > 3 * asiaNight, $"overlap {overlap} vs Asia {asiaNight}");
        Assert.True(asiaNight > 5 * saturday, $"Asia {asiaNight} vs Saturday {saturday}");
    }
}
