using MtMcp.Data.Store;
using MtMcp.Domain;
using MtMcp.Testing;
using static MtMcp.Data.Tests.Store.StoreSamples;

namespace MtMcp.Data.Tests.Store;

public sealed class MarketDataStoreRecoveryTests : IDisposable
{
    private static readonly string[] s_barColumns =
        ["time.i64", "open.f64", "high.f64", "low.f64", "close.f64", "tick_volume.i64", "spread.i32", "real_volume.i64"];

    private static readonly int[] s_barColumnSizes = [8, 8, 8, 8, 8, 8, 4, 8];

    private readonly TempDirectory _temp = new();
    private readonly MarketDataStore _store;

    public MarketDataStoreRecoveryTests() => _store = new MarketDataStore(_temp.Path);

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    private string SeriesDirectory => Path.Combine(_temp.Path, "bars", "EURUSD", "M1");

    private string ManifestPath => Path.Combine(SeriesDirectory, "manifest.json");

    [Fact]
    public void CrashAfterColumnsBeforeManifest_ReadsCommittedStateAndNextAppendIsCorrect()
    {
        var committed = Bars(BaseTime, 100);
        _store.WriteBars("EURUSD", Timeframe.M1, committed);

        // An append that wrote (part of) its column bytes and died before replacing the manifest.
        var garbage = new byte[37];
        new Random(1).NextBytes(garbage);
        foreach (var column in s_barColumns)
        {
            using var stream = new FileStream(Path.Combine(SeriesDirectory, "g1", column), FileMode.Append);
            stream.Write(garbage);
        }

        using (var reader = _store.OpenBars("EURUSD", Timeframe.M1))
        {
            AssertContent(committed, reader);
        }

        var next = Bars(BaseTime + 6000, 10);
        Assert.Equal(new WriteResult(10, 0, 0), _store.WriteBars("EURUSD", Timeframe.M1, next));

        using var series = _store.OpenBars("EURUSD", Timeframe.M1);
        AssertContent([.. committed, .. next], series);
        for (var c = 0; c < s_barColumns.Length; c++)
        {
            Assert.Equal(110L * s_barColumnSizes[c], new FileInfo(Path.Combine(SeriesDirectory, "g1", s_barColumns[c])).Length);
        }
    }

    [Fact]
    public void CrashDuringMerge_ReadsCommittedStateAndNextWriteCleansUp()
    {
        var committed = Bars(BaseTime, 50);
        _store.WriteBars("EURUSD", Timeframe.M1, committed);

        // A merge that wrote a half generation and a temporary manifest, then died before the rename.
        var orphan = Directory.CreateDirectory(Path.Combine(SeriesDirectory, "g2")).FullName;
        File.WriteAllBytes(Path.Combine(orphan, "time.i64"), new byte[24]);
        File.WriteAllText(Path.Combine(SeriesDirectory, "manifest.json.tmp"), "{\"formatVersion\":1,");

        using (var reader = _store.OpenBars("EURUSD", Timeframe.M1))
        {
            AssertContent(committed, reader);
        }

        var changed = Bars(BaseTime, 10, variant: 1);
        Assert.Equal(new WriteResult(0, 10, 0), _store.WriteBars("EURUSD", Timeframe.M1, changed));

        using var series = _store.OpenBars("EURUSD", Timeframe.M1);
        AssertContent([.. changed, .. committed[10..]], series);
        Assert.Equal(["g2"], Generations(SeriesDirectory));
        Assert.Equal(50 * sizeof(long), new FileInfo(Path.Combine(SeriesDirectory, "g2", "time.i64")).Length);
        Assert.False(File.Exists(Path.Combine(SeriesDirectory, "manifest.json.tmp")));
    }

