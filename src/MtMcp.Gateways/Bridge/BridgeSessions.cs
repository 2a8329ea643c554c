using System.Collections.Concurrent;

namespace MtMcp.Gateways.Bridge;

/// <summary>The connected terminal accounts, one session per <see cref="BridgeAccountKey"/>.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class BridgeSessions
{
    private readonly ConcurrentDictionary<BridgeAccountKey, BridgeSession> _sessions = new();
    private readonly ConcurrentDictionary<BridgeAccountKey, string[]> _tickSubscriptions = new();
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised after a session is registered (a new account or a reconnect), outside any lock.</summary>
    public event Action<BridgeSession>? SessionAdded;

    /// <summary>The sessions connected now.</summary>
    public IReadOnlyCollection<BridgeSession> All => [.. _sessions.Values];

    /// <summary>The session of <paramref name="key"/>, if connected.</summary>
    public bool TryGet(BridgeAccountKey key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BridgeSession? session) =>
        _sessions.TryGetValue(key, out session);

    /// <summary>Waits until a session of <paramref name="key"/> that is not <paramref name="except"/> is connected.</summary>
    public async Task<BridgeSession> WaitForAsync(BridgeAccountKey key, BridgeSession? except = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_sessions.TryGetValue(key, out var session) && session != except)
                {
                    return session;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Registers <paramref name="session"/>, returning the session of the same key it replaces.</summary>
    internal BridgeSession? Add(BridgeSession session)
    {
        BridgeSession? old = null;
        lock (_gate)
        {
            _sessions.AddOrUpdate(session.Key, session, (_, existing) =>
            {
                old = existing;
                return session;
            });
            Signal();
        }

        SessionAdded?.Invoke(session);
        return old;
    }

    /// <summary>
    /// The symbols whose ticks <paramref name="key"/> streams: sent in every <c>welcome</c>, so a reconnecting EA
    /// restores them before anything else.
    /// </summary>
    public IReadOnlyList<string> TickSubscriptions(BridgeAccountKey key) =>
        _tickSubscriptions.TryGetValue(key, out var symbols) ? symbols : [];

    /// <summary>Adds <paramref name="symbol"/> to the tick subscriptions of <paramref name="key"/>; false when it was there.</summary>
    public bool AddTickSubscription(BridgeAccountKey key, string symbol)
    {
        while (true)
        {
            var current = _tickSubscriptions.GetOrAdd(key, []);
            if (Array.IndexOf(current, symbol) >= 0)
            {
                return false;
            }

            if (_tickSubscriptions.TryUpdate(key, [.. current, symbol], current))
            {
                return true;
            }
        }
    }

    /// <summary>Removes <paramref name="session"/> unless a newer one already took its key.</summary>
    internal void Remove(BridgeSession session)
    {
        lock (_gate)
        {
            if (_sessions.TryRemove(new KeyValuePair<BridgeAccountKey, BridgeSession>(session.Key, session)))
            {
                Signal();
            }
        }
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }
}
