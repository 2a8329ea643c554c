namespace MtMcp.Cli.Tests;

/// <summary><c>mtmcp report compliance --format html</c>: one self-contained page.</summary>
public sealed class ComplianceReportCommandTests
{
    [Fact]
    public async Task ReportCompliance_Html_WritesOneSelfContainedPage()
    {
        using var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("paper", "create", "euro", "--deposit", "5000")).ExitCode);

        var result = await cli.RunAsync("report", "compliance", "--from", "2000-01-01", "--to", "2100-01-01", "--format", "html", "-o", cli.File("c.html"));

        Assert.Equal(0, result.ExitCode);
        var html = await File.ReadAllTextAsync(cli.File("c.html"), TestContext.Current.CancellationToken);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Leverage per asset class</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ok\">Intact</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReportCompliance_UnknownFormat_IsAUsageError()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("report", "compliance", "--from", "2000-01-01", "--to", "2100-01-01", "--format", "pdf");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("html", result.Error, StringComparison.Ordinal);
    }
}
