using MtMcp.Data.Store;
using MtMcp.Domain;
using MtMcp.Testing;
using static MtMcp.Data.Tests.Store.StoreSamples;

namespace MtMcp.Data.Tests.Store;

public sealed class MarketDataStoreWriteTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly MarketDataStore _store;
    private readonly SortedDictionary<long, Bar> _model = [];

    public MarketDataStoreWriteTests() => _store = new MarketDataStore(_temp.Path);

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    private string SeriesDirectory => Path.Combine(_temp.Path, "bars", "EURUSD", "M1");

    [Fact]
    public void WriteBars_AfterLastBar_AppendsInPlace()
    {
        Write(Bars(BaseTime, 100));

        var result = Write(Bars(BaseTime + 6000, 50));

        Assert.Equal(new WriteResult(50, 0, 0), result);
        AssertStoreMatchesModel();
        Assert.Equal(["g1"], Generations(SeriesDirectory));
        Assert.Equal(150 * sizeof(double), new FileInfo(Path.Combine(SeriesDirectory, "g1", "close.f64")).Length);
    }

    [Fact]
    public void WriteBars_OverlapWithChanges_ReplacesAndAddsInNewGeneration()
    {
        Write(Bars(BaseTime, 100));

        // Bars 90..99 change, 100..119 are new.
        var result = Write(Bars(BaseTime + (90 * 60), 30, variant: 1));

        Assert.Equal(new WriteResult(20, 10, 0), result);
        AssertStoreMatchesModel();
        Assert.Equal(["g2"], Generations(SeriesDirectory));
    }

    [Fact]
    public void WriteBars_BeforeFirstBar_Inserts()
    {
        Write(Bars(BaseTime, 100));

        var result = Write(Bars(BaseTime - (30 * 60), 30, variant: 2));

        Assert.Equal(new WriteResult(30, 0, 0), result);
        AssertStoreMatchesModel();
        using var series = _store.OpenBars("EURUSD", Timeframe.M1);
        Assert.Equal(BaseTime - 1800, series.Time[0]);
    }

    [Fact]
    public void WriteBars_IntoGaps_InterleavesRows()
    {
        Write(Bars(BaseTime, 100, step: 120));

        var result = Write(Bars(BaseTime + 60, 100, step: 120, variant: 3));

        Assert.Equal(new WriteResult(100, 0, 0), result);
        AssertStoreMatchesModel();
    }

    [Fact]
    public void WriteBars_MixOfIdenticalChangedAndNew_CountsEachKind()
    {
        Write(Bars(BaseTime, 10, step: 120));

        // Times 0, 60, ..., 1140: even minutes are stored (identical unless changed below), odd ones are new.
        var input = Bars(BaseTime, 20, step: 60);
        input[4] = BarAt(input[4].Time, variant: 5);
        input[10] = BarAt(input[10].Time, variant: 5);
        var result = Write(input);

        Assert.Equal(new WriteResult(10, 2, 8), result);
        AssertStoreMatchesModel();
    }

    [Fact]
    public void WriteBars_NegativeZeroForZero_CountsAsReplaced()
    {
        Write([new Bar(BaseTime, 0.0, 0.0, 0.0, 0.0, 0, 0, 0)]);

        var result = Write([new Bar(BaseTime, 0.0, 0.0, 0.0, -0.0, 0, 0, 0)]);

        Assert.Equal(new WriteResult(0, 1, 0), result);
        using var series = _store.OpenBars("EURUSD", Timeframe.M1);
        Assert.True(double.IsNegative(series.Close[0]));
    }

    [Fact]
    public void WriteBars_SameDataTwice_ChangesNoByte()
    {
        var bars = Bars(BaseTime, 1000);
        Write(bars);
        Write(Bars(BaseTime - 600, 5, variant: 1));
        var before = Fingerprint(_temp.Path);

        var again = Write(bars);
        var middle = Write(bars.AsSpan(400, 100).ToArray());
        var single = Write([bars[^1]]);

        Assert.Equal(new WriteResult(0, 0, 1000), again);
        Assert.Equal(new WriteResult(0, 0, 100), middle);
        Assert.Equal(new WriteResult(0, 0, 1), single);
        Assert.Equal(before, Fingerprint(_temp.Path));
        Assert.False(again.Changed);
    }

    [Fact]
    public void WriteBars_IdenticalOverlapThenNewBars_AppendsOnlyTheTail()
    {
        Write(Bars(BaseTime, 1000));
        var firstGenerationClose = File.ReadAllBytes(Path.Combine(SeriesDirectory, "g1", "close.f64"));

        var result = Write(Bars(BaseTime + (500 * 60), 1000));

        Assert.Equal(new WriteResult(500, 0, 500), result);
        AssertStoreMatchesModel();
        Assert.Equal(["g1"], Generations(SeriesDirectory));
        var close = File.ReadAllBytes(Path.Combine(SeriesDirectory, "g1", "close.f64"));
        Assert.Equal(firstGenerationClose, close[..firstGenerationClose.Length]);
    }

    [Fact]
    public void WriteBars_NotIncreasing_ThrowsNamingIndexAndLeavesStoreUnchanged()
    {
        Write(Bars(BaseTime, 100));
        var before = Fingerprint(_temp.Path);
        var input = Bars(BaseTime - 600, 20, variant: 1);
        input[7] = input[6];

        var error = Assert.Throws<ArgumentException>(() => _store.WriteBars("EURUSD", Timeframe.M1, input));

        Assert.Equal("bars", error.ParamName);
        Assert.Contains("bars[7]", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint(_temp.Path));
        AssertStoreMatchesModel();
    }

    [Fact]
    public void WriteTicks_Decreasing_ThrowsAndCreatesNothing()
    {
        var ticks = Ticks(1_000, 10);
        (ticks[3], ticks[4]) = (ticks[4], ticks[3]);

        var error = Assert.Throws<ArgumentException>(() => _store.WriteTicks("EURUSD", ticks));

        Assert.Contains("ticks[4]", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void WriteBars_Empty_DoesNothing()
    {
        var result = _store.WriteBars("EURUSD", Timeframe.M1, []);

        Assert.Equal(default, result);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void WriteTicks_OverlapAndRewrite_MergeAndKeepBytes()
    {
        var model = new SortedDictionary<long, Tick>();
        var first = Ticks(1_700_000_000_000, 400);
        var second = Ticks(1_700_000_000_000 + (300 * 250) + 125, 200, variant: 1);
        var third = Ticks(1_700_000_000_000 + (350 * 250), 10, variant: 2);

        Assert.Equal(new WriteResult(400, 0, 0), _store.WriteTicks("EURUSD", first));
        Assert.Equal(new WriteResult(200, 0, 0), _store.WriteTicks("EURUSD", second));
        Assert.Equal(new WriteResult(0, 10, 0), _store.WriteTicks("EURUSD", third));
        Apply(model, first, t => t.TimeMs);
        Apply(model, second, t => t.TimeMs);
        Apply(model, third, t => t.TimeMs);
        var before = Fingerprint(_temp.Path);

        Assert.Equal(new WriteResult(0, 0, 10), _store.WriteTicks("eurusd", third));

        Assert.Equal(before, Fingerprint(_temp.Path));
        using var series = _store.OpenTicks("EURUSD");
        AssertContent(model.Values, series);
    }

    [Fact]
    public void WriteBars_LockHeldByAnotherWriter_FailsAfterTimeoutThenSucceeds()
    {
        Write(Bars(BaseTime, 10));
        using var impatient = new MarketDataStore(_temp.Path, TimeSpan.FromMilliseconds(100));
        var lockPath = Path.Combine(SeriesDirectory, "write.lock");

        using (new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var error = Assert.Throws<MarketDataStoreException>(() => impatient.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime + 600, 1)));
            Assert.Contains("another writer", error.Message, StringComparison.Ordinal);
            Assert.Equal(lockPath, error.Path);

            // Readers never wait for the lock.
            using var reader = impatient.OpenBars("EURUSD", Timeframe.M1);
            Assert.Equal(10, reader.Count);
        }

        Assert.Equal(new WriteResult(1, 0, 0), impatient.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime + 600, 1)));
    }

    [Fact]
    public async Task WriteBars_ConcurrentWritersOfOneSeries_LoseNoRows()
    {
        // Two writers interleave their minutes, so most writes merge: without the lock, one would drop the other's rows.
        const int Batches = 15;
        const int BatchSize = 50;
        var writers = new Task[2];
        for (var w = 0; w < writers.Length; w++)
        {
            var offset = w * 60;
            writers[w] = Task.Run(() =>
            {
                using var store = new MarketDataStore(_temp.Path);
                for (var b = 0; b < Batches; b++)
                {
                    var start = BaseTime + offset + (b * BatchSize * 120L);
                    store.WriteBars("EURUSD", Timeframe.M1, Bars(start, BatchSize, step: 120));
                }
            }, TestContext.Current.CancellationToken);
        }

        await Task.WhenAll(writers);

        Apply(_model, Bars(BaseTime, Batches * BatchSize * 2), b => b.Time);
        AssertStoreMatchesModel();
    }

    private WriteResult Write(Bar[] bars)
    {
        var result = _store.WriteBars("EURUSD", Timeframe.M1, bars);
        Apply(_model, bars, b => b.Time);
        return result;
    }

    private void AssertStoreMatchesModel()
    {
        using var series = _store.OpenBars("EURUSD", Timeframe.M1);
        AssertContent(_model.Values, series);
        var info = Assert.Single(_store.List());
        Assert.Equal(_model.Count, info.Count);
        Assert.Equal(_model.Keys.First(), info.FirstTime);
        Assert.Equal(_model.Keys.Last(), info.LastTime);
    }
}
