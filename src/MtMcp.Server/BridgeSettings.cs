using System.Net;
using MtMcp.Gateways.Bridge;

namespace MtMcp.Server;

/// <summary>
/// The MetaTrader bridge listener (<c>bridge.*</c> in the configuration, <c>--bridge-listen</c>, <c>MTMCP_BRIDGE_TOKEN</c>).
/// Present only when a token is configured: the listener runs whenever it is.
/// </summary>
/// <param name="Listen">Address and port (<c>bridge.listen</c>, default <c>127.0.0.1:5757</c>); a non-loopback address needs TLS.</param>
/// <param name="Token">The shared secret every EA's hello must carry. Never logged.</param>
public sealed record BridgeSettings(string Listen, string Token)
{
    /// <summary>TLS certificate file (<c>bridge.tls.certificate</c>: PKCS#12 <c>.pfx</c>/<c>.p12</c>, or PEM with the key); null = plain TCP.</summary>
    public string? CertificatePath { get; init; }

    /// <summary>Password of a PKCS#12 certificate file (<c>bridge.tls.password</c>); never logged.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>The listen address as an end point.</summary>
    /// <exception cref="InvalidOperationException">Not host:port, or not loopback while no TLS certificate is configured.</exception>
    public IPEndPoint EndPoint()
    {
        IPEndPoint endPoint;
        try
        {
            endPoint = BridgeOptions.ParseListen(Listen);
        }
        catch (FormatException error)
        {
            throw new InvalidOperationException(error.Message, error);
        }

        if (!IPAddress.IsLoopback(endPoint.Address) && CertificatePath is null)
        {
            throw new InvalidOperationException(
                $"bridge.listen {Listen} is not a loopback address: remote terminals must connect over TLS (set bridge.tls.certificate) or an SSH tunnel to 127.0.0.1.");
        }

        return endPoint;
    }

    /// <summary>Checks the settings without binding anything.</summary>
    /// <exception cref="InvalidOperationException">See <see cref="EndPoint"/>; or the certificate file does not exist.</exception>
    public void Validate()
    {
        EndPoint();
        if (CertificatePath is not null && !File.Exists(CertificatePath))
        {
            throw new InvalidOperationException($"bridge.tls.certificate: the file {CertificatePath} does not exist.");
        }
    }

    /// <summary>The redacted form for logs and errors.</summary>
    public override string ToString() => $"BridgeSettings {{ Listen = {Listen}, Token = ***, Tls = {CertificatePath is not null} }}";
}
