using System.Runtime.CompilerServices;
using MtMcp.Paper;

namespace MtMcp.Live.Tests;

/// <summary>A replay of EURUSD quotes 20 s apart (three per M1 bar) from 2024-01-01 10:00 UTC, numbered from 1.</summary>
internal sealed class MinuteFeed : IMarketFeed
{
    public const long StartMs = 1_704_103_200_000;

    private readonly FeedTick[] _ticks;

    public MinuteFeed(params double[] bids) =>
        _ticks = [.. bids.Select((b, i) => new FeedTick(i + 1, "EURUSD", new Tick(StartMs + (i * 20_000L), b, Math.Round(b + 0.0001, 5), 0, 0, TickFlags.Bid | TickFlags.Ask)))];

    public bool IsLive => false;

    public IReadOnlyList<string> Symbols { get; } = ["EURUSD"];

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

    /// <summary><paramref name="count"/> bids rising by a pip a tick from 1.1000, so every bar differs.</summary>
    public static double[] Rising(int count) => [.. Enumerable.Range(0, count).Select(i => Math.Round(1.1000 + (i * 0.0001), 5))];
}
