namespace MtMcp.Cli.Tests;

public sealed class PaperCommandTests
{
    [Fact]
    public async Task List_NoAccounts_ShowsTheDefaultDemoAccount()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("paper", "list");

        Assert.Equal(0, result.ExitCode);
        var demo = Assert.Single(result.Lines, l => l.StartsWith("demo ", StringComparison.Ordinal));
        Assert.Contains("USD", demo, StringComparison.Ordinal);
        Assert.Contains("1:100", demo, StringComparison.Ordinal);
        Assert.Contains("hedging", demo, StringComparison.Ordinal);
        Assert.Contains("10,000.00", demo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateDepositWithdrawReset_ChangeTheStoredAccount()
    {
        using var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("paper", "create", "euro", "--currency", "EUR", "--leverage", "30", "--margin-mode", "netting", "--deposit", "5000")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("paper", "deposit", "euro", "250.5")).ExitCode);
        var withdraw = await cli.RunAsync("paper", "withdraw", "euro", "50");
        Assert.Equal(0, withdraw.ExitCode);
        Assert.Contains("balance 5200.5", withdraw.Output, StringComparison.Ordinal);

        var list = await cli.RunAsync("paper", "list");
        var euro = Assert.Single(list.Lines, l => l.StartsWith("euro ", StringComparison.Ordinal));
        Assert.Contains("EUR", euro, StringComparison.Ordinal);
        Assert.Contains("1:30", euro, StringComparison.Ordinal);
        Assert.Contains("netting", euro, StringComparison.Ordinal);
        Assert.Contains("5,200.50", euro, StringComparison.Ordinal);

        Assert.Equal(0, (await cli.RunAsync("paper", "reset", "euro")).ExitCode);
        Assert.Contains("5,000.00", Assert.Single((await cli.RunAsync("paper", "list")).Lines, l => l.StartsWith("euro ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("create", "bad name")]
    [InlineData("create", "ok", "--leverage", "0")]
    [InlineData("create", "ok", "--currency", "EURO")]
    [InlineData("create", "ok", "--margin-mode", "fifo")]
    [InlineData("create", "ok", "--deposit", "0")]
    [InlineData("deposit", "demo", "0")]
    [InlineData("withdraw", "demo", "1000000")]
    [InlineData("reset", "nobody")]
    [InlineData("remove", "nobody")]
    public async Task BadInput_ExitsWithTwo_AndChangesNothing(params string[] args)
    {
        using var cli = new CliRunner();
        var before = (await cli.RunAsync("paper", "list")).Output;
        var files = cli.Snapshot().Keys;

        var result = await cli.RunAsync(["paper", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        // The journal's bytes move with SQLite's write-ahead log, so compare what it holds: the same accounts and money.
        Assert.Equal(files, cli.Snapshot().Keys);
        Assert.Equal(before, (await cli.RunAsync("paper", "list")).Output);
    }

    [Fact]
    public async Task Remove_DeletesTheAccount()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("paper", "create", "temp");
        Assert.Equal(0, (await cli.RunAsync("paper", "remove", "temp")).ExitCode);
        Assert.DoesNotContain((await cli.RunAsync("paper", "list")).Lines, l => l.StartsWith("temp ", StringComparison.Ordinal));
    }
}
