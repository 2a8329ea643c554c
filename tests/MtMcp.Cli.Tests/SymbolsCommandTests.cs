using System.Text.Json;

namespace MtMcp.Cli.Tests;

public sealed class SymbolsCommandTests
{
    [Fact]
    public async Task Symbols_ListsTheWholeCatalogue()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("symbols");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Domain.SymbolCatalog.BuiltIn.Count + 1, result.Lines.Length);
        Assert.Contains(result.Lines, l => l.StartsWith("XAUUSD", StringComparison.Ordinal) && l.Contains("20:1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Symbols_Json_GivesFullSpecsInInvariantCulture()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("symbols", "--json", "--filter", "EURUSD");

        using var json = JsonDocument.Parse(result.Output);
        var eurusd = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("EURUSD", eurusd.GetProperty("name").GetString());
        Assert.Equal(0.00001, eurusd.GetProperty("point").GetDouble(), 15);
        Assert.Equal(0.01m, eurusd.GetProperty("volume_min").GetDecimal());
        Assert.Equal("MajorCurrencyPair", eurusd.GetProperty("asset_class").GetString());
        Assert.Equal(30, eurusd.GetProperty("esma_max_leverage").GetInt32());
        Assert.Contains("\"point\": 1E-05", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symbols_WithConfig_ShowsOverriddenAndAddedSymbols()
    {
        using var cli = new CliRunner();
        var config = cli.File("config.json");
        await File.WriteAllTextAsync(config, """{ "symbols": [ { "name": "EURUSD.m", "based_on": "EURUSD", "spread": 4 } ] }""", TestContext.Current.CancellationToken);

        var result = await cli.RunAsync("symbols", "--config", config, "--filter", "EURUSD.m");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Lines, l => l.StartsWith("EURUSD.m", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Symbols_BadConfig_ExitsWithTwoAndNamesTheField()
    {
        using var cli = new CliRunner();
        var config = cli.File("config.json");
        await File.WriteAllTextAsync(config, """{ "symbols": [ { "name": "EURUSD", "digitz": 4 } ] }""", TestContext.Current.CancellationToken);

        var result = await cli.RunAsync("symbols", "--config", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("digitz", result.Error, StringComparison.Ordinal);
    }
}
