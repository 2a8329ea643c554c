using Microsoft.Extensions.Time.Testing;

namespace MtMcp.DemoMarket.Tests;

public sealed class StreamTests
{
    private static readonly TimeSpan s_grace = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task StreamAsync_FakeClock_DeliversTicksOnlyAsTimeAdvances()
    {
        var market = TestMarkets.Of("EURUSD", "GBPUSD", "EURGBP");
        var from = TestMarkets.Monday.AddDays(1).AddHours(14);
        var expected = market.GenerateTicks(from, from.AddMinutes(5)).ToList();
        var clock = new FakeTimeProvider(from);
        var token = TestContext.Current.CancellationToken;
        await using var stream = market.StreamAsync(from, clock, token).GetAsyncEnumerator(token);

        // Nothing before the first tick's time.
        var pending = stream.MoveNextAsync().AsTask();
        clock.SetUtcNow(expected[0].Tick.Time.AddMilliseconds(-1));
        Assert.False(await Completes(pending));

        // At its time the first tick arrives, and then every tick up to the clock, and nothing beyond it.
        var delivered = new List<SymbolTick>();
        clock.SetUtcNow(expected[0].Tick.Time);
        Assert.True(await Completes(pending));
        delivered.Add(stream.Current);
        clock.Advance(TimeSpan.FromSeconds(30));
        while (true)
        {
            pending = stream.MoveNextAsync().AsTask();
            if (!await Completes(pending))
            {
                break;
            }

            Assert.True(stream.Current.Tick.Time <= clock.GetUtcNow(), $"tick at {stream.Current.Tick.Time:O} delivered at {clock.GetUtcNow():O}");
            delivered.Add(stream.Current);
        }

        var due = expected.Count(t => t.Tick.Time <= clock.GetUtcNow());
        Assert.True(due > 30, $"{due} ticks due");
        Assert.Equal(expected.Take(due), delivered);

        // The pending move completes with the next tick once the clock reaches it.
        clock.SetUtcNow(expected[due].Tick.Time);
        Assert.True(await Completes(pending));
        Assert.Equal(expected[due], stream.Current);
    }

    [Fact]
    public async Task StreamAsync_Cancelled_StopsWaiting()
    {
        var market = TestMarkets.Of("EURUSD");
        var from = TestMarkets.Monday.AddHours(10);
        var clock = new FakeTimeProvider(from);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await using var stream = market.StreamAsync(from, clock, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var pending = stream.MoveNextAsync().AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    // Whether the task completes within a short real-time grace period (it can only complete through the fake clock).
    private static async Task<bool> Completes(Task<bool> move)
    {
        var finished = await Task.WhenAny(move, Task.Delay(s_grace, TestContext.Current.CancellationToken));
        if (finished != move)
        {
            return false;
        }

        Assert.True(await move);
        return true;
    }
}
