using System.Globalization;
using MtMcp.Testing;

namespace MtMcp.Cli.Tests;

public sealed class IndicatorCommandTests
{
    private static readonly string s_eurusd = SharedData.Path("EURUSD.csv");

    // Closes of EURUSD.csv read straight from the file text, as an independent reference.
    private static readonly Lazy<double[]> s_closes = new(() =>
        [.. File.ReadAllLines(s_eurusd).Skip(1).Select(l => double.Parse(l.Split(',')[4], CultureInfo.InvariantCulture))]);

    [Fact]
    public async Task Sma_OnAFile_PrintsOneRowPerBarWithAnEmptyWarmUp()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("indicator", "sma", "--data", s_eurusd, "--symbol", "EURUSD", "-p", "period=5");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Lines;
        Assert.Equal("time,real", lines[0]);
        Assert.Equal(5001, lines.Length);
        Assert.Equal("2017-04-19T09:00:00Z,", lines[1]);
        Assert.EndsWith(",", lines[4], StringComparison.Ordinal);

        for (var bar = 4; bar < 5000; bar += 997)
        {
            var expected = s_closes.Value.Skip(bar - 4).Take(5).Sum() / 5;
            var actual = double.Parse(lines[bar + 1].Split(',')[1], CultureInfo.InvariantCulture);
            Assert.Equal(expected, actual, 12);
        }
    }

    [Fact]
    public async Task Sma_OnALongerTimeframe_UsesOnlyClosedLongerBars()
    {
        using var cli = new CliRunner();
        var h1 = await cli.RunAsync("indicator", "sma", "--data", s_eurusd, "--symbol", "EURUSD", "-p", "period=2", "--on-timeframe", "H4", "--format", "json");
        var h4 = await cli.RunAsync("indicator", "sma", "--data", s_eurusd, "--symbol", "EURUSD", "-t", "H4", "-p", "period=2", "--format", "json");

        using var hourly = System.Text.Json.JsonDocument.Parse(h1.Output);
        using var fourHourly = System.Text.Json.JsonDocument.Parse(h4.Output);
        var h4Values = fourHourly.RootElement.EnumerateArray().ToDictionary(
            e => DateTimeOffset.Parse(e.GetProperty("time").GetString()!, CultureInfo.InvariantCulture),
            e => e.GetProperty("real"));

        var checkedRows = 0;
        foreach (var row in hourly.RootElement.EnumerateArray())
        {
            var time = DateTimeOffset.Parse(row.GetProperty("time").GetString()!, CultureInfo.InvariantCulture);
            // The H1 bar closes at time + 1 h; the last H4 bar closed by then opened at floor(time + 1 h, 4 h) − 4 h.
            var closeTime = time.AddHours(1);
            var lastClosedH4 = new DateTimeOffset(closeTime.Year, closeTime.Month, closeTime.Day, closeTime.Hour / 4 * 4, 0, 0, TimeSpan.Zero).AddHours(-4);
            if (!h4Values.TryGetValue(lastClosedH4, out var expected))
            {
                continue;
            }

            Assert.Equal(expected.ToString(), row.GetProperty("real").ToString());
            checkedRows++;
        }

        Assert.True(checkedRows > 4000, $"{checkedRows} rows checked");
    }

    [Fact]
    public async Task Indicator_OnTheStore_ReadsImportedBars()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("data", "import", s_eurusd, "--symbol", "EURUSD");

        var result = await cli.RunAsync("indicator", "sma", "--symbol", "EURUSD", "-t", "H1", "-n", "3");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(4, result.Lines.Length);
        Assert.StartsWith("2018-02-07T15:00:00Z,", result.Lines[^1], StringComparison.Ordinal);
        Assert.Equal(s_closes.Value.TakeLast(30).Sum() / 30, double.Parse(result.Lines[^1].Split(',')[1], CultureInfo.InvariantCulture), 12);
    }

    [Fact]
    public async Task List_ShowsEveryIndicatorWithItsParameters()
    {
        using var cli = new CliRunner();
        var table = await cli.RunAsync("indicator", "--list");
        var json = await cli.RunAsync("indicator", "--list", "--json");

        Assert.Contains(table.Lines, l => l.StartsWith("sma ", StringComparison.Ordinal) && l.Contains("time_period=30", StringComparison.Ordinal));
        using var metadata = System.Text.Json.JsonDocument.Parse(json.Output);
        var sma = metadata.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "sma");
        Assert.Equal(29, sma.GetProperty("lookback").GetInt32());
        Assert.Equal("period", sma.GetProperty("parameters")[0].GetProperty("aliases")[0].GetString());
    }

    [Theory]
    [InlineData("indicator nosuch --data {0}", "Unknown indicator 'nosuch'")]
    [InlineData("indicator sma --data {0} -p period=0", "from 2 to 100000")]
    [InlineData("indicator sma --data {0} -p length=5", "no parameter 'length'")]
    [InlineData("indicator sma --data {0} -p period", "key=value")]
    [InlineData("indicator sma --data {0} -p period=6000", "needs at least 6000 bars")]
    [InlineData("indicator sma --data {0} --source mid", "Unknown price source 'mid'")]
    [InlineData("indicator sma", "--symbol and --timeframe")]
    public async Task BadRequests_ExitWithTwoAndSayWhatIsWrong(string command, string expected)
    {
        using var cli = new CliRunner();
        var args = string.Format(CultureInfo.InvariantCulture, command, s_eurusd).Split(' ');
        var result = await cli.RunAsync(args.Contains("--data") ? [.. args, "--symbol", "EURUSD"] : args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
