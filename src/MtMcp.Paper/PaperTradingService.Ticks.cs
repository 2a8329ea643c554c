namespace MtMcp.Paper;

public sealed partial class PaperTradingService
{
    // Copy-on-write, so Process reads it without a lock or an allocation per tick.
    private volatile Action<FeedTick>[] _tickObservers = [];

    /// <summary>
    /// Calls <paramref name="observer"/> with every feed tick after <see cref="Process"/> committed it to every account,
    /// on the feed's thread and before the next tick is processed, so what the observer does (a strategy's orders) happens
    /// at that tick's quotes, as in a backtest. Dispose the result to stop.
    /// </summary>
    /// <remarks>
    /// The observer runs outside the service's lock (it may send orders); it must be quick, since the feed waits for it,
    /// and should not throw (an exception stops <see cref="RunAsync"/>).
    /// </remarks>
    public IDisposable ObserveTicks(Action<FeedTick> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_lock)
        {
            _tickObservers = [.. _tickObservers, observer];
        }

        return new TickObservation(this, observer);
    }

    private void NotifyTick(in FeedTick tick)
    {
        foreach (var observer in _tickObservers)
        {
            observer(tick);
        }
    }

    private sealed class TickObservation(PaperTradingService service, Action<FeedTick> observer) : IDisposable
    {
        public void Dispose()
        {
            lock (service._lock)
            {
                service._tickObservers = [.. service._tickObservers.Where(o => !ReferenceEquals(o, observer))];
            }
        }
    }
}
