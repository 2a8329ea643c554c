using MtMcp.Domain;
using MtMcp.Server.Alerts;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>The alert book: crossing rules tick by tick, once/repeat with cooldown, deletion and persistence across a restart.</summary>
public sealed class AlertBookTests
{
    private const long T0 = 1_772_634_600_000; // 2026-03-04T14:30:00Z in ms

    private static AlertBook Open(TempDirectory directory) => new(directory.Path, 2, s => s switch { "EURUSD" => 0, "XAUUSD" => 1, _ => -1 });

    private static AlertRecord Price(string direction, double level, string mode = AlertModes.Once, int cooldown = 0, string side = AlertSides.Bid) =>
        new(string.Empty, "EURUSD", AlertTypes.Price, direction, side, level, null, null, mode, cooldown, null, null, "2026-03-04T14:30:00Z", true, 0, null, []);

    private static Tick At(long seconds, double bid) => new(T0 + (seconds * 1000), bid, bid + 0.0002, 0, 0, TickFlags.Bid | TickFlags.Ask);

    private static List<AlertFired> Drain(AlertBook book)
    {
        var fired = new List<AlertFired>();
        while (book.Fired.TryRead(out var f))
        {
            fired.Add(f);
        }

        return fired;
    }

    [Fact]
    public void OnTick_CrossingAbove_FiresOnceOnTheCrossingTickOnly()
    {
        using var directory = new TempDirectory();
        var book = Open(directory);
        var alert = book.Add(Price(AlertDirections.Above, 1.1000), reference: 1.0990);
        double[] bids = [1.0995, 1.0999, 1.1000, 1.1005, 1.0990, 1.1010];
        var firedAt = new List<int>();
        for (var i = 0; i < bids.Length; i++)
        {
            book.OnTick(0, At(i, bids[i]));
            if (Drain(book) is [var f])
            {
                Assert.Equal(alert.Id, f.Id);
                Assert.Equal(T0 + (i * 1000), f.TimeMs);
                Assert.Equal(bids[i], f.Value);
                firedAt.Add(i);
            }
        }

        Assert.Equal([2], firedAt);
    }

    [Fact]
    public void OnTick_AlreadyAboveAtCreation_WaitsForACrossing()
    {
        using var directory = new TempDirectory();
        var book = Open(directory);
        book.Add(Price(AlertDirections.Above, 1.1000), reference: 1.1003);
        book.OnTick(0, At(0, 1.1004));
        Assert.Empty(Drain(book));
        book.OnTick(0, At(1, 1.0999));
        book.OnTick(0, At(2, 1.1001));
        Assert.Single(Drain(book));
    }

    [Fact]
    public void OnTick_BelowOnTheAsk_WatchesTheAskOnly()
    {
        using var directory = new TempDirectory();
        var book = Open(directory);
        book.Add(Price(AlertDirections.Below, 1.1000, side: AlertSides.Ask), reference: 1.1010);
        book.OnTick(0, At(0, 1.0999) with { Ask = 1.1001 }); // the bid crossed, the ask did not
        Assert.Empty(Drain(book));
        book.OnTick(0, At(1, 1.0997) with { Ask = 1.1000 });
        Assert.Equal(1.1000, Assert.Single(Drain(book)).Value);
    }

    [Fact]
    public void OnTick_OtherSymbol_DoesNotFire()
    {
        using var directory = new TempDirectory();
        var book = Open(directory);
        book.Add(Price(AlertDirections.Above, 1.1000), reference: 1.0990);
        book.OnTick(1, At(0, 2000));
        Assert.Empty(Drain(book));
    }

    [Fact]
    public void OnTick_RepeatWithCooldown_FiresAgainOnlyAfterTheCooldown()
    {
        using var directory = new TempDirectory();
        var book = Open(directory);
        book.Add(Price(AlertDirections.Above, 1.1000, AlertModes.Repeat, cooldown: 60), reference: 1.0990);
        (long Second, double Bid)[] ticks = [(0, 1.1001), (5, 1.0999), (10, 1.1002), (50, 1.0998), (70, 1.1003), (75, 1.1004)];
        var fired = new List<long>();
        foreach (var (second, bid) in ticks)
        {
            book.OnTick(0, At(second, bid));
            fired.AddRange(Drain(book).Select(f => (f.TimeMs - T0) / 1000));
        }

        Assert.Equal([0L, 70L], fired);
    }

    [Fact]
    public void Delete_ThenCrossing_NeverFires()
    {
        using var directory = new TempDirectory();
        var book = Open(directory);
        var alert = book.Add(Price(AlertDirections.Above, 1.1000), reference: 1.0990);
        Assert.True(book.Delete(alert.Id));
        Assert.False(book.Delete(alert.Id));
        book.OnTick(0, At(0, 1.1010));
        Assert.Empty(Drain(book));
        Assert.Empty(book.List());
    }

    [Fact]
    public void Record_DeletedWhileQueued_IsDropped()
    {
        using var directory = new TempDirectory();
        var book = Open(directory);
        var alert = book.Add(Price(AlertDirections.Above, 1.1000), reference: 1.0990);
        book.OnTick(0, At(0, 1.1010));
        var fired = Assert.Single(Drain(book));
        book.Delete(alert.Id);
        Assert.Null(book.Record(fired, "late"));
    }

    [Fact]
    public void Restart_KeepsAlertsFiringsAndIds()
    {
        using var directory = new TempDirectory();
        var book = Open(directory);
        var once = book.Add(Price(AlertDirections.Above, 1.1000), reference: 1.0990);
        var repeat = book.Add(Price(AlertDirections.Below, 1.0900, AlertModes.Repeat, cooldown: 10), reference: 1.0990);
        book.OnTick(0, At(0, 1.1010));
        var recorded = book.Record(Assert.Single(Drain(book)), "crossed");
        Assert.NotNull(recorded);
        Assert.False(recorded.Active);

        var reopened = Open(directory);
        var alerts = reopened.List();
        Assert.Equal([once.Id, repeat.Id], alerts.Select(a => a.Id));
        var first = alerts[0];
        Assert.Equal((1, "2026-03-04T14:30:00.000Z", 1.1010, false), (first.FireCount, first.Firings[0].Time, first.Firings[0].Value, first.Active));
        Assert.Equal(alerts[1] with { Firings = [] }, repeat with { Firings = [] });

        // The ended alert does not watch; the repeat alert does, from its first tick after the restart.
        reopened.OnTick(0, At(1, 1.0950));
        reopened.OnTick(0, At(2, 1.0890));
        Assert.Equal(repeat.Id, Assert.Single(Drain(reopened)).Id);
        Assert.Equal("a3", reopened.Add(Price(AlertDirections.Above, 1.2), 1.1).Id);
    }

    [Fact]
    public void OnTick_NoFiring_AllocatesNothing()
    {
        using var directory = new TempDirectory();
        var book = Open(directory);
        for (var k = 0; k < 20; k++)
        {
            book.Add(Price(k % 2 == 0 ? AlertDirections.Above : AlertDirections.Below, k % 2 == 0 ? 1.2 + (k * 0.001) : 1.0 - (k * 0.001)), reference: 1.1);
        }

        var tick = At(0, 1.1);
        book.OnTick(0, tick);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100_000; i++)
        {
            book.OnTick(0, tick);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
