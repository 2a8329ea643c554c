using System.Threading.Channels;

namespace MtMcp.Live;

/// <summary>
/// Drives one strategy on a broker account: the broker's quotes of its symbol are queued as they stream, and a thread
/// of its own takes them one by one through <c>step</c>, which may block on the broker (reads, sends) for as long as
/// the gateway's time-outs allow without holding up the broker's event loop or the thread pool.
/// </summary>
/// <remarks>
/// The queue keeps the newest <see cref="Capacity"/> quotes: a strategy slower than the market skips the oldest ones
/// (its bars lose some intra-bar highs and lows, never the latest price). The quotes are subscribed first (which waits
/// for the broker, so outside the service's lock) and queued until <see cref="Begin"/>. Dispose stops taking quotes; a
/// step in progress finishes.
/// </remarks>
[Mutable]
internal sealed class BrokerStrategyRun : IDisposable
{
    /// <summary>Quotes waiting at most.</summary>
    public const int Capacity = 4096;

    private readonly Channel<Tick> _quotes = Channel.CreateBounded<Tick>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true });

    private readonly IDisposable? _subscription;

    /// <summary>Subscribes to the quotes of <paramref name="symbol"/> on <paramref name="account"/> and queues them.</summary>
    /// <exception cref="GatewayUnavailableException">The broker cannot be reached to subscribe to the symbol.</exception>
    public BrokerStrategyRun(IStrategyAccount account, string symbol) =>
        _subscription = account.ListenQuotes(symbol, tick => _quotes.Writer.TryWrite(tick));

    /// <summary>Starts the thread that takes the queued quotes through <paramref name="step"/> for <paramref name="host"/>.</summary>
    public void Begin(StrategyHost host, Action<StrategyHost, Tick> step)
    {
        var thread = new Thread(() => Run(host, step)) { IsBackground = true, Name = "strategy " + host.Record.Id };
        thread.Start();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _quotes.Writer.TryComplete();
    }

    private void Run(StrategyHost host, Action<StrategyHost, Tick> step)
    {
        var reader = _quotes.Reader;

        // This thread exists to wait and to block on the broker: waiting synchronously here costs no pool thread.
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var tick))
            {
                step(host, tick);
            }
        }
    }
}
