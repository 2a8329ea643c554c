using MtMcp.Data.Import;
using MtMcp.Data.Store;
using MtMcp.Data.Tests.Import;
using MtMcp.Domain;
using MtMcp.Testing;
using static MtMcp.Data.Tests.Store.StoreSamples;

namespace MtMcp.Data.Tests.Store;

/// <summary>Ticks sharing a millisecond: stored, compared, replaced and appended as whole groups.</summary>
public sealed class MarketDataStoreTickGroupTests : IDisposable
{
    private const long T0 = BaseTime * 1000;

    private readonly TempDirectory _temp = new();
    private readonly MarketDataStore _store;
    private readonly SortedDictionary<long, Tick[]> _model = [];

    public MarketDataStoreTickGroupTests() => _store = new MarketDataStore(_temp.Path);

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    private string SeriesDirectory => Path.Combine(_temp.Path, "ticks", "EURUSD");

    [Fact]
    public void WriteTicks_EqualTimeGroups_RoundTripInOrderAndBoundsTakeWholeGroups()
    {
        // Rows 0 | 1-3 | 4 | 5-6 | 7-10 | 11 at T0, T0+10, ..., T0+50.
        var ticks = GroupedTicks(T0, [1, 3, 1, 2, 4, 1], stepMs: 10);

        Assert.Equal(new WriteResult(12, 0, 0), _store.WriteTicks("EURUSD", ticks));

        using var series = _store.OpenTicks("EURUSD");
        AssertContent(ticks, series);
        Assert.Equal(1, series.LowerBound(T0 + 10));
        Assert.Equal(1, series.LowerBound(T0 + 1));
        Assert.Equal(7, series.LowerBound(T0 + 40));
        Assert.Equal(new RowRange(1, 3), series.Range(T0 + 10, T0 + 10));
        Assert.Equal(new RowRange(1, 6), series.Range(T0 + 10, T0 + 30));
        Assert.Equal(new RowRange(5, 6), series.Range(T0 + 21, T0 + 49));
        Assert.Equal(new RowRange(7, 5), series.Range(T0 + 40, long.MaxValue));

        long[] probes = [long.MinValue, T0 - 1, T0, T0 + 9, T0 + 10, T0 + 11, T0 + 30, T0 + 40, T0 + 50, T0 + 51, long.MaxValue];
        foreach (var from in probes)
        {
            var lower = Array.FindIndex(ticks, t => t.TimeMs >= from);
            Assert.Equal(lower < 0 ? ticks.Length : lower, series.LowerBound(from));
            foreach (var to in probes)
            {
                var inside = Enumerable.Range(0, ticks.Length).Where(i => ticks[i].TimeMs >= from && ticks[i].TimeMs <= to).ToArray();
                var range = series.Range(from, to);
                Assert.Equal(inside.Length, range.Length);
                if (inside.Length > 0)
                {
                    Assert.Equal(inside[0], range.Start);
                }
            }
        }

        var info = Assert.Single(_store.List());
        Assert.Equal((12, T0, T0 + 50), (info.Count, info.FirstTime, info.LastTime));
    }

    [Fact]
    public void WriteTicks_SameGroupsAgain_CountsUnchangedAndChangesNoByte()
    {
        var ticks = GroupedTicks(T0, [2, 1, 3, 2, 1, 2]);
        _store.WriteTicks("EURUSD", ticks);
        _store.WriteTicks("EURUSD", GroupedTicks(T0 - 20, [2, 2], variant: 1));
        var before = Fingerprint(_temp.Path);

        var again = _store.WriteTicks("EURUSD", ticks);

        // Rows 3..7 are the whole groups at T0+10 and T0+15; rows 9..10 the last group.
        var middle = _store.WriteTicks("EURUSD", ticks.AsSpan(3, 5));
        var last = _store.WriteTicks("EURUSD", ticks.AsSpan(9, 2));

        Assert.Equal(new WriteResult(0, 0, 11), again);
        Assert.Equal(new WriteResult(0, 0, 5), middle);
        Assert.Equal(new WriteResult(0, 0, 2), last);
        Assert.False(again.Changed);
        Assert.Equal(before, Fingerprint(_temp.Path));
    }

