using System.Text;
using MtMcp.Data.Import;
using MtMcp.Domain;
using MtMcp.Testing;

namespace MtMcp.Data.Tests.Import;

public sealed class Mt5ImportTests : IDisposable
{
    private const string BarsHeader = "<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>\n";
    private const string TicksHeader = "<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>\n";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Import_ExportBars_ReadsEveryColumnAndTheNameHints()
    {
        var text = BarsHeader
            + "2020.01.02\t00:00:00\t1.12120\t1.12140\t1.12100\t1.12130\t57\t0\t12\n"
            + "2020.01.02\t00:01:00\t1.12130\t1.12150\t1.12110\t1.12111\t61\t5\t10\n";

        var data = ImportFiles.Import(_temp, "EURUSD_M1_202001020000_202012312359.csv", text);

        Assert.Equal(DataFormat.Mt5Bars, data.Format);
        Assert.Equal("EURUSD", data.Symbol);
        Assert.Equal(Timeframe.M1, data.Timeframe);
        Assert.Contains(data.Notes, note => note.Contains("taken from the file name", StringComparison.Ordinal));
        Assert.Equal(
            [
                new Bar(ImportFiles.UnixSeconds("2020-01-02 00:00"), 1.12120, 1.12140, 1.12100, 1.12130, 57, 12, 0),
                new Bar(ImportFiles.UnixSeconds("2020-01-02 00:01"), 1.12130, 1.12150, 1.12110, 1.12111, 61, 10, 5),
            ],
            data.Bars);
        Assert.Equal(1e-5, data.Point);
    }

    [Fact]
    public void Import_DailyExportWithoutTimeColumn_InfersD1()
    {
        var text = "<DATE>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>\n"
            + "2020.01.02\t1.1212\t1.1230\t1.1190\t1.1220\t90000\t0\t8\n"
            + "2020.01.03\t1.1220\t1.1250\t1.1150\t1.1160\t95000\t0\t7\n"
            + "2020.01.06\t1.1160\t1.1200\t1.1140\t1.1190\t91000\t0\t9\n";

        var data = ImportFiles.Import(_temp, "export.csv", text);

        Assert.Equal(DataFormat.Mt5Bars, data.Format);
        Assert.Equal(Timeframe.D1, data.Timeframe);
        Assert.Null(data.Symbol);
        Assert.Equal(ImportFiles.UnixSeconds("2020-01-06"), data.Bars[2].Time);
        Assert.Equal(9, data.Bars[2].Spread);
        Assert.Contains(data.Notes, note => note.Contains("inferred from bar spacing", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_ServerTimeZoneWithDaylightSaving_ConvertsEachBarWithItsOffset()
    {
        // A GMT+2/+3 broker: Europe/Athens follows EU daylight saving (last Sunday of March, 03:00 local).
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Athens");
        var text = BarsHeader
            + "2024.03.29\t12:00\t1.1\t1.2\t1.0\t1.1\t1\t0\t1\n"
            + "2024.04.02\t12:00\t1.1\t1.2\t1.0\t1.1\t1\t0\t1\n";

        var data = ImportFiles.Import(_temp, "EURUSD_H1_x.csv", text, new ImportOptions { TimeZone = zone });

        Assert.Equal(ImportFiles.UnixSeconds("2024-03-29 10:00"), data.Bars[0].Time);
        Assert.Equal(ImportFiles.UnixSeconds("2024-04-02 09:00"), data.Bars[1].Time);
    }

    [Fact]
    public void Import_TheRepeatedHourAfterFallBack_StaysInOrder()
    {
        // Athens leaves summer time on 2024-10-27 at 04:00 local (01:00 UTC): local 03:00–03:59 happens twice.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Athens");
        var text = BarsHeader
            + "2024.10.27\t02:30\t1\t1\t1\t1\t1\t0\t1\n"
            + "2024.10.27\t03:30\t1\t1\t1\t1\t1\t0\t1\n"
            + "2024.10.27\t03:30\t1\t1\t1\t1\t1\t0\t1\n"
            + "2024.10.27\t04:30\t1\t1\t1\t1\t1\t0\t1\n";

        var data = ImportFiles.Import(_temp, "x.csv", text, new ImportOptions { TimeZone = zone, Timeframe = Timeframe.M30 });

        Assert.Equal(
            [ImportFiles.UnixSeconds("2024-10-26 23:30"), ImportFiles.UnixSeconds("2024-10-27 00:30"), ImportFiles.UnixSeconds("2024-10-27 01:30"), ImportFiles.UnixSeconds("2024-10-27 02:30")],
            data.Bars.Select(bar => bar.Time));
    }

    [Fact]
    public void Import_ExportTicks_CarriesEmptyBidAndAskForwardAndKeepsFlags()
    {
        var text = TicksHeader
            + "2020.01.02\t00:00:00.123\t1.12120\t1.12130\t\t\t6\n"
            + "2020.01.02\t00:00:00.250\t\t1.12135\t\t\t4\n"
            + "2020.01.02\t00:00:00.250\t1.12125\t\t\t\t2\n"
            + "2020.01.02\t00:00:01.000\t1.12126\t1.12136\t1.12130\t2\t\n";

        var data = ImportFiles.Import(_temp, "EURUSD_202001020000_202001022359.csv", text);

        Assert.Equal(DataFormat.Mt5Ticks, data.Format);
        Assert.True(data.IsTicks);
        Assert.Null(data.Timeframe);
        Assert.Equal("EURUSD", data.Symbol);
        var t0 = ImportFiles.UnixMs("2020-01-02 00:00:00.123");
        Assert.Equal(
            [
                new Tick(t0, 1.12120, 1.12130, 0, 0, TickFlags.Bid | TickFlags.Ask),
                new Tick(t0 + 127, 1.12120, 1.12135, 0, 0, TickFlags.Ask),
                new Tick(t0 + 127, 1.12125, 1.12135, 0, 0, TickFlags.Bid),
                new Tick(t0 + 877, 1.12126, 1.12136, 1.12130, 2, TickFlags.Bid | TickFlags.Ask | TickFlags.Last | TickFlags.Volume),
            ],
            data.Ticks);
    }

    [Fact]
    public void Import_Utf16ExportWithByteOrderMark_IsTranscoded()
    {
        var path = ImportFiles.Write(_temp, "EURUSD_M1_x.csv", BarsHeader + "2020.01.02\t00:00:00\t1.1\t1.2\t1.0\t1.1\t5\t0\t3\r\n2020.01.02\t00:01:00\t1.1\t1.2\t1.0\t1.1\t5\t0\t3\r\n", Encoding.Unicode);

        var data = DataImporter.Import(path);

        Assert.Equal(DataFormat.Mt5Bars, data.Format);
        Assert.Equal(2, data.Bars.Length);
        Assert.Equal(ImportFiles.UnixSeconds("2020-01-02 00:01"), data.Bars[1].Time);
    }

    [Fact]
    public void Import_TicksWithTimeframe_IsRefused()
    {
        var error = ImportFiles.Fails(_temp, "t.csv", TicksHeader + "2020.01.02\t00:00:00.123\t1.1\t1.2\t\t\t6\n", new ImportOptions { Timeframe = Timeframe.M1 });
        Assert.Contains("no timeframe", error.Problem, StringComparison.Ordinal);
    }
}
