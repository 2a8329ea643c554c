using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MtMcp.Gateways.Bridge;

namespace MtMcp.Server.Market;

/// <summary>
/// Runs the MetaTrader bridge listener while the server runs, when <see cref="ServerSettings.Bridge"/> is configured:
/// terminals connect to it and each account appears in <see cref="Accounts"/>. Trading is enabled on bridged accounts
/// in live mode only, and on REAL accounts only with <c>trading.live.real_accounts</c>.
/// </summary>
internal sealed class BridgeHost(ServerSettings settings, TimeProvider time, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private BridgeListener? _listener;
    private X509Certificate2? _certificate;

    /// <summary>The bridged accounts; null while the listener is not running (no bridge configured).</summary>
    public BridgeAccounts? Accounts { get; private set; }

    /// <summary>The bound address (the real port when 0 was configured); null while not running.</summary>
    public IPEndPoint? LocalEndPoint => _listener?.LocalEndPoint;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Bridge is not { } bridge)
        {
            return Task.CompletedTask;
        }

        _certificate = bridge.CertificatePath is { } path ? LoadCertificate(path, bridge.CertificatePassword) : null;
        var options = new BridgeOptions
        {
            Listen = bridge.EndPoint(),
            Token = bridge.Token,
            Certificate = _certificate,
            TradingEnabled = settings.Mode == ServerMode.Live,
            LiveTradingEnabled = settings.RealAccountsEnabled,
        };
        _listener = new BridgeListener(options, time, loggers.CreateLogger<BridgeListener>());
        _listener.Start();
        Accounts = new BridgeAccounts(_listener.Sessions, options, time, loggers.CreateLogger<BridgeAccounts>());
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (Accounts is { } accounts)
        {
            Accounts = null;
            await accounts.DisposeAsync().ConfigureAwait(false);
        }

        if (_listener is { } listener)
        {
            _listener = null;
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        _certificate?.Dispose();
    }

    /// <summary>Loads a PKCS#12 file (<c>.pfx</c>, <c>.p12</c>) or a PEM file holding the certificate and its key.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be read as a certificate with a private key.</exception>
    internal static X509Certificate2 LoadCertificate(string path, string? password)
    {
        try
        {
            var extension = Path.GetExtension(path);
            var certificate = extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase)
                ? X509CertificateLoader.LoadPkcs12FromFile(path, password)
                : X509Certificate2.CreateFromPemFile(path);
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                throw new InvalidOperationException($"bridge.tls.certificate {path} has no private key; TLS needs the certificate with its key.");
            }

            return certificate;
        }
        catch (System.Security.Cryptography.CryptographicException error)
        {
            throw new InvalidOperationException($"bridge.tls.certificate {path} cannot be read as a certificate with its key: {error.Message}", error);
        }
    }
}
