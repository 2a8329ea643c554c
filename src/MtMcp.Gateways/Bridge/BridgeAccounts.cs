using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace MtMcp.Gateways.Bridge;

/// <summary>
/// The bridged accounts by name: one <see cref="BridgeBrokerGateway"/> per account key, created when its terminal first
/// connects and kept across reconnects (the new session is attached to the same gateway, so idempotency state and
/// subscriptions survive). Names are <c>mt5-&lt;login&gt;</c> (<c>mt4-…</c>), with the server appended when two servers
/// share a login.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class BridgeAccounts : IAsyncDisposable
{
    private readonly BridgeSessions _sessions;
    private readonly BridgeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<BridgeAccountKey, BridgeBrokerGateway> _byKey = new();
    private readonly ConcurrentDictionary<string, BridgeBrokerGateway> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();

    /// <summary>Follows <paramref name="sessions"/>: every connected account gets a gateway.</summary>
    public BridgeAccounts(BridgeSessions sessions, BridgeOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        _sessions = sessions;
        _options = options;
        _time = time;
        _logger = logger;
        sessions.SessionAdded += OnSessionAdded;
        foreach (var session in sessions.All)
        {
            OnSessionAdded(session);
        }
    }

    /// <summary>Every bridged account seen since start, connected or not, by name.</summary>
    public IReadOnlyList<BridgeBrokerGateway> All
    {
        get
        {
            var all = _byKey.Values.ToList();
            all.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return all;
        }
    }

    /// <summary>The account named <paramref name="name"/> (case-insensitive).</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out BridgeBrokerGateway? gateway) => _byName.TryGetValue(name, out gateway);

    /// <summary>The account of <paramref name="key"/>, once its terminal has connected.</summary>
    public bool TryGet(BridgeAccountKey key, [NotNullWhen(true)] out BridgeBrokerGateway? gateway) => _byKey.TryGetValue(key, out gateway);

    /// <summary>Stops following the sessions and the gateways' event loops.</summary>
    public async ValueTask DisposeAsync()
    {
        _sessions.SessionAdded -= OnSessionAdded;
        foreach (var gateway in _byKey.Values)
        {
            await gateway.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void OnSessionAdded(BridgeSession session)
    {
        lock (_gate)
        {
            if (_byKey.TryGetValue(session.Key, out var existing))
            {
                existing.Attach(session);
                return;
            }

            var name = session.Key.Platform.ToLowerInvariant() + "-" + session.Key.Login.ToString(CultureInfo.InvariantCulture);
            if (_byName.ContainsKey(name))
            {
                name += "-" + session.Key.Server.ToLowerInvariant();
            }

            var gateway = new BridgeBrokerGateway(name, session, _sessions, _options, _time, _logger);
            _byKey[session.Key] = gateway;
            _byName[name] = gateway;
        }
    }
}
