namespace MtMcp.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_FillsTheDemoStore_AndASecondRunAddsOnlyNewMinutes()
    {
        using var cli = new CliRunner(new DateTimeOffset(2025, 3, 5, 12, 0, 0, TimeSpan.Zero));
        var first = await cli.RunAsync("demo", "--days", "7", "--symbols", "EURUSD,BTCUSD");
        cli.Time.Advance(TimeSpan.FromMinutes(30));
        var second = await cli.RunAsync("demo", "--days", "7", "--symbols", "EURUSD,BTCUSD");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains(first.Lines, l => l.StartsWith("EURUSD", StringComparison.Ordinal));
        Assert.Contains(first.Lines, l => l.StartsWith("BTCUSD", StringComparison.Ordinal));
        // Crypto trades every minute: 30 new bars for BTCUSD; EURUSD trades on a Wednesday noon too.
        Assert.Contains(" 60 new M1 bars", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_DataIsReadWithTheDemoFlagOnly()
    {
        using var cli = new CliRunner(new DateTimeOffset(2025, 3, 5, 12, 0, 0, TimeSpan.Zero));
        await cli.RunAsync("demo", "--days", "3", "--symbols", "EURUSD");

        var demo = await cli.RunAsync("data", "bars", "EURUSD", "--timeframe", "H1", "--count", "5", "--demo");
        var real = await cli.RunAsync("data", "bars", "EURUSD", "--timeframe", "H1");

        Assert.Equal(0, demo.ExitCode);
        Assert.Equal(6, demo.Lines.Length);
        Assert.StartsWith("2025-03-05T11:00:00Z,", demo.Lines[^1], StringComparison.Ordinal);
        Assert.Equal(2, real.ExitCode);
    }

    [Fact]
    public async Task Demo_SameSeed_SameBars()
    {
        using var a = new CliRunner(new DateTimeOffset(2025, 3, 5, 12, 0, 0, TimeSpan.Zero));
        using var b = new CliRunner(new DateTimeOffset(2025, 3, 5, 12, 0, 0, TimeSpan.Zero));
        await a.RunAsync("demo", "--days", "2", "--symbols", "GBPUSD", "--seed", "7");
        await b.RunAsync("demo", "--days", "2", "--symbols", "GBPUSD", "--seed", "7");

        var barsA = await a.RunAsync("data", "bars", "GBPUSD", "-t", "M15", "--demo");
        var barsB = await b.RunAsync("data", "bars", "GBPUSD", "-t", "M15", "--demo");

        Assert.True(barsA.Lines.Length > 100);
        Assert.Equal(barsA.Output, barsB.Output);
    }
}
