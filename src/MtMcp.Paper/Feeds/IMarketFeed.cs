namespace MtMcp.Paper;

/// <summary>Where the paper venue's quotes come from: the live demo market or a replay of imported ticks.</summary>
public interface IMarketFeed
{
    /// <summary>Whether the feed follows the wall clock (live), so the accounts' clocks follow it between ticks too.</summary>
    bool IsLive { get; }

    /// <summary>The symbols the feed quotes.</summary>
    IReadOnlyList<string> Symbols { get; }

    /// <summary>
    /// The ticks after feed position <paramref name="after"/> (0 = from the beginning), paced as the feed is
    /// configured; a live feed ignores the position and starts now.
    /// </summary>
    IAsyncEnumerable<FeedTick> ReadAsync(long after, CancellationToken cancellationToken);

    /// <summary>
    /// The last tick of each symbol at or before <paramref name="position"/>: the quotes an account saw when it
    /// committed there, so a restarted replay continues from the same market. A live feed ignores the position and
    /// gives the latest quotes before now (a symbol whose market is shut keeps its last quote, as in MetaTrader).
    /// </summary>
    IReadOnlyList<FeedTick> QuotesAt(long position);
}
