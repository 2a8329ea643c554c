using MtMcp.Testing;

namespace MtMcp.Cli.Tests;

public sealed class DataCommandTests
{
    private static readonly string s_leanHour = SharedData.Path("lean", "forex", "oanda", "hour", "eurusd.zip");

    [Fact]
    public async Task Import_TheSameFileTwice_ChangesNothingTheSecondTime()
    {
        using var cli = new CliRunner();
        var first = await cli.RunAsync("data", "import", s_leanHour);
        var before = cli.Snapshot();
        var second = await cli.RunAsync("data", "import", s_leanHour);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("74439 added", first.Output, StringComparison.Ordinal);
        Assert.Contains("0 added, 0 replaced, 74439 unchanged", second.Output, StringComparison.Ordinal);
        Assert.Equal(before, cli.Snapshot());
    }

    [Fact]
    public async Task ExportThenImport_GivesIdenticalBars()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("data", "import", SharedData.Path("EURUSD.csv"), "--symbol", "EURUSD");
        var exported = cli.File("EURUSD_H1_export.csv");
        var export = await cli.RunAsync("data", "bars", "EURUSD", "--timeframe", "H1", "--output", exported);
        Assert.Equal(0, export.ExitCode);

        using var other = new CliRunner();
        var import = await other.RunAsync("data", "import", exported);
        var reExported = other.File("again.csv");
        await other.RunAsync("data", "bars", "EURUSD", "--timeframe", "H1", "--output", reExported);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("5000 added", import.Output, StringComparison.Ordinal);
        var original = await File.ReadAllTextAsync(exported, TestContext.Current.CancellationToken);
        Assert.Equal(original, await File.ReadAllTextAsync(reExported, TestContext.Current.CancellationToken));

        // The export is the source file's data: first and last rows against the text of EURUSD.csv.
        var lines = original.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time,open,high,low,close,tick_volume,spread,real_volume", lines[0]);
        Assert.Equal("2017-04-19T09:00:00Z,1.0716,1.0722,1.07083,1.07219,1413,0,0", lines[1]);
        Assert.Equal(5001, lines.Length);
    }

    [Fact]
    public async Task Bars_ResampledFromH1_MatchTheDailyFile()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("data", "import", s_leanHour);

        var result = await cli.RunAsync("data", "bars", "EURUSD", "--timeframe", "D1", "--from", "2007-01-02", "--to", "2007-01-03");

        // Bid OHLC of 2007-01-02 and -03 in lean/.../daily/eurusd.zip.
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("2007-01-02T00:00:00Z,1.32095,1.32957,1.32083,1.32736,", result.Lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2007-01-03T00:00:00Z,1.32736,1.32895,1.31461,1.31687,", result.Lines[2], StringComparison.Ordinal);
        Assert.Equal(3, result.Lines.Length);
    }

    [Fact]
    public async Task Bars_CountAndJson_GiveTheLastBarsAsJson()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("data", "import", s_leanHour);

        var result = await cli.RunAsync("data", "bars", "EURUSD", "-t", "H1", "-n", "2", "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        var bars = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, bars.Count);
        Assert.Equal("2018-12-31T21:00:00Z", bars[1].GetProperty("time").GetString());
    }

    [Fact]
    public async Task Ticks_ImportedFromLean_AreListedAndBuildM1Bars()
    {
        using var cli = new CliRunner();
        var import = await cli.RunAsync("data", "import", SharedData.Path("lean", "forex", "oanda", "tick", "eurusd", "20140501_quote.zip"));
        var ticks = await cli.RunAsync("data", "ticks", "EURUSD", "--count", "2");
        var bars = await cli.RunAsync("data", "bars", "EURUSD", "-t", "M1", "--from", "2014-05-01T00:00:00Z", "--to", "2014-05-01T00:00:59Z");

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(3, ticks.Lines.Length);
        Assert.Equal("time,bid,ask,last,volume,flags", ticks.Lines[0]);
        // The first minute of lean/.../minute/eurusd/20140501_quote.zip: bid O/H/L/C 1.38676 1.38686 1.38669 1.38686.
        Assert.StartsWith("2014-05-01T00:00:00Z,1.38676,1.38686,1.38669,1.38686,", bars.Lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.csv", "", "empty")]
    [InlineData("truncated.csv", "time,open,high,low,close\n2024-01-01 00:00,1.1,1.2,1.0,1.15\n2024-01-01 00:01,1.1,1.2\n", "line 3")]
    [InlineData("text.csv", "time,open,high,low,close\n2024-01-01 00:00,1.1,abc,1.0,1.15\n", "abc")]
    [InlineData("backwards.csv", "time,open,high,low,close\n2024-01-01 00:01,1.1,1.2,1.0,1.15\n2024-01-01 00:00,1.1,1.2,1.0,1.15\n", "line 3")]
    [InlineData("unknown.csv", "hello world\nthis is not market data\n", "format")]
    public async Task Import_MalformedFile_ExitsWithTwoNamesTheProblemAndChangesNothing(string name, string content, string expected)
    {
        using var cli = new CliRunner();
        await cli.RunAsync("data", "import", s_leanHour);
        var path = cli.File(name);
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        var before = cli.Snapshot();

        var result = await cli.RunAsync("data", "import", path, "--symbol", "EURUSD");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(name, result.Error, StringComparison.Ordinal);
        Assert.Contains(expected, result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, cli.Snapshot());
    }

    [Fact]
    public async Task Import_OneBadFileAmongGoodOnes_WritesNothing()
    {
        using var cli = new CliRunner();
        var bad = cli.File("bad.csv");
        await File.WriteAllTextAsync(bad, "time,open,high,low,close\n2024-01-01 00:00,1.1,1.0,1.2,1.15\n", TestContext.Current.CancellationToken);

        var result = await cli.RunAsync("data", "import", s_leanHour, bad, "--symbol", "EURUSD");

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain(Directory.EnumerateFiles(cli.DataDir, "*", SearchOption.AllDirectories), f => f.EndsWith(".f64", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_TenMegabyteSingleLine_FailsClearly()
    {
        using var cli = new CliRunner();
        var path = cli.File("huge.csv");
        await File.WriteAllTextAsync(path, new string('1', 10 * 1024 * 1024), TestContext.Current.CancellationToken);

        var result = await cli.RunAsync("data", "import", path, "--symbol", "EURUSD");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("huge.csv", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 1", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data bars EURUSD --timeframe M7", "M7")]
    [InlineData("data bars EURUSD --timeframe H1 --from yesterday", "yesterday")]
    [InlineData("data bars NOSUCH --timeframe H1", "No data for NOSUCH")]
    [InlineData("data import nowhere.csv", "nowhere.csv")]
    [InlineData("data import x.csv --format Excel", "Excel")]
    public async Task BadArguments_ExitWithTwoAndSayWhatIsWrong(string command, string expected)
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync(command.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_EmptyStore_SaysHowToFillIt()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("data", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("mtmcp data import", result.Output, StringComparison.Ordinal);
    }
}