    [Fact]
    public void CrashDuringFirstWrite_LeavesNoSeriesAndNextWriteStartsClean()
    {
        Directory.CreateDirectory(Path.Combine(SeriesDirectory, "g1"));
        File.WriteAllBytes(Path.Combine(SeriesDirectory, "g1", "close.f64"), new byte[80]);

        Assert.False(_store.BarsExist("EURUSD", Timeframe.M1));
        Assert.Empty(_store.List());

        var bars = Bars(BaseTime, 3);
        _store.WriteBars("EURUSD", Timeframe.M1, bars);

        using var series = _store.OpenBars("EURUSD", Timeframe.M1);
        AssertContent(bars, series);
        Assert.Equal(24, new FileInfo(Path.Combine(SeriesDirectory, "g1", "close.f64")).Length);
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{\"formatVersion\":1,\"kind\":\"bars\",\"symbol\":\"EURUSD\",\"timeframe\":\"M1\"}")]
    [InlineData("{\"formatVersion\":99,\"kind\":\"bars\",\"symbol\":\"EURUSD\",\"timeframe\":\"M1\",\"count\":5,\"firstTime\":1,\"lastTime\":2,\"generation\":1}")]
    [InlineData("{\"formatVersion\":1,\"kind\":\"ticks\",\"symbol\":\"EURUSD\",\"count\":5,\"firstTime\":1,\"lastTime\":2,\"generation\":1}")]
    [InlineData("{\"formatVersion\":1,\"kind\":\"bars\",\"symbol\":\"GBPUSD\",\"timeframe\":\"M1\",\"count\":5,\"firstTime\":1,\"lastTime\":2,\"generation\":1}")]
    [InlineData("{\"formatVersion\":1,\"kind\":\"bars\",\"symbol\":\"EURUSD\",\"timeframe\":\"M1\",\"count\":-5,\"firstTime\":1,\"lastTime\":2,\"generation\":1}")]
    [InlineData("{\"formatVersion\":1,\"kind\":\"bars\",\"symbol\":\"EURUSD\",\"timeframe\":\"M1\",\"count\":5,\"firstTime\":9,\"lastTime\":2,\"generation\":1}")]
    public void CorruptManifest_EveryOperationFailsNamingTheFile(string manifest)
    {
        _store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, 5));
        File.WriteAllText(ManifestPath, manifest);
        var before = Fingerprint(_temp.Path);

        var onOpen = Assert.Throws<MarketDataStoreException>(() => _store.OpenBars("EURUSD", Timeframe.M1));
        var onWrite = Assert.Throws<MarketDataStoreException>(() => _store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, 1, variant: 1)));
        var onList = Assert.Throws<MarketDataStoreException>(_store.List);

        foreach (var error in new[] { onOpen, onWrite, onList })
        {
            Assert.Contains(ManifestPath, error.Message, StringComparison.Ordinal);
            Assert.Contains("bars EURUSD M1", error.Message, StringComparison.Ordinal);
            Assert.Equal(ManifestPath, error.Path);
        }

        Assert.Equal(before, Fingerprint(_temp.Path));
    }

    [Fact]
    public void ColumnShorterThanCommittedCount_FailsNamingTheColumnFile()
    {
        _store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, 20));
        var close = Path.Combine(SeriesDirectory, "g1", "close.f64");
        using (var stream = new FileStream(close, FileMode.Open))
        {
            stream.SetLength(19 * sizeof(double));
        }

        var onOpen = Assert.Throws<MarketDataStoreException>(() => _store.OpenBars("EURUSD", Timeframe.M1));
        var onAppend = Assert.Throws<MarketDataStoreException>(() => _store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime + 1200, 1)));

        Assert.Contains(close, onOpen.Message, StringComparison.Ordinal);
        Assert.Equal(close, onOpen.Path);
        Assert.Contains(close, onAppend.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeColumnDisagreeingWithManifest_FailsNamingTheTimeFile()
    {
        _store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, 20));
        var time = Path.Combine(SeriesDirectory, "g1", "time.i64");
        var bytes = File.ReadAllBytes(time);
        BitConverter.GetBytes(BaseTime - 1).CopyTo(bytes, 0);
        File.WriteAllBytes(time, bytes);

        var error = Assert.Throws<MarketDataStoreException>(() => _store.OpenBars("EURUSD", Timeframe.M1));

        Assert.Contains(time, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingGenerationFolder_FailsNamingTheSeries()
    {
        _store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, 20));
        Directory.Delete(Path.Combine(SeriesDirectory, "g1"), recursive: true);

        var error = Assert.Throws<MarketDataStoreException>(() => _store.OpenBars("EURUSD", Timeframe.M1));

        Assert.Contains("bars EURUSD M1", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }
}
