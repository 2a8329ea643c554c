using MtMcp.MetaApi;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>The MetaApi configuration keys and the live-mode checks that depend on them.</summary>
public sealed class MetaApiSettingsTests
{
    private static MetaApiOptions Options(string accountId = "865d3a4d-3803-486d-bdf3-a85679d9fad2") =>
        new() { Token = "tok", AccountId = accountId };

    [Fact]
    public void Validate_LiveWithOnlyAMetaApiAccount_Starts()
    {
        var settings = new ServerSettings { DataDirectory = ".", Mode = ServerMode.Live, LiveTradingEnabled = true, MetaApi = Options() };
        settings.Validate();
        Assert.Null(settings.Bridge);
    }

    [Fact]
    public void Validate_LiveWithNoBrokerAtAll_NamesBothWaysToConfigureOne()
    {
        var settings = new ServerSettings { DataDirectory = ".", Mode = ServerMode.Live, LiveTradingEnabled = true };
        var error = Assert.Throws<InvalidOperationException>(settings.Validate);
        Assert.Contains("bridge.token", error.Message, StringComparison.Ordinal);
        Assert.Contains("metaapi.account_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AnAccountIdThatCannotBeInAUrl_Refused()
    {
        var settings = new ServerSettings { DataDirectory = ".", MetaApi = Options("../admin") };
        var error = Assert.Throws<InvalidOperationException>(settings.Validate);
        Assert.Contains("metaapi.account_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MetaApiSection_EveryKey_TokenNeverInToString()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "config.json");
        File.WriteAllText(path, """
            {
              "metaapi": {
                "account_id": "865d3a4d-3803-486d-bdf3-a85679d9fad2", "token": "tok-Secret-1", "name": "ic-markets",
                "base_url": "https://mt-client-api-v1.london.agiliumtrade.ai/", "quote_poll_ms": 500
              }
            }
            """);

        var config = ServerConfiguration.Read(path).MetaApi!;

        Assert.Equal("865d3a4d-3803-486d-bdf3-a85679d9fad2", config.AccountId);
        Assert.Equal("tok-Secret-1", config.Token);
        Assert.Equal("ic-markets", config.Name);
        Assert.Equal(new Uri("https://mt-client-api-v1.london.agiliumtrade.ai/"), config.BaseUrl);
        Assert.Equal(TimeSpan.FromMilliseconds(500), config.QuotePollInterval);
        Assert.DoesNotContain("tok-Secret-1", config.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoMetaApiSection_NoAccount()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "config.json");
        File.WriteAllText(path, """{ "metaapi": {} }""");
        Assert.Null(ServerConfiguration.Read(path).MetaApi);
    }

    [Theory]
    [InlineData("""{ "metaapi": { "token": "t" } }""", "metaapi.account_id")]
    [InlineData("""{ "metaapi": { "account_id": "" } }""", "metaapi.account_id")]
    [InlineData("""{ "metaapi": { "account_id": "a", "base_url": "not a url" } }""", "metaapi.base_url")]
    [InlineData("""{ "metaapi": { "account_id": "a", "quote_poll_ms": 5 } }""", "metaapi.quote_poll_ms")]
    [InlineData("""{ "metaapi": "a" }""", "metaapi")]
    public void Read_BadMetaApiValues_NameTheKey(string json, string key)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "config.json");
        File.WriteAllText(path, json);
        var error = Assert.Throws<InvalidDataException>(() => ServerConfiguration.Read(path));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
