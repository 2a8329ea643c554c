using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>Modes, toolsets and the configuration file.</summary>
public sealed class ServerSettingsTests
{
    [Fact]
    public void Validate_LiveWithoutConfiguration_RefusesAndNamesTheSetting()
    {
        var settings = new ServerSettings { DataDirectory = ".", Mode = ServerMode.Live };
        var error = Assert.Throws<InvalidOperationException>(settings.Validate);
        Assert.Contains("trading.live.enabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LiveEnabledButNoGateway_Refuses()
    {
        var settings = new ServerSettings { DataDirectory = ".", Mode = ServerMode.Live, LiveTradingEnabled = true };
        var error = Assert.Throws<InvalidOperationException>(settings.Validate);
        Assert.Contains("gateway", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("market", new[] { "market" })]
    [InlineData("Analysis,market,analysis", new[] { "market", "analysis" })]
    [InlineData("all", new[] { "market", "account", "trading", "analysis", "risk", "strategy", "reports", "alerts" })]
    public void ParseToolsets_ValidLists_KeepTheCanonicalOrder(string list, string[] expected) =>
        Assert.Equal(expected, Toolsets.Parse(list));

    [Theory]
    [InlineData("")]
    [InlineData(" , ")]
    [InlineData("market,charts")]
    public void ParseToolsets_BadLists_NameTheKnownToolsets(string list)
    {
        var error = Assert.Throws<ArgumentException>(() => Toolsets.Parse(list));
        Assert.Contains("market, account, trading", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("read_only", ServerMode.ReadOnly)]
    [InlineData("Paper", ServerMode.Paper)]
    [InlineData("live", ServerMode.Live)]
    public void ParseMode_Names_AreRecognised(string text, ServerMode mode) => Assert.Equal(mode, ServerConfiguration.ParseMode(text));

    [Fact]
    public void Read_ServerAndTradingSections_AreApplied()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("c.json"), """
            {
              // comments and trailing commas are fine
              "symbols": [ { "name": "EURUSD", "spread": 6 } ],
              "server": { "mode": "read_only", "toolsets": ["market", "analysis"], "allowed_origins": ["https://a.example"], },
              "trading": { "live": { "enabled": true } },
            }
            """);
        var config = ServerConfiguration.Read(dir.File("c.json"));
        Assert.Equal(ServerMode.ReadOnly, config.Mode);
        Assert.Equal(["market", "analysis"], config.Toolsets);
        Assert.Equal(["https://a.example"], config.AllowedOrigins);
        Assert.True(config.LiveTradingEnabled);
    }

    [Fact]
    public void Read_StrategyAssemblies_ResolvedAgainstTheFilesFolderAndMustExist()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("plugins"));
        File.WriteAllBytes(dir.File(Path.Combine("plugins", "My.dll")), [0]);
        File.WriteAllText(dir.File("c.json"), """{ "strategies": { "assemblies": ["plugins/My.dll"] } }""");
        Assert.Equal([Path.GetFullPath(dir.File(Path.Combine("plugins", "My.dll")))], ServerConfiguration.Read(dir.File("c.json")).StrategyAssemblies);
        Assert.Empty(ServerConfiguration.Empty.StrategyAssemblies);

        File.WriteAllText(dir.File("c.json"), """{ "strategies": { "assemblies": ["plugins/Missing.dll"] } }""");
        var error = Assert.Throws<InvalidDataException>(() => ServerConfiguration.Read(dir.File("c.json")));
        Assert.Contains("strategies.assemblies[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("Missing.dll", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "server": { "mode": "yolo" } }""", "server.mode")]
    [InlineData("""{ "server": { "toolsets": 3 } }""", "server.toolsets")]
    [InlineData("""{ "trading": { "live": { "enabled": "yes" } } }""", "trading.live.enabled")]
    [InlineData("""[1, 2]""", "JSON object")]
    [InlineData("""{ "server": """, "not valid JSON")]
    [InlineData("""{ "strategies": { "assemblies": "My.dll" } }""", "strategies.assemblies")]
    [InlineData("""{ "strategies": [] }""", "strategies")]
    public void Read_BadValues_NameTheKey(string json, string expected)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("c.json"), json);
        var error = Assert.Throws<InvalidDataException>(() => ServerConfiguration.Read(dir.File("c.json")));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
