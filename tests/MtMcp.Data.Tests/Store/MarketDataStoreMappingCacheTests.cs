using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MtMcp.Data.Store;
using MtMcp.Domain;
using MtMcp.Testing;
using static MtMcp.Data.Tests.Store.StoreSamples;

namespace MtMcp.Data.Tests.Store;

/// <summary>The store's shared memory maps: reuse, snapshots across appends and merges, eviction, dispose, concurrency.</summary>
public sealed class MarketDataStoreMappingCacheTests : IDisposable
{
    // Bytes per bar over the eight columns: seven 8-byte values and the 4-byte spread.
    private const int BarBytes = (7 * sizeof(long)) + sizeof(int);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string SeriesDirectory => Path.Combine(_temp.Path, "bars", "EURUSD", "M1");

    [Fact]
    public void OpenBars_TwiceWhileOpen_SharesOneMapping()
    {
        using var store = new MarketDataStore(_temp.Path);
        var bars = Bars(BaseTime, 1000);
        store.WriteBars("EURUSD", Timeframe.M1, bars);

        using var first = store.OpenBars("EURUSD", Timeframe.M1);
        using var second = store.OpenBars("eurusd", Timeframe.M1);

        Assert.Equal(1, store.Mappings.MappingsCreated);
        Assert.Equal(1, store.Mappings.LiveMappings);
        Assert.True(Unsafe.AreSame(in MemoryMarshal.GetReference(first.Close), in MemoryMarshal.GetReference(second.Close)));
        AssertContent(bars, first);
        AssertContent(bars, second);
    }

    [Fact]
    public void OpenBars_AfterLastSeriesClosed_ReusesTheIdleMapping()
    {
        using var store = new MarketDataStore(_temp.Path);
        var bars = Bars(BaseTime, 1000);
        store.WriteBars("EURUSD", Timeframe.M1, bars);

        store.OpenBars("EURUSD", Timeframe.M1).Dispose();
        Assert.Equal(1, store.Mappings.IdleMappings);
        using var again = store.OpenBars("EURUSD", Timeframe.M1);

        Assert.Equal(1, store.Mappings.MappingsCreated);
        Assert.Equal(0, store.Mappings.IdleMappings);
        AssertContent(bars, again);
    }

    [Fact]
    public void OpenBars_AfterAppendInPlace_MapsAnewWhileTheEarlierSnapshotKeepsItsRows()
    {
        using var store = new MarketDataStore(_temp.Path);
        var original = Bars(BaseTime, 1000);
        var appended = Bars(BaseTime + (1000 * 60), 100);
        store.WriteBars("EURUSD", Timeframe.M1, original);
        var before = store.OpenBars("EURUSD", Timeframe.M1);

        Assert.Equal(new WriteResult(100, 0, 0), store.WriteBars("EURUSD", Timeframe.M1, appended));
        using var after = store.OpenBars("EURUSD", Timeframe.M1);

        Assert.Equal(["g1"], Generations(SeriesDirectory));
        Assert.Equal(2, store.Mappings.MappingsCreated);
        AssertContent(original, before);
        AssertContent([.. original, .. appended], after);

        // The shorter mapping serves no new open: it goes with its last holder, and later opens share the longer one.
        before.Dispose();
        Assert.Equal(1, store.Mappings.LiveMappings);
        using var third = store.OpenBars("EURUSD", Timeframe.M1);
        Assert.Equal(2, store.Mappings.MappingsCreated);
        Assert.True(Unsafe.AreSame(in MemoryMarshal.GetReference(after.Time), in MemoryMarshal.GetReference(third.Time)));
    }

    [Fact]
    public void OpenTicks_AfterTheLastMillisecondGrows_SeesTheWholeGroupWhileTheEarlierSnapshotDoesNot()
    {
        using var store = new MarketDataStore(_temp.Path);
        var first = GroupedTicks(5_000, [2, 1, 3]);
        store.WriteTicks("BTCUSD", first);
        using var before = store.OpenTicks("BTCUSD");

        // The last millisecond again, with two more ticks: an append in place that grows the stored group.
        var lastGroup = GroupedTicks(5_010, [5]);
        Assert.Equal(new WriteResult(2, 0, 3), store.WriteTicks("BTCUSD", lastGroup));
        using var after = store.OpenTicks("BTCUSD");
        using var shared = store.OpenTicks("BTCUSD");

        AssertContent(first, before);
        AssertContent([.. first[..3], .. lastGroup], after);
        Assert.Equal(2, store.Mappings.MappingsCreated);
        Assert.True(Unsafe.AreSame(in MemoryMarshal.GetReference(after.Bid), in MemoryMarshal.GetReference(shared.Bid)));
    }

