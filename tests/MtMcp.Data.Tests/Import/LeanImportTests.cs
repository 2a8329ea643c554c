using MtMcp.Data.Import;
using MtMcp.Domain;

namespace MtMcp.Data.Tests.Import;

public sealed class LeanImportTests
{
    [Fact]
    public void Import_HourZip_ReadsBidBarsSpreadsAndNames()
    {
        var path = LeanFiles.Path("hour", "eurusd.zip");
        var rows = LeanFiles.Rows(path);

        var data = DataImporter.Import(path);

        Assert.Equal(DataFormat.LeanHour, data.Format);
        Assert.Equal("EURUSD", data.Symbol);
        Assert.Equal(Timeframe.H1, data.Timeframe);
        Assert.Equal(rows.Length, data.Bars.Length);
        Assert.Equal(1e-5, data.Point);
        foreach (var index in new[] { 0, rows.Length / 3, rows.Length - 1 })
        {
            AssertBar(rows[index], LeanFiles.StampSeconds(rows[index][0]), data.Bars[index]);
        }
    }

    [Fact]
    public void Import_DailyZip_IsD1()
    {
        var path = LeanFiles.Path("daily", "eurusd.zip");
        var rows = LeanFiles.Rows(path);

        var data = DataImporter.Import(path);

        Assert.Equal(DataFormat.LeanDaily, data.Format);
        Assert.Equal(Timeframe.D1, data.Timeframe);
        Assert.Equal(rows.Length, data.Bars.Length);
        AssertBar(rows[^1], LeanFiles.StampSeconds(rows[^1][0]), data.Bars[^1]);
    }

    [Fact]
    public void Import_MinuteZip_TakesTheDayFromTheName()
    {
        var path = LeanFiles.Path("minute", "eurusd", "20140501_quote.zip");
        var rows = LeanFiles.Rows(path);

        var data = DataImporter.Import(path);

        Assert.Equal(DataFormat.LeanMinute, data.Format);
        Assert.Equal("EURUSD", data.Symbol);
        Assert.Equal(Timeframe.M1, data.Timeframe);
        Assert.Equal(rows.Length, data.Bars.Length);
        AssertBar(rows[0], LeanFiles.DaySeconds("20140501", rows[0][0]), data.Bars[0]);
        AssertBar(rows[^1], LeanFiles.DaySeconds("20140501", rows[^1][0]), data.Bars[^1]);
    }

    [Fact]
    public void Import_SecondZip_MergesIntoTheMinuteFileBars()
    {
        var seconds = DataImporter.Import(LeanFiles.Path("second", "eurusd", "20140501_quote.zip"));
        var minutes = DataImporter.Import(LeanFiles.Path("minute", "eurusd", "20140501_quote.zip"));

        Assert.Equal(DataFormat.LeanSecond, seconds.Format);
        Assert.Equal(Timeframe.M1, seconds.Timeframe);
        Assert.Equal(LeanFiles.Rows(LeanFiles.Path("second", "eurusd", "20140501_quote.zip")).Length, seconds.RowsRead);
        Assert.Contains(seconds.Notes, note => note.Contains("merged into", StringComparison.Ordinal));

        // LEAN builds both from the same quotes, so the bid OHLC of every minute agree.
        Assert.Equal(minutes.Bars.Select(Key), seconds.Bars.Select(Key));
    }

    [Fact]
    public void Import_TickZip_GivesTicksOnTheNamedDay()
    {
        var path = LeanFiles.Path("tick", "eurusd", "20140501_quote.zip");
        var rows = LeanFiles.Rows(path);

        var data = DataImporter.Import(path);

        Assert.Equal(DataFormat.LeanTick, data.Format);
        Assert.True(data.IsTicks);
        Assert.Equal("EURUSD", data.Symbol);
        Assert.Equal(rows.Length, data.Ticks.Length);
        var first = data.Ticks[0];
        Assert.Equal((LeanFiles.DaySeconds("20140501", "0") * 1000) + long.Parse(rows[0][0], System.Globalization.CultureInfo.InvariantCulture), first.TimeMs);
        Assert.Equal(LeanFiles.Ticks(rows[0][1]), LeanFiles.Ticks(first.Bid));
        Assert.Equal(LeanFiles.Ticks(rows[0][2]), LeanFiles.Ticks(first.Ask));
        Assert.Equal(TickFlags.Bid | TickFlags.Ask, first.Flags);
        Assert.Equal(LeanFiles.Ticks(rows[^1][2]), LeanFiles.Ticks(data.Ticks[^1].Ask));
        for (var i = 1; i < data.Ticks.Length; i++)
        {
            Assert.True(data.Ticks[i].TimeMs >= data.Ticks[i - 1].TimeMs);
        }
    }

    [Fact]
    public void Import_ExtractedLeanCsv_IsDetectedByContentWhateverTheExtension()
    {
        var rows = string.Join("\r\n", LeanFiles.Rows(LeanFiles.Path("minute", "eurusd", "20140501_quote.zip")).Select(row => string.Join(',', row)));

        var data = DataImporter.Import(System.Text.Encoding.ASCII.GetBytes(rows), "/data/20140501_eurusd_minute_quote.txt");

        Assert.Equal(DataFormat.LeanMinute, data.Format);
        Assert.Equal("EURUSD", data.Symbol);
        Assert.Equal(ImportFiles.UnixSeconds("2014-05-01 00:00"), data.Bars[0].Time);
    }

    private static (long, long, long, long, long) Key(Bar bar) =>
        (bar.Time, LeanFiles.Ticks(bar.Open), LeanFiles.Ticks(bar.High), LeanFiles.Ticks(bar.Low), LeanFiles.Ticks(bar.Close));

    private static void AssertBar(string[] row, long time, Bar bar)
    {
        Assert.Equal(time, bar.Time);
        Assert.Equal(LeanFiles.Ticks(row[1]), LeanFiles.Ticks(bar.Open));
        Assert.Equal(LeanFiles.Ticks(row[2]), LeanFiles.Ticks(bar.High));
        Assert.Equal(LeanFiles.Ticks(row[3]), LeanFiles.Ticks(bar.Low));
        Assert.Equal(LeanFiles.Ticks(row[4]), LeanFiles.Ticks(bar.Close));
        var openSpread = LeanFiles.Ticks(row[6]) - LeanFiles.Ticks(row[1]);
        var closeSpread = LeanFiles.Ticks(row[9]) - LeanFiles.Ticks(row[4]);
        Assert.Equal(Math.Max(0, Math.Min(openSpread, closeSpread)), bar.Spread);
        Assert.Equal(0, bar.TickVolume);
    }
}
