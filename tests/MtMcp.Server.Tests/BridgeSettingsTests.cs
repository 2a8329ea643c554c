using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>The bridge's configuration keys and the live-mode checks that depend on them.</summary>
public sealed class BridgeSettingsTests
{
    [Fact]
    public void Validate_LiveWithABridge_Starts()
    {
        var settings = new ServerSettings { DataDirectory = ".", Mode = ServerMode.Live, LiveTradingEnabled = true, Bridge = new BridgeSettings("127.0.0.1:5757", "t") };
        settings.Validate();
        Assert.Equal(5757, settings.Bridge!.EndPoint().Port);
    }

    [Theory]
    [InlineData("0.0.0.0:5757", "TLS")]
    [InlineData("127.0.0.1", "host:port")]
    [InlineData("127.0.0.1:70000", "host:port")]
    public void Validate_BadOrRemoteAddressWithoutTls_RefusedWithTheReason(string listen, string expected)
    {
        var settings = new ServerSettings { DataDirectory = ".", Bridge = new BridgeSettings(listen, "t") };
        var error = Assert.Throws<InvalidOperationException>(settings.Validate);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BridgeSection_ListenTokenTlsAndRealAccounts()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "config.json");
        File.WriteAllText(path, """
            {
              "bridge": { "listen": "0.0.0.0:6000", "token": "s3cret", "tls": { "certificate": "certs/bridge.pfx", "password": "pw" } },
              "trading": { "live": { "enabled": true, "real_accounts": true } }
            }
            """);

        var config = ServerConfiguration.Read(path);

        Assert.Equal("0.0.0.0:6000", config.BridgeListen);
        Assert.Equal("s3cret", config.BridgeToken);
        Assert.Equal(Path.Combine(dir.Path, "certs", "bridge.pfx"), config.BridgeCertificate);
        Assert.Equal("pw", config.BridgeCertificatePassword);
        Assert.True(config.RealAccountsEnabled);
        Assert.True(config.LiveTradingEnabled);
    }

    [Theory]
    [InlineData("""{ "bridge": { "token": "" } }""", "bridge.token")]
    [InlineData("""{ "bridge": { "listen": 5757 } }""", "bridge.listen")]
    [InlineData("""{ "trading": { "live": { "real_accounts": "yes" } } }""", "trading.live.real_accounts")]
    public void Read_BadBridgeValues_NameTheKey(string json, string key)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "config.json");
        File.WriteAllText(path, json);
        var error = Assert.Throws<InvalidDataException>(() => ServerConfiguration.Read(path));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsTheToken()
    {
        var settings = new BridgeSettings("127.0.0.1:5757", "top-secret-token") { CertificatePassword = "pfx-password" };
        Assert.DoesNotContain("top-secret-token", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pfx-password", settings.ToString(), StringComparison.Ordinal);
    }
}
