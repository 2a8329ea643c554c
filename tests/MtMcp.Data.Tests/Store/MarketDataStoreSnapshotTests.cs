using MtMcp.Data.Store;
using MtMcp.Domain;
using MtMcp.Testing;
using static MtMcp.Data.Tests.Store.StoreSamples;

namespace MtMcp.Data.Tests.Store;

public sealed class MarketDataStoreSnapshotTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void OpenBars_LaterAppendAndMerge_KeepTheSnapshot()
    {
        using var store = new MarketDataStore(_temp.Path);
        var original = Bars(BaseTime, 1000);
        store.WriteBars("EURUSD", Timeframe.M1, original);
        using var snapshot = store.OpenBars("EURUSD", Timeframe.M1);

        store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime + 60_000, 100));
        AssertContent(original, snapshot);

        // A merge that rewrites every row (new generation; the snapshot's generation is deleted on disk).
        var rewritten = Bars(BaseTime - 60, 1200, variant: 7);
        Assert.Equal(new WriteResult(100, 1100, 0), store.WriteBars("EURUSD", Timeframe.M1, rewritten));
        AssertContent(original, snapshot);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "bars", "EURUSD", "M1", "g1")));

        using var fresh = store.OpenBars("EURUSD", Timeframe.M1);
        AssertContent(rewritten, fresh);
    }

    [Fact]
    public async Task OpenBars_DuringRepeatedMerges_AlwaysSeesOneWholeGeneration()
    {
        // Every write replaces all 300 bars with another variant (RealVolume = variant), so a reader that mixed two
        // generations, or failed because its generation was deleted under it, shows up.
        const int Rows = 300;
        const int Writes = 40;
        using var store = new MarketDataStore(_temp.Path);
        store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, Rows, variant: 1));
        var cancellation = TestContext.Current.CancellationToken;

        var writer = Task.Run(() =>
        {
            for (var w = 2; w < Writes + 2; w++)
            {
                Assert.Equal(new WriteResult(0, Rows, 0), store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, Rows, variant: w)));
            }
        }, cancellation);

        var reads = 0;
        while (!writer.IsCompleted || reads == 0)
        {
            using var series = store.OpenBars("EURUSD", Timeframe.M1);
            Assert.Equal(Rows, series.Count);
            var variant = series.RealVolume[0];
            for (var i = 0; i < Rows; i++)
            {
                AssertSameBits(BarAt(BaseTime + (i * 60L), (int)variant), series[i]);
            }

            reads++;
        }

        await writer;
        using var last = store.OpenBars("EURUSD", Timeframe.M1);
        Assert.Equal(Writes + 1, last.RealVolume[^1]);
    }

    [Fact]
    public void OpenTicks_LaterMerge_KeepsTheSnapshot()
    {
        using var store = new MarketDataStore(_temp.Path);
        var original = Ticks(5_000, 300);
        store.WriteTicks("BTCUSD", original);
        using var snapshot = store.OpenTicks("btcusd");

        store.WriteTicks("BTCUSD", Ticks(5_000 + 125, 300, variant: 1));

        AssertContent(original, snapshot);
        using var fresh = store.OpenTicks("BTCUSD");
        Assert.Equal(600, fresh.Count);
    }
}
