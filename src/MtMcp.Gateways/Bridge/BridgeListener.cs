using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MtMcp.Gateways.Bridge.Wire;

namespace MtMcp.Gateways.Bridge;

/// <summary>
/// The TCP listener EAs connect to: accepts sockets, runs the <c>hello</c>/<c>welcome</c> handshake (token compared
/// in constant time, protocol version, account identity) and registers one <see cref="BridgeSession"/> per account,
/// a new <c>hello</c> for the same account replacing the old session.
/// </summary>
public sealed class BridgeListener : IAsyncDisposable
{
    private readonly BridgeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly byte[] _tokenHash;
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private long _nextConnection;

    /// <summary>Creates the listener; <see cref="Start"/> binds it.</summary>
    /// <exception cref="ArgumentException">The token is empty.</exception>
    public BridgeListener(BridgeOptions options, TimeProvider time, ILogger<BridgeListener> logger)
    {
        if (string.IsNullOrEmpty(options.Token))
        {
            throw new ArgumentException("The bridge needs a token (bridge.token or MTMCP_BRIDGE_TOKEN).", nameof(options));
        }

        _options = options;
        _time = time;
        _logger = logger;
        _tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Token));
    }

    /// <summary>The connected accounts.</summary>
    public BridgeSessions Sessions { get; } = new();

    /// <summary>The bound address (with the real port when 0 was configured).</summary>
    /// <exception cref="InvalidOperationException">Not started.</exception>
    public IPEndPoint LocalEndPoint => (IPEndPoint?)_listener?.LocalEndpoint ?? throw new InvalidOperationException("The bridge listener is not started.");

    /// <summary>Binds the address and starts accepting EAs.</summary>
    /// <exception cref="SocketException">The address is in use or not available.</exception>
    public void Start()
    {
        _listener = new TcpListener(_options.Listen);
        _listener.Start();
        Log.Listening(_logger, _listener.LocalEndpoint);
        _acceptLoop = AcceptLoopAsync(_listener);
    }

    /// <summary>Stops listening and closes every session.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Stop();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        foreach (var session in Sessions.All)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var socket = await listener.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
                socket.NoDelay = true;
                _ = Task.Run(() => ServeAsync(socket));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException ex) when (_stopping.IsCancellationRequested)
        {
            _ = ex;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            Log.AcceptFailed(_logger, ex);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var remote = socket.RemoteEndPoint?.ToString() ?? "?";
#pragma warning disable CA2000 // Disposed on every failed path below; after the handshake the session owns it.
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        if (_options.Certificate is { } certificate)
        {
            var tls = new SslStream(stream, leaveInnerStreamOpen: false);
            try
            {
                // The TLS handshake counts against the hello deadline: a silent socket is closed just the same.
                using var deadline = new CancellationTokenSource(_options.HelloTimeout, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, _stopping.Token);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException or SocketException)
            {
                Log.HandshakeRejected(_logger, remote, BridgeErrorCodes.ProtocolError, "TLS handshake failed: " + ex.Message);
                await tls.DisposeAsync().ConfigureAwait(false);
                return;
            }

            stream = tls;
        }

        var connection = new BridgeConnection(stream, remote, _options.MaxLineBytes, _time);
#pragma warning restore CA2000
        BridgeSession session;
        try
        {
            session = await HandshakeAsync(connection).ConfigureAwait(false);
        }
        catch (BridgeException ex)
        {
            Log.HandshakeRejected(_logger, remote, ex.Code, ex.Message);
            await connection.CloseAsync(sendBye: true, ex.Code, ex.Message).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
        {
            Log.HandshakeRejected(_logger, remote, BridgeErrorCodes.ProtocolError, "no hello in time or the socket failed");
            await connection.DisposeAsync().ConfigureAwait(false);
            return;
        }

        var account = session.Key.ToRedactedString();
        var replaced = Sessions.Add(session);
        if (replaced is not null)
        {
            Log.SessionReplaced(_logger, replaced.ConnectionId, account, session.ConnectionId);
            await replaced.CloseAsync("replaced by a new hello for the same account", sendBye: true).ConfigureAwait(false);
        }

        Log.SessionOpened(_logger, session.ConnectionId, account, session.Info.EaVersion, session.Info.TerminalBuild, session.TradingEnabled);
        try
        {
            await session.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            Sessions.Remove(session);
        }
    }

    private async Task<BridgeSession> HandshakeAsync(BridgeConnection connection)
    {
        using var helloDeadline = new CancellationTokenSource(_options.HelloTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(helloDeadline.Token, _stopping.Token);
        var message = await connection.ReadAsync(linked.Token).ConfigureAwait(false)
            ?? throw new OperationCanceledException("The EA closed the connection before hello.");
        if (message.Type != BridgeMessageTypes.Hello)
        {
            throw new BridgeException(BridgeErrorCodes.ProtocolError, $"Expected 'hello' as the first message, got '{message.Type}'; nothing is accepted before welcome.");
        }

        WireHello hello;
        try
        {
            hello = message.Data.ValueKind == JsonValueKind.Object
                ? message.Data.Deserialize(BridgeJsonContext.Default.WireHello)!
                : throw new BridgeException(BridgeErrorCodes.ProtocolError, "hello has no data object.");
        }
        catch (JsonException ex)
        {
            throw new BridgeException(BridgeErrorCodes.ProtocolError, "hello data is malformed: " + ex.Message);
        }

        if (hello.Proto != BridgeOptions.ProtocolVersion)
        {
            throw new BridgeException(BridgeErrorCodes.UnsupportedVersion, string.Create(CultureInfo.InvariantCulture, $"This server speaks protocol {BridgeOptions.ProtocolVersion}; the EA sent proto {hello.Proto}."));
        }

        if (!TokenMatches(hello.Token))
        {
            throw new BridgeException(BridgeErrorCodes.Unauthorized, "The token does not match the server's bridge.token.");
        }

        var account = hello.Account;
        if (account is null || account.Login == 0 || string.IsNullOrWhiteSpace(account.Server) || hello.Platform is not ("MT5" or "MT4"))
        {
            throw new BridgeException(BridgeErrorCodes.ProtocolError, "hello must name the platform (MT5 or MT4) and the account's login and server.");
        }

        if (hello.Limits is { MaxLine: > 0 } limits)
        {
            connection.MaxLine = Math.Min(connection.MaxLine, limits.MaxLine);
        }

        var info = new BridgeSessionInfo
        {
            Key = new BridgeAccountKey(hello.Platform, account.Server, account.Login),
            Account = new AccountInfo
            {
                Login = account.Login,
                Server = account.Server,
                Company = account.Company,
                Currency = account.Currency,
                Leverage = account.Leverage,
                TradeMode = MqlNames.ParseTradeModeAsLiveUnlessDemo(account.TradeMode),
                MarginMode = MqlNames.AccountMarginMode.Parse(account.MarginMode, "margin_mode"),
            },
            EaVersion = hello.EaVersion,
            TerminalBuild = hello.TerminalBuild,
            Capabilities = hello.Caps,
            ServerTimeOffset = TimeSpan.FromSeconds(hello.ServerTimeOffsetS),
        };

        var connectionId = "c-" + Interlocked.Increment(ref _nextConnection).ToString("x4", CultureInfo.InvariantCulture);
        var session = new BridgeSession(connection, _options, _time, _logger, info, connectionId);
        var welcome = new WireWelcome
        {
            ConnId = connectionId,
            HeartbeatMs = (int)_options.HeartbeatInterval.TotalMilliseconds,
            IdleTimeoutMs = (int)_options.IdleTimeout.TotalMilliseconds,
            MaxInflight = _options.MaxInflight,
            MaxLine = connection.MaxLine,
            Subscriptions = new WireSubscriptions { Ticks = Sessions.TickSubscriptions(info.Key) },
            TradingEnabled = session.TradingEnabled,
        };
        connection.Send(BridgeWriter.Line(
            new BridgeHeader(BridgeMessageTypes.Welcome, _time.GetUtcNow().ToUnixTimeMilliseconds(), Re: message.Id), welcome, BridgeJsonContext.Default.WireWelcome));
        return session;
    }

    private bool TokenMatches(string? token)
    {
        // Hash first so the comparison takes the same time whatever the length of the guess.
        var candidate = SHA256.HashData(Encoding.UTF8.GetBytes(token ?? ""));
        return CryptographicOperations.FixedTimeEquals(candidate, _tokenHash);
    }
}
