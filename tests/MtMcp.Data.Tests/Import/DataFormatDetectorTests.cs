using System.Text;
using MtMcp.Data.Import;
using MtMcp.Domain;

namespace MtMcp.Data.Tests.Import;

public sealed class DataFormatDetectorTests
{
    [Theory]
    [InlineData(",Open,High,Low,Close,Volume\n2004-08-19,100,104.06,95.96,100.34,22351900\n", DataFormat.GenericCsv)]
    [InlineData("<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>\n", DataFormat.Mt5Bars)]
    [InlineData("<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>\n", DataFormat.Mt5Ticks)]
    [InlineData("20120102 170000;1.306600;1.306600;1.306560;1.306560;0\n", DataFormat.HistDataM1)]
    [InlineData("292,1.38676,1.38686\r\n920,1.38676,1.38687", DataFormat.LeanTick)]
    [InlineData("0,1.38676,1.38686,1.38669,1.38686,0,1.38686,1.38697,1.38680,1.38697,0\r\n60000,1.38688,1.38688,1.38685,1.38685,0,1.38700,1.38700,1.38696,1.38698,0", DataFormat.LeanMinute)]
    [InlineData("0,1.38676,1.38676,1.38676,1.38676,0,1.38686,1.38687,1.38686,1.38687,0\r\n2000,1.38675,1.38675,1.38675,1.38675,0,1.38688,1.38688,1.38688,1.38688,0", DataFormat.LeanSecond)]
    [InlineData("20070101 21:00,1.31927,1.31955,1.3187,1.31935,0,1.32027,1.32055,1.3197,1.32035,0\n20070101 22:00,1.31935,1.3202,1.31925,1.32,0,1.32035,1.3212,1.32025,1.321,0", DataFormat.LeanHour)]
    [InlineData("20070101 00:00,1.31927,1.32125,1.3187,1.32095,0,1.32027,1.32225,1.3197,1.32195,0\n20070102 00:00,1.32095,1.32957,1.32083,1.32736,0,1.32195,1.32972,1.32183,1.32751,0", DataFormat.LeanDaily)]
    public void Detect_ByContent_UnderAMeaninglessName(string content, DataFormat expected) =>
        Assert.Equal(expected, DataFormatDetector.Detect(Encoding.UTF8.GetBytes(content), "upload.dat").Format);

    [Fact]
    public void Detect_LeanNamesDecideTheResolution_WhenTheContentCannot()
    {
        // One row at midnight could be minute or second data; the folder says which.
        var row = "0,1.38676,1.38686,1.38669,1.38686,0,1.38686,1.38697,1.38680,1.38697,0"u8.ToArray();

        var detected = DataFormatDetector.Detect(row, "/lean/forex/oanda/second/eurusd/20140501_quote.csv");

        Assert.Equal(DataFormat.LeanSecond, detected.Format);
        Assert.Equal("EURUSD", detected.Symbol);
        Assert.Equal(new DateOnly(2014, 5, 1), detected.Day);
        Assert.Equal(Timeframe.M1, detected.Timeframe);
    }

    [Theory]
    [InlineData("hour", "eurusd.zip", DataFormat.LeanHour, null)]
    [InlineData("daily", "eurusd.zip", DataFormat.LeanDaily, null)]
    [InlineData("minute", "eurusd/20140505_quote.zip", DataFormat.LeanMinute, "2014-05-05")]
    [InlineData("tick", "eurusd/20140505_quote.zip", DataFormat.LeanTick, "2014-05-05")]
    public void Detect_RealLeanZips_GiveFormatSymbolAndDay(string resolution, string file, DataFormat expected, string? day)
    {
        var detected = DataFormatDetector.Detect(LeanFiles.Path([resolution, .. file.Split('/')]));

        Assert.Equal(expected, detected.Format);
        Assert.Equal("EURUSD", detected.Symbol);
        Assert.Equal(day is null ? null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), detected.Day);
    }

    [Theory]
    [InlineData("EURUSD_M1_202001020000_202012312359.csv", "EURUSD", Timeframe.M1)]
    [InlineData("GER40.cash_H4_202001020000_202012312359.csv", "GER40.cash", Timeframe.H4)]
    [InlineData("DAT_ASCII_EURUSD_M1_2012.csv", "EURUSD", Timeframe.M1)]
    [InlineData("EURUSD_202001020000_202012312359.csv", "EURUSD", null)]
    [InlineData("GOOG.csv", null, null)]
    public void Detect_ExportNames_GiveSymbolAndTimeframe(string name, string? symbol, Timeframe? timeframe)
    {
        var detected = DataFormatDetector.Detect("time,open,high,low,close\n2020-01-02,1,1,1,1\n"u8, name);

        Assert.Equal(symbol, detected.Symbol);
        Assert.Equal(timeframe, detected.Timeframe);
    }

    [Fact]
    public void Detect_UnknownContent_ListsTheSupportedFormats()
    {
        var error = Assert.Throws<DataImportException>(() => DataFormatDetector.Detect("name,price\nfoo,1.5\n"u8, "prices.csv"));

        Assert.Equal(1, error.Line);
        Assert.Contains("'name,price'", error.Problem, StringComparison.Ordinal);
        foreach (var format in Enum.GetNames<DataFormat>())
        {
            Assert.Contains(format, error.Message, StringComparison.Ordinal);
        }
    }
}
