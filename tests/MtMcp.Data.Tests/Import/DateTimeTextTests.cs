using System.Globalization;
using System.Text;
using MtMcp.Data.Import;

namespace MtMcp.Data.Tests.Import;

public sealed class DateTimeTextTests
{
    [Theory]
    [InlineData("2004-08-19", "2004-08-19T00:00:00Z", false)]
    [InlineData("2017-04-19 09:00:00", "2017-04-19T09:00:00Z", false)]
    [InlineData("2017-04-19 09:00", "2017-04-19T09:00:00Z", false)]
    [InlineData("2017-04-19T09:00:00Z", "2017-04-19T09:00:00Z", true)]
    [InlineData("2017-04-19T09:00:00.250Z", "2017-04-19T09:00:00.25Z", true)]
    [InlineData("2017-04-19T11:00:00+02:00", "2017-04-19T09:00:00Z", true)]
    [InlineData("2017-04-19T04:30-0430", "2017-04-19T09:00:00Z", true)]
    [InlineData("2020.01.02 23:59:59", "2020-01-02T23:59:59Z", false)]
    [InlineData("2020.01.02", "2020-01-02T00:00:00Z", false)]
    [InlineData("2020/01/02 10:11", "2020-01-02T10:11:00Z", false)]
    [InlineData("20120102 170000", "2012-01-02T17:00:00Z", false)]
    [InlineData("20070101 21:00", "2007-01-01T21:00:00Z", false)]
    [InlineData("2024-02-29 12:00:00.123456", "2024-02-29T12:00:00.123Z", false)]
    [InlineData("1577836800", "2020-01-01T00:00:00Z", true)]
    [InlineData("1577836800123", "2020-01-01T00:00:00.123Z", true)]
    [InlineData("1960-06-01 08:00", "1960-06-01T08:00:00Z", false)]
    public void TryParseDateTime_SupportedSpellings_GiveTheInstant(string text, string expected, bool absolute)
    {
        Assert.True(DateTimeText.TryParseDateTime(Encoding.ASCII.GetBytes(text), out var ms, out var isAbsolute));
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), ms);
        Assert.Equal(absolute, isAbsolute);
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2023-13-01")]
    [InlineData("2023-01-01 24:00")]
    [InlineData("2023-01-01 12:60")]
    [InlineData("2023-01-01 12:00:61")]
    [InlineData("2023-01-01X12:00")]
    [InlineData("2023-01-01 12")]
    [InlineData("01/02/2023")]
    [InlineData("yesterday")]
    [InlineData("2023-01-01 12:00+25:00")]
    public void TryParseDateTime_Invalid_Fails(string text) =>
        Assert.False(DateTimeText.TryParseDateTime(Encoding.ASCII.GetBytes(text), out _, out _));

    [Fact]
    public void DaysFromCivil_EveryDayOver500Years_MatchesDateOnly()
    {
        var epoch = DateOnly.FromDateTime(DateTime.UnixEpoch);
        for (var day = new DateOnly(1800, 1, 1); day.Year < 2300; day = day.AddDays(1))
        {
            Assert.Equal(day.DayNumber - epoch.DayNumber, DateTimeText.DaysFromCivil(day.Year, day.Month, day.Day));
        }
    }
}
