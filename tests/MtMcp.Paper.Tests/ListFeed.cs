using System.Runtime.CompilerServices;

namespace MtMcp.Paper.Tests;

/// <summary>A replay of a fixed list of ticks, numbered from 1.</summary>
internal sealed class ListFeed(string symbol, params (double Bid, double Ask)[] quotes) : IMarketFeed
{
    private readonly FeedTick[] _ticks = [.. quotes.Select((q, i) => new FeedTick(i + 1, symbol, new Tick(1_700_000_000_000 + (i * 1000L), q.Bid, q.Ask, 0, 0, TickFlags.Bid | TickFlags.Ask)))];

    public bool IsLive => false;

    public IReadOnlyList<string> Symbols { get; } = [symbol];

    public IReadOnlyList<FeedTick> Ticks => _ticks;

    public async IAsyncEnumerable<FeedTick> ReadAsync(long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var tick in _ticks.Where(t => t.Position > after))
        {
            await Task.Yield();
            yield return tick;
        }
    }

    public IReadOnlyList<FeedTick> QuotesAt(long position) => [.. _ticks.Where(t => t.Position <= position).TakeLast(1)];
}
