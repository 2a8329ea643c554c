using System.Runtime.CompilerServices;
using MtMcp.Data.Store;

namespace MtMcp.Paper;

/// <summary>
/// A replay of imported ticks from the market-data store: several symbols merged in time order (ties in the
/// order the symbols were given), as fast as possible or paced at a multiple of real time.
/// </summary>
/// <remarks>Holds the stored series open until disposed. Not thread-safe: one reader at a time.</remarks>
[Mutable]
public sealed class ReplayFeed : IMarketFeed, IDisposable
{
    private readonly TickSeries[] _series;
    private readonly int[] _first;
    private readonly int[] _end;
    private readonly double _speed;
    private readonly TimeProvider _time;

    /// <summary>Opens the replay.</summary>
    /// <param name="store">The store holding the ticks (imported with <c>mtmcp data import</c>).</param>
    /// <param name="symbols">Symbols to replay; each must have stored ticks.</param>
    /// <param name="from">First time replayed (inclusive); null = the start of the data.</param>
    /// <param name="to">End of the replay (exclusive); null = the end of the data.</param>
    /// <param name="speed">Multiple of real time (1 = real time, 60 = a minute per second); 0 = as fast as possible.</param>
    /// <param name="time">The clock that paces the replay.</param>
    /// <exception cref="ArgumentException">No symbols, a symbol without stored ticks, or a negative or non-finite speed.</exception>
    public ReplayFeed(MarketDataStore store, IReadOnlyList<string> symbols, DateTimeOffset? from, DateTimeOffset? to, double speed, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count == 0)
        {
            throw new ArgumentException("A replay needs at least one symbol.", nameof(symbols));
        }

        if (!double.IsFinite(speed) || speed < 0)
        {
            throw new ArgumentException($"Replay speed {speed} is not allowed: use 0 (as fast as possible) or a positive multiple of real time.", nameof(speed));
        }

        foreach (var symbol in symbols)
        {
            if (!store.TicksExist(symbol))
            {
                throw new ArgumentException($"No stored ticks for {symbol}: import them first (mtmcp data import).", nameof(symbols));
            }
        }

        _speed = speed;
        _time = time;
        Symbols = [.. symbols];
        _series = [.. symbols.Select(store.OpenTicks)];
        var fromMs = from?.ToUnixTimeMilliseconds() ?? long.MinValue;
        var toMs = to?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        _first = [.. _series.Select(s => s.LowerBound(fromMs))];
        _end = [.. _series.Select(s => s.LowerBound(toMs))];
    }

    /// <inheritdoc/>
    public bool IsLive => false;

    /// <inheritdoc/>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>How many ticks the replay holds in all.</summary>
    public long Count
    {
        get
        {
            long count = 0;
            for (var s = 0; s < _series.Length; s++)
            {
                count += _end[s] - _first[s];
            }

            return count;
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<FeedTick> ReadAsync(long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = (int[])_first.Clone();
        long position = 0;
        long firstTimeMs = 0;
        var startTimestamp = 0L;
        while (NextSymbol(next) is var s and >= 0)
        {
            var tick = _series[s][next[s]++];
            if (++position <= after)
            {
                continue;
            }

            if (_speed > 0)
            {
                if (startTimestamp == 0)
                {
                    firstTimeMs = tick.TimeMs;
                    startTimestamp = _time.GetTimestamp();
                }

                var due = TimeSpan.FromMilliseconds((tick.TimeMs - firstTimeMs) / _speed);
                var wait = due - _time.GetElapsedTime(startTimestamp);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            yield return new FeedTick(position, Symbols[s], tick);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<FeedTick> QuotesAt(long position)
    {
        var next = (int[])_first.Clone();
        var latest = new FeedTick?[_series.Length];
        for (long p = 1; p <= position && NextSymbol(next) is var s and >= 0; p++)
        {
            latest[s] = new FeedTick(p, Symbols[s], _series[s][next[s]++]);
        }

        return [.. latest.Where(t => t is not null).Select(t => t!.Value).OrderBy(t => t.Position)];
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var series in _series)
        {
            series.Dispose();
        }
    }

    // The symbol whose next tick comes first (ties to the earlier symbol), or -1 at the end.
    private int NextSymbol(int[] next)
    {
        var best = -1;
        var bestTime = long.MaxValue;
        for (var s = 0; s < _series.Length; s++)
        {
            if (next[s] < _end[s])
            {
                var time = _series[s].Time[next[s]];
                if (time < bestTime)
                {
                    best = s;
                    bestTime = time;
                }
            }
        }

        return best;
    }
}
