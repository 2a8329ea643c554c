using Microsoft.Extensions.Time.Testing;
using MtMcp.Data.Store;
using MtMcp.Testing;

namespace MtMcp.Paper.Tests;

public sealed class ReplayFeedTests : IDisposable
{
    private const long T0 = 1_700_000_000_000;
    private readonly TempDirectory _directory = new();
    private readonly MarketDataStore _store;

    public ReplayFeedTests()
    {
        _store = new MarketDataStore(_directory.File("market"));
        _store.WriteTicks("EURUSD", [Tick(T0, 1.1), Tick(T0 + 60_000, 1.2), Tick(T0 + 120_000, 1.3)]);
        _store.WriteTicks("GBPUSD", [Tick(T0, 1.5), Tick(T0 + 90_000, 1.6)]);
    }

    public void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task ReadAsync_MergesSymbolsInTimeOrder_TiesInTheGivenOrder_NumberedFromOne()
    {
        using var feed = new ReplayFeed(_store, ["EURUSD", "GBPUSD"], null, null, speed: 0, TimeProvider.System);

        var ticks = await ReadAll(feed, after: 0);

        Assert.Equal(5, feed.Count);
        Assert.Equal([1L, 2, 3, 4, 5], ticks.Select(t => t.Position));
        Assert.Equal(["EURUSD", "GBPUSD", "EURUSD", "GBPUSD", "EURUSD"], ticks.Select(t => t.Symbol));
        Assert.Equal([1.1, 1.5, 1.2, 1.6, 1.3], ticks.Select(t => t.Tick.Bid));
    }

    [Fact]
    public async Task ReadAsync_AfterAPosition_ResumesWithTheNextTick_AndQuotesAtGivesWhatWasSeen()
    {
        using var feed = new ReplayFeed(_store, ["EURUSD", "GBPUSD"], null, null, speed: 0, TimeProvider.System);

        var rest = await ReadAll(feed, after: 3);
        var seen = feed.QuotesAt(3);

        Assert.Equal([4L, 5], rest.Select(t => t.Position));
        Assert.Equal([(2L, "GBPUSD", 1.5), (3L, "EURUSD", 1.2)], seen.Select(t => (t.Position, t.Symbol, t.Tick.Bid)));
    }

    [Fact]
    public async Task ReadAsync_FromTo_ReplaysOnlyTheRange()
    {
        using var feed = new ReplayFeed(_store, ["EURUSD"], DateTimeOffset.FromUnixTimeMilliseconds(T0 + 1), DateTimeOffset.FromUnixTimeMilliseconds(T0 + 120_000), speed: 0, TimeProvider.System);

        Assert.Equal([1.2], (await ReadAll(feed, after: 0)).Select(t => t.Tick.Bid));
    }

    [Fact]
    public async Task ReadAsync_Speed60_DeliversAMinuteOfTicksPerSecondOfClock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(T0));
        using var feed = new ReplayFeed(_store, ["EURUSD"], null, null, speed: 60, time);
        await using var reader = feed.ReadAsync(0, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);

        Assert.True(await reader.MoveNextAsync());
        var second = reader.MoveNextAsync().AsTask();
        time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.False(second.IsCompleted, "the tick a minute later arrived before a second of clock passed");
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await second);
        Assert.Equal(1.2, reader.Current.Tick.Bid);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Constructor_BadSpeed_Throws(double speed)
    {
        var error = Assert.Throws<ArgumentException>(() => new ReplayFeed(_store, ["EURUSD"], null, null, speed, TimeProvider.System));
        Assert.Contains("speed", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Constructor_SymbolWithoutTicks_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReplayFeed(_store, ["USDJPY"], null, null, 0, TimeProvider.System));
        Assert.Contains("USDJPY", error.Message, StringComparison.Ordinal);
    }

    private static Tick Tick(long timeMs, double bid) => new(timeMs, bid, bid + 0.0001, 0, 0, TickFlags.Bid | TickFlags.Ask);

    private static async Task<List<FeedTick>> ReadAll(ReplayFeed feed, long after)
    {
        var ticks = new List<FeedTick>();
        await foreach (var tick in feed.ReadAsync(after, TestContext.Current.CancellationToken))
        {
            ticks.Add(tick);
        }

        return ticks;
    }
}
