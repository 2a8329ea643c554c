using System.Collections.Concurrent;
using MtMcp.Domain;
using MtMcp.Engine;

namespace MtMcp.Server.Resources;

/// <summary>
/// Which broker accounts (bridge or MetaApi) changed since the resource publisher last looked: a listener on the gateway
/// of every broker account a subscriber watches marks it on each trade change (orders, deals, positions) and on each
/// quote the broker streams (its equity and floating profit may have moved). Thread-safe.
/// </summary>
internal sealed class BrokerActivity : IDisposable
{
    private readonly ConcurrentDictionary<IBrokerGateway, Listener> _listeners = new();

    /// <summary>Starts listening to <paramref name="gateway"/> (once per gateway).</summary>
    public void Watch(IBrokerGateway gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        if (_listeners.ContainsKey(gateway))
        {
            return;
        }

        var listener = new Listener();
        if (_listeners.TryAdd(gateway, listener))
        {
            listener.Registration = gateway.Listen(listener);
        }
    }

    /// <summary>What changed on each watched account since the last call, by account name; the marks are cleared.</summary>
    public Dictionary<string, BrokerChange> Take()
    {
        var changes = new Dictionary<string, BrokerChange>(StringComparer.OrdinalIgnoreCase);
        foreach (var (gateway, listener) in _listeners)
        {
            var traded = Interlocked.Exchange(ref listener.Traded, 0) != 0;
            var quoted = Interlocked.Exchange(ref listener.Quoted, 0) != 0;
            if (traded || quoted)
            {
                changes[gateway.Name] = new BrokerChange(traded, quoted);
            }
        }

        return changes;
    }

    public void Dispose()
    {
        foreach (var listener in _listeners.Values)
        {
            listener.Registration?.Dispose();
        }

        _listeners.Clear();
    }

    private sealed class Listener : IBrokerListener
    {
        public int Traded;
        public int Quoted;

        public IDisposable? Registration { get; set; }

        public void OnQuote(string symbol, in Tick tick) => Volatile.Write(ref Quoted, 1);

        public void OnTradeChange(BrokerTradeChange change) => Volatile.Write(ref Traded, 1);
    }
}

/// <summary>What changed on a broker account.</summary>
/// <param name="Traded">Orders, deals or positions changed.</param>
/// <param name="Quoted">The broker streamed a quote.</param>
internal readonly record struct BrokerChange(bool Traded, bool Quoted);