    [Fact]
    public void WriteTicks_BiggerDifferentGroupInTheMiddle_ReplacesTheGroupAndCountsGrowthAsAdded()
    {
        Write(GroupedTicks(T0, [2, 2, 2]));

        var result = Write(GroupedTicks(T0 + 5, [3], variant: 1));

        Assert.Equal(new WriteResult(1, 2, 0), result);
        AssertStoreMatchesModel(count: 7);
        Assert.Equal(["g2"], Generations(SeriesDirectory));
    }

    [Fact]
    public void WriteTicks_GroupInTheMiddleGrowsAfterItsStoredTicks_MergesTheExtraTickIntoItsGroup()
    {
        Write(GroupedTicks(T0, [2, 2, 2]));

        // The stored two ticks at T0+5 unchanged, a third one after them.
        var result = Write(GroupedTicks(T0 + 5, [3]));

        Assert.Equal(new WriteResult(1, 0, 2), result);
        AssertStoreMatchesModel(count: 7);
        using var series = _store.OpenTicks("EURUSD");
        Assert.Equal(new RowRange(2, 3), series.Range(T0 + 5, T0 + 5));
        Assert.Equal(T0 + 10, series.Time[5]);
    }

    [Fact]
    public void WriteTicks_SmallerGroup_ReplacesTheGroupAndCountsTheDroppedTicksAsRemoved()
    {
        Write(GroupedTicks(T0, [1, 3, 1]));

        var different = Write(GroupedTicks(T0 + 5, [1], variant: 1));

        Assert.Equal(new WriteResult(0, 1, 0) { Removed = 2 }, different);
        Assert.True(different.Changed);
        AssertStoreMatchesModel(count: 3);

        // A group that keeps only its first stored tick: nothing replaced, yet the store changed.
        Write(GroupedTicks(T0 + 5, [3]));
        var prefix = Write(GroupedTicks(T0 + 5, [1]));

        Assert.Equal(new WriteResult(0, 0, 1) { Removed = 2 }, prefix);
        Assert.True(prefix.Changed);
        AssertStoreMatchesModel(count: 3);
    }

    [Fact]
    public void WriteTicks_SameTicksInAnotherOrder_ReplacesTheGroupInTheNewOrder()
    {
        var stored = GroupedTicks(T0, [1, 3, 1]);
        Write(stored);

        var result = Write([stored[1], stored[3], stored[2]]);

        Assert.Equal(new WriteResult(0, 2, 1), result);
        using var series = _store.OpenTicks("EURUSD");
        AssertContent([stored[0], stored[1], stored[3], stored[2], stored[4]], series);
    }

    [Fact]
    public void WriteTicks_StartingInTheLastStoredMillisecondWithItsTicks_AppendsOnlyTheRestInPlace()
    {
        // Rows 0 | 1-2 | 3-5 | 6 | 7-8. The store got the file when T0+10 held two ticks (rows 3-4); the grown file
        // holds a third there and goes on.
        var grown = GroupedTicks(T0, [1, 2, 3, 1, 2]);
        Write(grown[..5]);
        var firstBid = File.ReadAllBytes(Path.Combine(SeriesDirectory, "g1", "bid.f64"));

        var result = Write(grown[3..]);

        Assert.Equal(new WriteResult(4, 0, 2), result);
        AssertStoreMatchesModel(count: 9);
        Assert.Equal(["g1"], Generations(SeriesDirectory));
        Assert.Equal(firstBid, File.ReadAllBytes(Path.Combine(SeriesDirectory, "g1", "bid.f64"))[..firstBid.Length]);

        // The last group identical and new groups after it: only those are appended.
        var tail = GroupedTicks(T0 + 20, [2, 1, 1]);
        Assert.Equal(new WriteResult(2, 0, 2), Write(tail));
        AssertStoreMatchesModel(count: 11);
        Assert.Equal(["g1"], Generations(SeriesDirectory));
    }