    [Fact]
    public void WriteBars_BehindAnIdleMapping_UnmapsItAtOnce()
    {
        // What the write replaces (the shorter rows after an append, the old generation after a merge) serves no
        // later open: waiting for the next open, or forever if none comes, would keep it mapped for nothing.
        using var store = new MarketDataStore(_temp.Path);
        store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, 100));
        store.OpenBars("EURUSD", Timeframe.M1).Dispose();

        store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime + (100 * 60), 10));
        Assert.Equal(0, store.Mappings.LiveMappings);

        store.OpenBars("EURUSD", Timeframe.M1).Dispose();
        store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, 110, variant: 1));
        Assert.Equal(0, store.Mappings.LiveMappings);
        Assert.Equal(["g2"], Generations(SeriesDirectory));
    }

    [Fact]
    public void OpenBars_AfterMerge_MapsTheNewGenerationAndDeletesTheOldOneWithItsLastReader()
    {
        using var store = new MarketDataStore(_temp.Path);
        var original = Bars(BaseTime, 1000);
        store.WriteBars("EURUSD", Timeframe.M1, original);
        var old = store.OpenBars("EURUSD", Timeframe.M1);

        var rewritten = Bars(BaseTime, 1000, variant: 3);
        Assert.Equal(new WriteResult(0, 1000, 0), store.WriteBars("EURUSD", Timeframe.M1, rewritten));
        using var fresh = store.OpenBars("EURUSD", Timeframe.M1);

        AssertContent(original, old);
        AssertContent(rewritten, fresh);
        Assert.Equal(2, store.Mappings.LiveMappings);

        // On Windows the writer cannot delete g1 while it is mapped; elsewhere it can. Putting a stand-in back makes
        // both cases the same: the last reader of the replaced generation must delete it.
        Directory.CreateDirectory(Path.Combine(SeriesDirectory, "g1"));
        old.Dispose();

        Assert.Equal(["g2"], Generations(SeriesDirectory));
        Assert.Equal(1, store.Mappings.LiveMappings);
        Assert.Equal(0, store.Mappings.IdleMappings);
    }

    [Fact]
    public void OpenBars_AfterMergeByAnotherStore_LeavesTheCachedGenerationWithoutDisturbingItsReader()
    {
        // Two store objects over one root behave as two processes: neither knows what the other writes or maps.
        using var reader = new MarketDataStore(_temp.Path);
        using var writer = new MarketDataStore(_temp.Path);
        var original = Bars(BaseTime, 1000);
        writer.WriteBars("EURUSD", Timeframe.M1, original);
        var held = reader.OpenBars("EURUSD", Timeframe.M1);

        var rewritten = Bars(BaseTime - 60, 1001, variant: 5);
        writer.WriteBars("EURUSD", Timeframe.M1, rewritten);
        Directory.CreateDirectory(Path.Combine(SeriesDirectory, "g1"));
        using var fresh = reader.OpenBars("EURUSD", Timeframe.M1);

        AssertContent(original, held);
        AssertContent(rewritten, fresh);
        Assert.Equal(2, reader.Mappings.MappingsCreated);
        Assert.Equal(2, reader.Mappings.LiveMappings);

        held.Dispose();
        Assert.Equal(1, reader.Mappings.LiveMappings);
        Assert.Equal(["g2"], Generations(SeriesDirectory));
    }

    [Fact]
    public void OpenBars_IdleGenerationMergedByAnotherStore_IsUnmappedAndDeletedOnTheNextOpen()
    {
        using var reader = new MarketDataStore(_temp.Path);
        using var writer = new MarketDataStore(_temp.Path);
        writer.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, 1000));
        reader.OpenBars("EURUSD", Timeframe.M1).Dispose();
        Assert.Equal(1, reader.Mappings.IdleMappings);

        var rewritten = Bars(BaseTime, 1000, variant: 2);
        writer.WriteBars("EURUSD", Timeframe.M1, rewritten);
        Directory.CreateDirectory(Path.Combine(SeriesDirectory, "g1"));
        using var fresh = reader.OpenBars("EURUSD", Timeframe.M1);

        AssertContent(rewritten, fresh);
        Assert.Equal(1, reader.Mappings.LiveMappings);
        Assert.Equal(["g2"], Generations(SeriesDirectory));
    }

    [Fact]
    public void OpenBars_MoreIdleSeriesThanTheLimit_UnmapsTheLeastRecentlyUsed()
    {
        using var store = new MarketDataStore(_temp.Path, maxIdleSeries: 2);
        string[] symbols = ["EURUSD", "GBPUSD", "USDJPY"];
        foreach (var symbol in symbols)
        {
            store.WriteBars(symbol, Timeframe.M1, Bars(BaseTime, 100));
            store.OpenBars(symbol, Timeframe.M1).Dispose();
        }

        Assert.Equal(2, store.Mappings.IdleMappings);
        Assert.Equal(2, store.Mappings.LiveMappings);

        // USDJPY and GBPUSD stayed mapped; EURUSD, the least recently used, must be mapped again.
        store.OpenBars("USDJPY", Timeframe.M1).Dispose();
        store.OpenBars("GBPUSD", Timeframe.M1).Dispose();
        Assert.Equal(3, store.Mappings.MappingsCreated);
        using var eurusd = store.OpenBars("EURUSD", Timeframe.M1);
        Assert.Equal(4, store.Mappings.MappingsCreated);
        AssertContent(Bars(BaseTime, 100), eurusd);
    }

    [Fact]
    public void OpenBars_IdleBytesOverTheLimit_UnmapsTheLeastRecentlyUsed()
    {
        // Room for one idle series of 1000 bars, not two.
        using var store = new MarketDataStore(_temp.Path, maxIdleMappedBytes: 1500 * BarBytes);
        store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, 1000));
        store.WriteBars("GBPUSD", Timeframe.M1, Bars(BaseTime, 1000));

        store.OpenBars("EURUSD", Timeframe.M1).Dispose();
        store.OpenBars("GBPUSD", Timeframe.M1).Dispose();

        Assert.Equal(1, store.Mappings.IdleMappings);
        Assert.Equal(1, store.Mappings.LiveMappings);
        store.OpenBars("GBPUSD", Timeframe.M1).Dispose();
        Assert.Equal(2, store.Mappings.MappingsCreated);
        store.OpenBars("EURUSD", Timeframe.M1).Dispose();
        Assert.Equal(3, store.Mappings.MappingsCreated);
    }

    [Fact]
    public void OpenBars_NoIdleSeriesAllowed_StillSharesWhileOpenAndUnmapsWithTheLastReader()
    {
        using var store = new MarketDataStore(_temp.Path, maxIdleSeries: 0);
        store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, 100));

        var first = store.OpenBars("EURUSD", Timeframe.M1);
        var second = store.OpenBars("EURUSD", Timeframe.M1);
        Assert.Equal(1, store.Mappings.MappingsCreated);
        first.Dispose();
        Assert.Equal(1, store.Mappings.LiveMappings);
        second.Dispose();

        Assert.Equal(0, store.Mappings.LiveMappings);
        Assert.Equal(0, store.Mappings.IdleMappings);
    }

    [Fact]
    public void Dispose_WithIdleAndOpenSeries_UnmapsIdleNowAndOpenOnesWhenClosed()
    {
        using var store = new MarketDataStore(_temp.Path);
        var bars = Bars(BaseTime, 500);
        store.WriteBars("EURUSD", Timeframe.M1, bars);
        store.WriteBars("GBPUSD", Timeframe.M1, bars);
        store.OpenBars("GBPUSD", Timeframe.M1).Dispose();
        var open = store.OpenBars("EURUSD", Timeframe.M1);
        var mappings = store.Mappings;

        store.Dispose();

        Assert.Equal(1, mappings.LiveMappings);
        AssertContent(bars, open);
        open.Dispose();
        Assert.Equal(0, mappings.LiveMappings);
        Assert.Throws<ObjectDisposedException>(() => store.OpenBars("EURUSD", Timeframe.M1));
        Assert.Throws<ObjectDisposedException>(() => store.WriteBars("EURUSD", Timeframe.M1, bars));
        Assert.Throws<ObjectDisposedException>(() => store.List());
        store.Dispose();
    }

    [Fact]
    public void Dispose_SeriesTwice_ReleasesItsHoldOnce()
    {
        using var store = new MarketDataStore(_temp.Path, maxIdleSeries: 0);
        store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, 100));
        var first = store.OpenBars("EURUSD", Timeframe.M1);
        using var second = store.OpenBars("EURUSD", Timeframe.M1);

        first.Dispose();
        first.Dispose();

        // A second release of the same hold would unmap what `second` still reads.
        Assert.Equal(1, store.Mappings.LiveMappings);
        AssertContent(Bars(BaseTime, 100), second);
    }

    [Fact]
    public async Task OpenBars_ManyThreadsAtOnce_ShareTheMappingAndReleaseIt()
    {
        using var store = new MarketDataStore(_temp.Path);
        var bars = Bars(BaseTime, 2000);
        store.WriteBars("EURUSD", Timeframe.M1, bars);
        const int Threads = 8;
        const int OpensPerThread = 200;
        var cancellation = TestContext.Current.CancellationToken;

        var readers = new Task[Threads];
        for (var t = 0; t < Threads; t++)
        {
            readers[t] = Task.Run(() =>
            {
                for (var i = 0; i < OpensPerThread; i++)
                {
                    using var series = store.OpenBars("EURUSD", Timeframe.M1);
                    Assert.Equal(bars.Length, series.Count);
                    var row = (i * 7) % bars.Length;
                    AssertSameBits(bars[row], series[row]);
                }
            }, cancellation);
        }

        await Task.WhenAll(readers);

        // Threads that all missed at once may each have mapped, and all but one such mapping is dropped at once.
        Assert.InRange(store.Mappings.MappingsCreated, 1, Threads);
        Assert.Equal(1, store.Mappings.LiveMappings);
        Assert.Equal(1, store.Mappings.IdleMappings);
    }

    [Fact]
    public async Task OpenBars_WhileAWriterAppendsAndMerges_EverySnapshotIsOneCommittedStateAndAllIsReleased()
    {
        // Every committed state holds bars 0..n-1 of one variant (RealVolume = variant): appends add bars of the
        // current variant, merges rewrite every bar with the next variant. A snapshot mixing two states, changing
        // under its reader, or losing its files shows up as a bar that does not match bar 0's variant or its own
        // earlier reading.
        const int Start = 300;
        const int Writes = 30;
        var cancellation = TestContext.Current.CancellationToken;
        using var store = new MarketDataStore(_temp.Path, maxIdleSeries: 1);
        using var otherProcess = new MarketDataStore(_temp.Path, maxIdleSeries: 1);
        store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, Start, variant: 1));
        store.WriteBars("GBPUSD", Timeframe.M1, Bars(BaseTime, Start, variant: 1));

        var writer = Task.Run(() =>
        {
            var count = Start;
            var variant = 1;
            for (var w = 0; w < Writes; w++)
            {
                if (w % 3 == 2)
                {
                    variant++;
                    Assert.Equal(new WriteResult(0, count, 0), store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, count, variant: variant)));
                }
                else
                {
                    var added = 1 + (w % 7);
                    store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime + (count * 60L), added, variant: variant));
                    count += added;
                }
            }

            return count;
        }, cancellation);

        var readers = new Task<int>[3];
        for (var r = 0; r < readers.Length; r++)
        {
            var source = r == 2 ? otherProcess : store;
            var seed = r;
            readers[r] = Task.Run(() =>
            {
                var random = new Random(seed);
                BarSeries? held = null;
                (int Count, long Variant) heldState = default;
                var reads = 0;
                try
                {
                    while (!writer.IsCompleted || reads < 10)
                    {
                        // Now and then read the other series too, so the one-slot idle list keeps evicting.
                        var symbol = random.Next(4) == 0 ? "GBPUSD" : "EURUSD";
                        var series = source.OpenBars(symbol, Timeframe.M1);
                        var state = AssertOneState(series);
                        if (held is not null)
                        {
                            Assert.Equal(heldState, AssertOneState(held));
                            held.Dispose();
                        }

                        (held, heldState) = (series, state);
                        reads++;
                    }
                }
                finally
                {
                    held?.Dispose();
                }

                return reads;
            }, cancellation);
        }

        var finalCount = await writer;
        await Task.WhenAll(readers);

        using (var last = store.OpenBars("EURUSD", Timeframe.M1))
        {
            Assert.Equal(finalCount, last.Count);
            Assert.Equal((finalCount, (Writes / 3) + 1L), AssertOneState(last));
        }

        store.Dispose();
        otherProcess.Dispose();
        Assert.Equal(0, store.Mappings.LiveMappings);
        Assert.Equal(0, otherProcess.Mappings.LiveMappings);
        Assert.Equal(["g" + ((Writes / 3) + 1).ToString(CultureInfo.InvariantCulture)], Generations(SeriesDirectory));
    }

    private static (int Count, long Variant) AssertOneState(BarSeries series)
    {
        Assert.True(series.Count > 0);
        var variant = series.RealVolume[0];
        for (var i = 0; i < series.Count; i++)
        {
            // Cheap check first: the full one asserts field by field and would dominate the run.
            var expected = BarAt(BaseTime + (i * 60L), (int)variant);
            if (series[i] != expected)
            {
                AssertSameBits(expected, series[i]);
            }
        }

        return (series.Count, variant);
    }
}
