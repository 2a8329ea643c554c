using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MtMcp.Testing.Bridge;

namespace MtMcp.Gateways.Tests;

/// <summary>The listener over TLS with a self-signed certificate made in the test.</summary>
public sealed class BridgeTlsTests
{
    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        // Round trip through PKCS#12 so the key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    [Fact]
    public async Task Tls_PinnedCertificate_HandshakeAndTradeWork()
    {
        using var certificate = SelfSigned();
        await using var bridge = new BridgeHarness(BridgeHarness.Default() with { Certificate = certificate });
        var terminal = new SimulatedTerminal(4001);
        terminal.Quote("EURUSD", 1.08510, 1.08512, BridgeHarness.T0);
        var ea = bridge.Start(terminal);
        ea.TlsHost = "localhost";
        var seen = "";
        ea.ValidateServerCertificate = (_, presented, _, _) =>
        {
            seen = presented?.GetCertHashString() ?? "";
            return seen == certificate.GetCertHashString();
        };

        await ea.StartAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var gateway = await bridge.GatewayAsync(BridgeHarness.Key(4001));
        var result = await gateway.SendAsync(
            new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 0.1m, ClientOrderId = "tls-1" },
            TradeOrigin.Local, TestContext.Current.CancellationToken);

        Assert.Equal(certificate.GetCertHashString(), seen);
        Assert.Equal(TradeOutcome.Filled, result.Outcome);
        Assert.Single(terminal.Positions);
    }

    [Fact]
    public async Task Tls_PlainTcpClient_NeverGetsASession()
    {
        using var certificate = SelfSigned();
        await using var bridge = new BridgeHarness(BridgeHarness.Default() with { Certificate = certificate, HelloTimeout = TimeSpan.FromSeconds(1) });
        var ea = bridge.Start(new SimulatedTerminal(4002));
        ea.AutoReconnect = false;

        await Assert.ThrowsAnyAsync<Exception>(() => ea.StartAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));

        Assert.False(bridge.Accounts.TryGet(BridgeHarness.Key(4002), out _));
        Assert.Equal(0, ea.Connections);
    }
}