    [Fact]
    public void WriteTicks_StartingInTheLastStoredMillisecondWithOtherTicks_ReplacesThatGroupInsteadOfAppending()
    {
        var stored = GroupedTicks(T0, [1, 2]);
        Write(stored);

        // Continues "inside" T0+5 with a tick the store does not hold: it replaces the two stored ones.
        var next = GroupedTicks(T0 + 5, [1, 2], variant: 1);
        var result = Write(next);

        Assert.Equal(new WriteResult(2, 1, 0) { Removed = 1 }, result);
        AssertStoreMatchesModel(count: 4);
        using var series = _store.OpenTicks("EURUSD");
        AssertContent([stored[0], .. next], series);
    }

    [Fact]
    public void WriteTicks_Decreasing_ThrowsNamingIndexAndLeavesStoreUnchanged()
    {
        Write(GroupedTicks(T0, [2, 2, 2]));
        var before = Fingerprint(_temp.Path);

        // Equal times at [0..1] and [2..3] are allowed; [4] goes back before [3].
        var input = GroupedTicks(T0 + 100, [2, 2, 1], variant: 1);
        input[4] = input[0] with { TimeMs = input[3].TimeMs - 1 };

        var error = Assert.Throws<ArgumentException>(() => _store.WriteTicks("EURUSD", input));

        Assert.Equal("ticks", error.ParamName);
        Assert.Contains("ticks[4]", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint(_temp.Path));
        AssertStoreMatchesModel(count: 6);
    }

    [Fact]
    public void WriteTicks_RandomOverlappingGroupedWrites_MatchTheGroupModelAndItsCounts()
    {
        var random = new Random(20140501);
        for (var w = 0; w < 40; w++)
        {
            var sizes = new int[random.Next(1, 30)];
            for (var g = 0; g < sizes.Length; g++)
            {
                sizes[g] = random.Next(1, 4);
            }

            var input = GroupedTicks(T0 + random.Next(0, 120), sizes, stepMs: random.Next(1, 4), variant: random.Next(0, 2));
            var expected = ApplyGroups(_model, input);

            Assert.Equal(expected, _store.WriteTicks("EURUSD", input));
            AssertStoreMatchesModel(count: _model.Values.Sum(g => g.Length));
        }
    }

    [Fact]
    public void WriteTicks_RealLeanTickDayTwice_StoresEveryParsedTickAndSecondWriteChangesNoByte()
    {
        var path = LeanFiles.Path("tick", "eurusd", "20140501_quote.zip");
        var ticks = DataImporter.Import(path).Ticks;

        // Independent of the importer: the raw file has two rows at 37 928 ms after midnight (rows 24 and 25).
        var rows = LeanFiles.Rows(path);
        Assert.Equal(rows.Length, ticks.Length);
        Assert.Equal(2, rows.Count(row => row[0] == "37928"));
        var shared = DateTimeOffset.Parse("2014-05-01T00:00:37.928Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        Assert.Equal((shared, shared), (ticks[24].TimeMs, ticks[25].TimeMs));

        Assert.Equal(new WriteResult(ticks.Length, 0, 0), _store.WriteTicks("EURUSD", ticks));
        var before = Fingerprint(_temp.Path);

        Assert.Equal(new WriteResult(0, 0, ticks.Length), _store.WriteTicks("EURUSD", ticks));

        Assert.Equal(before, Fingerprint(_temp.Path));
        using var series = _store.OpenTicks("EURUSD");
        AssertContent(ticks, series);
        Assert.Equal(new RowRange(24, 2), series.Range(shared, shared));
    }

    private WriteResult Write(Tick[] ticks)
    {
        var result = _store.WriteTicks("EURUSD", ticks);
        ApplyGroups(_model, ticks);
        return result;
    }

    private void AssertStoreMatchesModel(int count)
    {
        var expected = Flatten(_model);
        Assert.Equal(count, expected.Length);
        using var series = _store.OpenTicks("EURUSD");
        AssertContent(expected, series);
        var info = Assert.Single(_store.List());
        Assert.Equal((count, expected[0].TimeMs, expected[^1].TimeMs), (info.Count, info.FirstTime, info.LastTime));
    }
}
