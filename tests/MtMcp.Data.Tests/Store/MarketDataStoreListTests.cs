using MtMcp.Data.Store;
using MtMcp.Domain;
using MtMcp.Testing;
using static MtMcp.Data.Tests.Store.StoreSamples;

namespace MtMcp.Data.Tests.Store;

public sealed class MarketDataStoreListTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void List_EmptyOrMissingRoot_IsEmpty()
    {
        using var missing = new MarketDataStore(Path.Combine(_temp.Path, "nothing-here"));
        using var empty = new MarketDataStore(_temp.Path);
        Assert.Empty(missing.List());
        Assert.Empty(empty.List());
    }

    [Fact]
    public void List_SeveralSeries_ReportsEachWithCountsTimesAndSize()
    {
        using var store = new MarketDataStore(_temp.Path);
        store.WriteTicks("EURUSD", Ticks(1_000_000, 7, stepMs: 10));
        store.WriteBars("gbpusd", Timeframe.D1, Bars(BaseTime, 3, 86_400));
        store.WriteBars("EURUSD", Timeframe.H1, Bars(BaseTime, 5, 3600));
        store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, 11));
        store.WriteTicks(".DE40", Ticks(2_000, 2));

        var list = store.List();

        Assert.Equal(5, list.Count);
        AssertInfo(list[0], "EURUSD", SeriesKind.Bars, Timeframe.M1, 11, BaseTime, BaseTime + 600, 60, "bars/EURUSD/M1");
        AssertInfo(list[1], "EURUSD", SeriesKind.Bars, Timeframe.H1, 5, BaseTime, BaseTime + (4 * 3600), 60, "bars/EURUSD/H1");
        AssertInfo(list[2], "gbpusd", SeriesKind.Bars, Timeframe.D1, 3, BaseTime, BaseTime + (2 * 86_400), 60, "bars/GBPUSD/D1");
        AssertInfo(list[3], ".DE40", SeriesKind.Ticks, null, 2, 2_000, 2_250, 44, "ticks/.DE40");
        AssertInfo(list[4], "EURUSD", SeriesKind.Ticks, null, 7, 1_000_000, 1_000_060, 44, "ticks/EURUSD");
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_000_060), list[4].LastUtc);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(BaseTime), list[0].FirstUtc);
    }

    private void AssertInfo(SeriesInfo info, string symbol, SeriesKind kind, Timeframe? timeframe, int count, long first, long last, int rowBytes, string folder)
    {
        Assert.Equal(symbol, info.Symbol);
        Assert.Equal(kind, info.Kind);
        Assert.Equal(timeframe, info.Timeframe);
        Assert.Equal(count, info.Count);
        Assert.Equal(first, info.FirstTime);
        Assert.Equal(last, info.LastTime);

        // Columns (bytes per row × rows) plus the manifest; the lock file is empty.
        var manifest = new FileInfo(Path.Combine(_temp.Path, folder, "manifest.json")).Length;
        Assert.Equal(((long)count * rowBytes) + manifest, info.SizeBytes);
    }
}
