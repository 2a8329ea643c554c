namespace MtMcp.Paper;

/// <summary>One tick of a market feed.</summary>
/// <param name="Position">
/// The tick's place in the feed, increasing by at least one per tick. A replay numbers its ticks from 1, so a
/// restarted replay resumes after the position its accounts last committed.
/// </param>
/// <param name="Symbol">Symbol name.</param>
/// <param name="Tick">Bid, ask and time.</param>
public readonly record struct FeedTick(long Position, string Symbol, Tick Tick);
