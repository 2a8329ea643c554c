namespace MtMcp.Domain.Tests;

public sealed class TimeframesTests
{
    [Fact]
    public void All_HasTheTwentyOneMt5Timeframes_WithMt5Values()
    {
        Assert.Equal(21, Timeframes.All.Count);
        Assert.Equal(16385, (int)Timeframe.H1);
        Assert.Equal(16408, (int)Timeframe.D1);
        Assert.Equal(32769, (int)Timeframe.W1);
        Assert.Equal(49153, (int)Timeframe.MN1);
    }

    [Theory]
    [InlineData("2014-05-01T13:47:12Z", Timeframe.M1, "2014-05-01T13:47:00Z")]
    [InlineData("2014-05-01T13:47:12Z", Timeframe.M15, "2014-05-01T13:45:00Z")]
    [InlineData("2014-05-01T13:47:12Z", Timeframe.H4, "2014-05-01T12:00:00Z")]
    [InlineData("2014-05-01T13:47:12Z", Timeframe.D1, "2014-05-01T00:00:00Z")]
    [InlineData("2014-05-01T13:47:12Z", Timeframe.W1, "2014-04-27T00:00:00Z")]
    [InlineData("2014-05-04T00:00:00Z", Timeframe.W1, "2014-05-04T00:00:00Z")]
    [InlineData("2014-05-03T23:59:59Z", Timeframe.W1, "2014-04-27T00:00:00Z")]
    [InlineData("2014-05-31T23:59:59Z", Timeframe.MN1, "2014-05-01T00:00:00Z")]
    [InlineData("1965-03-10T10:10:00Z", Timeframe.H1, "1965-03-10T10:00:00Z")]
    public void BarOpenTime_FloorsToTheMt5Boundary(string time, Timeframe timeframe, string expected)
    {
        var seconds = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        var open = timeframe.BarOpenTime(seconds);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeSeconds(open));
    }

    [Fact]
    public void NextBarOpenTime_OfMonth_FollowsTheCalendar()
    {
        var feb = new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), Timeframe.MN1.NextBarOpenTime(feb));
    }

    [Theory]
    [InlineData("m1", Timeframe.M1)]
    [InlineData("PERIOD_H4", Timeframe.H4)]
    [InlineData("mn", Timeframe.MN1)]
    [InlineData(" d1 ", Timeframe.D1)]
    public void Parse_AcceptsMt5Names(string text, Timeframe expected) => Assert.Equal(expected, Timeframes.Parse(text));

    [Fact]
    public void Parse_UnknownName_ListsTheAllowedNames()
    {
        var error = Assert.Throws<FormatException>(() => Timeframes.Parse("M7"));
        Assert.Contains("M7", error.Message, StringComparison.Ordinal);
        Assert.Contains("MN1", error.Message, StringComparison.Ordinal);
    }
}
