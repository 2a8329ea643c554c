using System.Globalization;
using System.Net;

namespace MtMcp.Gateways.Bridge;

/// <summary>
/// Settings of the MetaTrader bridge listener (configuration keys <c>bridge.listen</c> and <c>bridge.token</c>, or
/// the environment variable <c>MTMCP_BRIDGE_TOKEN</c>). The listener runs only when a token is configured.
/// </summary>
public sealed record BridgeOptions
{
    /// <summary>The default listen address: loopback only.</summary>
    public const string DefaultListen = "127.0.0.1:5757";

    /// <summary>The environment variable that supplies the token when configuration does not.</summary>
    public const string TokenEnvironmentVariable = "MTMCP_BRIDGE_TOKEN";

    /// <summary>The only protocol version this server speaks.</summary>
    public const int ProtocolVersion = 1;

    /// <summary>Address and port to listen on (<c>bridge.listen</c>); loopback by default.</summary>
    public IPEndPoint Listen { get; init; } = ParseListen(DefaultListen);

    /// <summary>
    /// The server certificate for TLS (with its private key); null = plain TCP. Off loopback the link must be TLS or an
    /// SSH tunnel: the token travels in the <c>hello</c>.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; init; }

    /// <summary>The shared secret every EA's <c>hello</c> must carry. Never logged.</summary>
    public required string Token { get; init; }

    /// <summary>Send a <c>ping</c> after this long without sending anything.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Close a link that sent nothing for this long (3 missed heartbeats).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Close a socket that has not sent a valid <c>hello</c> this long after connecting.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Deadline of ordinary requests.</summary>
    public TimeSpan DefaultDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Deadline of history and tick requests (the terminal may first download from the broker).</summary>
    public TimeSpan LongDeadline { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest accepted line in bytes, terminator excluded; the EA may announce a smaller one.</summary>
    public int MaxLineBytes { get; init; } = 1 << 20;

    /// <summary>Requests in flight per link; more wait for a slot (the EA runs them one at a time).</summary>
    public int MaxInflight { get; init; } = 4;

    /// <summary>Events buffered per link before reading from the socket pauses (back-pressure, nothing dropped).</summary>
    public int EventBufferCapacity { get; init; } = 10_000;

    /// <summary>Whether bridged accounts may trade at all (the <c>welcome</c>'s <c>trading_enabled</c>).</summary>
    public bool TradingEnabled { get; init; }

    /// <summary>
    /// Whether REAL accounts (trade mode 2, or a mode name this server does not know) may trade too: the second,
    /// explicit switch for live money. Without it only DEMO and CONTEST accounts trade when <see cref="TradingEnabled"/> is on.
    /// </summary>
    public bool LiveTradingEnabled { get; init; }

    /// <summary>
    /// How long reconciliation of an uncertain trade waits for the terminal to be connected and answer before the
    /// outcome stays uncertain (the next send of the same client order id reconciles again, it never re-sends).
    /// </summary>
    public TimeSpan ReconcileTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When reconciliation finds nothing for a tag it reads again after this pause (a terminal may list a deal a moment
    /// after executing it) before concluding the request was not executed.
    /// </summary>
    public TimeSpan ReconcileGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether an account of <paramref name="mode"/> may trade under these settings.</summary>
    public bool AllowsTrading(AccountTradeMode mode) =>
        TradingEnabled && (mode != AccountTradeMode.Real || LiveTradingEnabled);

    /// <summary>
    /// Parses <c>bridge.listen</c>: <c>host:port</c> with an IPv4 address, <c>[IPv6]:port</c>, or
    /// <c>localhost:port</c>.
    /// </summary>
    /// <exception cref="FormatException">The text is not one of those forms or the port is not 0–65535 (0: any free port).</exception>
    public static IPEndPoint ParseListen(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon > 0 && text[..colon].Equals("localhost", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var localPort)
            && localPort is > 0 and <= IPEndPoint.MaxPort)
        {
            return new IPEndPoint(IPAddress.Loopback, localPort);
        }

        // Port 0 binds any free port (tests and embedded hosts read the real one back).
        // An IPv6 address needs brackets, or "::1" would read as port 0 of "::".
        if (colon > 0 && IPEndPoint.TryParse(text, out var endPoint)
            && (endPoint.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || text.StartsWith('[')))
        {
            return endPoint;
        }

        throw new FormatException(
            $"bridge.listen '{text}' is not an address and port; use host:port such as {DefaultListen}, [::1]:5757 or 0.0.0.0:5757 (port 0-65535, 0 for any free port).");
    }

    /// <summary>
    /// The token to use: the configured <c>bridge.token</c> if set, else the value of
    /// <see cref="TokenEnvironmentVariable"/>; null (listener off) when neither is set or both are blank.
    /// </summary>
    public static string? ResolveToken(string? configured, string? environment) =>
        !string.IsNullOrWhiteSpace(configured) ? configured
        : !string.IsNullOrWhiteSpace(environment) ? environment
        : null;
}
