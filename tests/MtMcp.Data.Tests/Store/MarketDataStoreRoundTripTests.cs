using System.Globalization;
using MtMcp.Data.Store;
using MtMcp.Domain;
using MtMcp.Testing;
using static MtMcp.Data.Tests.Store.StoreSamples;

namespace MtMcp.Data.Tests.Store;

public sealed class MarketDataStoreRoundTripTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void WriteBars_ThenOpen_ReadsBitExactValues()
    {
        using var store = new MarketDataStore(_temp.Path);
        Bar[] bars =
        [
            new(BaseTime, 1.23456, 1.5, -0.0, double.Epsilon, 0, 0, 0),
            new(BaseTime + 60, BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_1234), double.MaxValue, double.MinValue, 0.1 + 0.2, long.MaxValue, int.MaxValue, long.MinValue),
            new(BaseTime + 120, double.PositiveInfinity, double.NegativeInfinity, 1e-300, 3.141592653589793, -1, int.MinValue, 42),
        ];

        var result = store.WriteBars("EURUSD", Timeframe.M1, bars);

        Assert.Equal(new WriteResult(3, 0, 0), result);
        using var series = store.OpenBars("EURUSD", Timeframe.M1);
        Assert.Equal("EURUSD", series.Symbol);
        Assert.Equal(Timeframe.M1, series.Timeframe);
        AssertContent(bars, series);
    }

    [Fact]
    public void WriteTicks_ThenOpen_ReadsBitExactValues()
    {
        using var store = new MarketDataStore(_temp.Path);
        Tick[] ticks =
        [
            new(BaseTime * 1000, 1.38710, 1.38726, 0, 0, TickFlags.Bid | TickFlags.Ask),
            new((BaseTime * 1000) + 1, -0.0, double.NaN, 1.38720, 0.01, TickFlags.Last | TickFlags.Volume | TickFlags.Buy),
            new((BaseTime * 1000) + 999, double.Epsilon, 1e308, 2.5, 1e6, TickFlags.Sell),
        ];

        var result = store.WriteTicks("EURUSD", ticks);

        Assert.Equal(new WriteResult(3, 0, 0), result);
        using var series = store.OpenTicks("EURUSD");
        AssertContent(ticks, series);
    }

    [Fact]
    public void WriteBars_RealEurUsdHourly_RoundTripsEveryCsvValue()
    {
        // Independent reference: the shared backtesting.py CSV, parsed here field by field.
        var lines = File.ReadAllLines(SharedData.Path("EURUSD.csv"))[1..];
        var bars = new Bar[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            var time = DateTimeOffset.ParseExact(f[0], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeSeconds();
            bars[i] = new Bar(
                time,
                double.Parse(f[1], CultureInfo.InvariantCulture),
                double.Parse(f[2], CultureInfo.InvariantCulture),
                double.Parse(f[3], CultureInfo.InvariantCulture),
                double.Parse(f[4], CultureInfo.InvariantCulture),
                long.Parse(f[5], CultureInfo.InvariantCulture),
                0,
                0);
        }

        using var store = new MarketDataStore(_temp.Path);
        store.WriteBars("EURUSD", Timeframe.H1, bars);

        using var series = store.OpenBars("EURUSD", Timeframe.H1);
        Assert.Equal(5000, series.Count);
        AssertContent(bars, series);

        // 2017-05-02 has bars from 00:00 to 23:00 in the CSV: count them independently of the store.
        var dayLines = lines.Count(l => l.StartsWith("2017-05-02 ", StringComparison.Ordinal));
        var from = new DateTimeOffset(2017, 5, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var range = series.Range(from, from + 86_399);
        Assert.Equal(dayLines, range.Length);
        Assert.Equal(Array.FindIndex(lines, l => l.StartsWith("2017-05-02 ", StringComparison.Ordinal)), range.Start);
    }

    [Fact]
    public void OpenBars_MissingSeries_IsEmptyAndDoesNotExist()
    {
        using var store = new MarketDataStore(_temp.Path);
        store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, 3));

        using var otherTimeframe = store.OpenBars("EURUSD", Timeframe.M5);
        using var otherSymbol = store.OpenTicks("GBPUSD");

        Assert.Equal(0, otherTimeframe.Count);
        Assert.True(otherTimeframe.Close.IsEmpty);
        Assert.Equal(0, otherTimeframe.LowerBound(BaseTime));
        Assert.Equal(new RowRange(0, 0), otherTimeframe.Range(long.MinValue, long.MaxValue));
        Assert.Equal(0, otherSymbol.Count);
        Assert.True(store.BarsExist("EURUSD", Timeframe.M1));
        Assert.False(store.BarsExist("EURUSD", Timeframe.M5));
        Assert.False(store.TicksExist("GBPUSD"));
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "ticks")));
    }

    [Fact]
    public void OpenBars_OtherCase_FindsSeriesStoredWithFirstWrittenCase()
    {
        using var store = new MarketDataStore(_temp.Path);
        store.WriteBars("EurUsd.m", Timeframe.H1, Bars(BaseTime, 2, 3600));
        store.WriteBars("EURUSD.M", Timeframe.H1, Bars(BaseTime + 7200, 1, 3600));

        using var series = store.OpenBars("eurusd.M", Timeframe.H1);

        Assert.Equal(3, series.Count);
        Assert.Equal("EurUsd.m", series.Symbol);
        Assert.True(Directory.Exists(Path.Combine(_temp.Path, "bars", "EURUSD.M", "H1")));
        Assert.True(store.BarsExist("EURUSD.m", Timeframe.H1));
    }

    [Fact]
    public void WriteBars_TrailingDotSymbol_IsAnotherSeriesThanWithout()
    {
        using var store = new MarketDataStore(_temp.Path);
        store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, 2));
        store.WriteBars("EURUSD.", Timeframe.M1, Bars(BaseTime, 5));

        using var plain = store.OpenBars("EURUSD", Timeframe.M1);
        using var dotted = store.OpenBars("eurusd.", Timeframe.M1);

        Assert.Equal(2, plain.Count);
        Assert.Equal(5, dotted.Count);
        Assert.Equal("EURUSD.", dotted.Symbol);
    }

    [Fact]
    public void LowerBoundAndRange_AgreeWithLinearScan()
    {
        using var store = new MarketDataStore(_temp.Path);
        var bars = Bars(BaseTime, 500, step: 300);
        store.WriteBars("XAUUSD", Timeframe.M5, bars);
        using var series = store.OpenBars("XAUUSD", Timeframe.M5);

        long[] probes = [long.MinValue, BaseTime - 1, BaseTime, BaseTime + 1, BaseTime + 299, BaseTime + 300, BaseTime + (499 * 300), BaseTime + (499 * 300) + 1, long.MaxValue];
        foreach (var from in probes)
        {
            var expectedLower = Array.FindIndex(bars, b => b.Time >= from);
            Assert.Equal(expectedLower < 0 ? bars.Length : expectedLower, series.LowerBound(from));
            foreach (var to in probes)
            {
                var inside = bars.Where(b => b.Time >= from && b.Time <= to).ToArray();
                var range = series.Range(from, to);
                Assert.Equal(inside.Length, range.Length);
                if (inside.Length > 0)
                {
                    Assert.Equal(inside[0].Time, series.Time[range.Start]);
                    Assert.Equal(inside[^1].Time, series.Time[range.End - 1]);
                }
            }
        }
    }

    [Fact]
    public void Indexer_OutOfRange_Throws()
    {
        using var store = new MarketDataStore(_temp.Path);
        store.WriteTicks("EURUSD", Ticks(BaseTime * 1000, 4));
        using var series = store.OpenTicks("EURUSD");

        Assert.Throws<ArgumentOutOfRangeException>(() => series[4]);
        Assert.Throws<ArgumentOutOfRangeException>(() => series[-1]);
    }

    [Fact]
    public void Series_AfterDispose_ThrowsObjectDisposed()
    {
        using var store = new MarketDataStore(_temp.Path);
        store.WriteBars("EURUSD", Timeframe.M1, Bars(BaseTime, 4));
        var series = store.OpenBars("EURUSD", Timeframe.M1);

        series.Dispose();

        Assert.Throws<ObjectDisposedException>(() => series.Close.Length);
    }
}
