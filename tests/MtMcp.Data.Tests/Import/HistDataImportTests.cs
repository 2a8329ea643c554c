using MtMcp.Data.Import;
using MtMcp.Domain;
using MtMcp.Testing;

namespace MtMcp.Data.Tests.Import;

public sealed class HistDataImportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Import_AsciiM1_ShiftsEstToUtcAndReadsTheName()
    {
        var text = "20120102 170000;1.306600;1.306600;1.306560;1.306560;0\n"
            + "20120102 170100;1.306570;1.306770;1.306570;1.306700;0\n"
            + "20120102 170300;1.306700;1.306800;1.306600;1.306650;3\n";

        var data = ImportFiles.Import(_temp, "DAT_ASCII_EURUSD_M1_2012.csv", text);

        Assert.Equal(DataFormat.HistDataM1, data.Format);
        Assert.Equal("EURUSD", data.Symbol);
        Assert.Equal(Timeframe.M1, data.Timeframe);
        Assert.Equal(3, data.RowsRead);
        // 17:00 EST (UTC−5, never daylight saving) is 22:00 UTC.
        Assert.Equal(new Bar(ImportFiles.UnixSeconds("2012-01-02 22:00"), 1.3066, 1.3066, 1.30656, 1.30656, 0, 0, 0), data.Bars[0]);
        Assert.Equal(new Bar(ImportFiles.UnixSeconds("2012-01-02 22:03"), 1.3067, 1.3068, 1.3066, 1.30665, 3, 0, 0), data.Bars[2]);
        Assert.Equal(1e-6, data.Point);
    }

    [Fact]
    public void Import_SummerDates_StillShiftByFiveHours()
    {
        var data = ImportFiles.Import(_temp, "h.csv", "20120702 120000;1;1;1;1;0\n");

        Assert.Equal(ImportFiles.UnixSeconds("2012-07-02 17:00"), data.Bars[0].Time);
    }

    [Fact]
    public void Import_HistDataAsAnotherTimeframe_IsRefused()
    {
        var error = ImportFiles.Fails(_temp, "h.csv", "20120702 120000;1;1;1;1;0\n", new ImportOptions { Timeframe = Timeframe.H1 });

        Assert.Contains("M1", error.Problem, StringComparison.Ordinal);
        Assert.Null(error.Line);
    }
}
