using System.Collections.Concurrent;

namespace MtMcp.Gateways.Bridge;

/// <summary>The connected terminal accounts, one session per <see cref="BridgeAccountKey"/>.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class BridgeSessions
{
    private readonly ConcurrentDictionary<BridgeAccountKey, BridgeSession> _sessions = new();
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

        return old;
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
