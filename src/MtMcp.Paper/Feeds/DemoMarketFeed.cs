using DemoMarketModel = MtMcp.DemoMarket.DemoMarket;

namespace MtMcp.Paper;

/// <summary>The live demo market: ticks generated for the current time and delivered when the clock reaches them.</summary>
[Immutable]
public sealed class DemoMarketFeed : IMarketFeed
{
    // How far back the latest quotes are looked for: recent ticks first, then (for a shut market) the last bars.
    private static readonly TimeSpan s_recentTicks = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_shutMarketLookBack = TimeSpan.FromDays(4);

    private readonly DemoMarketModel _market;
    private readonly TimeProvider _time;

    /// <summary>Creates the feed over <paramref name="market"/> paced by <paramref name="time"/>.</summary>
    public DemoMarketFeed(DemoMarketModel market, TimeProvider time)
    {
        _market = market;
        _time = time;
        Symbols = [.. market.Options.Symbols.Select(s => s.Name)];
    }

    /// <inheritdoc/>
    public bool IsLive => true;

    /// <inheritdoc/>
    public IReadOnlyList<string> Symbols { get; }

    /// <inheritdoc/>
    public async IAsyncEnumerable<FeedTick> ReadAsync(long after, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Live positions count from the start time in milliseconds, so they only grow across restarts.
        var start = _time.GetUtcNow();
        var position = start.ToUnixTimeMilliseconds() * 1000;
        await foreach (var tick in _market.StreamAsync(start, _time, cancellationToken).ConfigureAwait(false))
        {
            yield return new FeedTick(++position, tick.Symbol, tick.Tick);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<FeedTick> QuotesAt(long position)
    {
        var now = _time.GetUtcNow();
        var latest = new Dictionary<string, FeedTick>(StringComparer.Ordinal);
        foreach (var tick in _market.GenerateTicks(Max(now - s_recentTicks, _market.Start), now))
        {
            latest[tick.Symbol] = new FeedTick(0, tick.Symbol, tick.Tick);
        }

        // A symbol without a recent tick (its market is shut) shows the close of its last minute bar.
        foreach (var spec in _market.Options.Symbols)
        {
            if (!latest.ContainsKey(spec.Name))
            {
                var bars = _market.GenerateM1(spec.Name, Max(now - s_shutMarketLookBack, _market.Start), now);
                if (bars.Length > 0)
                {
                    var last = bars[^1];
                    var close = new Tick(last.Time * 1000 + 59_999, last.Close, spec.NormalizePrice(last.Close + (last.Spread * spec.Point)), 0, 0, TickFlags.Bid | TickFlags.Ask);
                    latest[spec.Name] = new FeedTick(0, spec.Name, close);
                }
            }
        }

        return [.. latest.Values.OrderBy(t => t.Tick.TimeMs)];
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
