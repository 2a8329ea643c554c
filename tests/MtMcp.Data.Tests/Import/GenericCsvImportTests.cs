using MtMcp.Data.Import;
using MtMcp.Domain;
using MtMcp.Testing;

namespace MtMcp.Data.Tests.Import;

public sealed class GenericCsvImportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("GOOG.csv", Timeframe.D1)]
    [InlineData("EURUSD.csv", Timeframe.H1)]
    [InlineData("BTCUSD.csv", Timeframe.MN1)]
    public void Import_RealBacktestingPyFile_MatchesTheFileTextAndInfersTheTimeframe(string file, Timeframe expected)
    {
        var path = SharedData.Path(file);
        var lines = File.ReadAllLines(path).Skip(1).Where(line => line.Length > 0).ToArray();

        var data = DataImporter.Import(path);

        Assert.Equal(DataFormat.GenericCsv, data.Format);
        Assert.Equal(expected, data.Timeframe);
        Assert.Null(data.Symbol);
        Assert.Equal(lines.Length, data.RowsRead);
        Assert.Equal(lines.Length, data.Bars.Length);
        Assert.Contains(data.Notes, note => note.Contains("inferred from bar spacing", StringComparison.Ordinal));
        AssertRow(lines[0], data.Bars[0]);
        AssertRow(lines[^1], data.Bars[^1]);
        AssertRow(lines[lines.Length / 2], data.Bars[lines.Length / 2]);
        Assert.All(data.Bars, bar => Assert.True(bar.IsConsistent));
        for (var i = 1; i < data.Bars.Length; i++)
        {
            Assert.True(data.Bars[i].Time > data.Bars[i - 1].Time);
        }
    }

    [Fact]
    public void Import_Btcusd_RoundsFractionalVolumesAndSaysSo()
    {
        var data = DataImporter.Import(SharedData.Path("BTCUSD.csv"));

        // 2024-12-31,96515.0,108364.0,92092.0,93381.0,25342.80228337
        Assert.Equal(25343, data.Bars[^1].TickVolume);
        Assert.Contains(data.Notes, note => note.Contains("fractional volumes", StringComparison.Ordinal));
        Assert.Equal(0.01, data.Point); // 4.58 has the most decimals
    }

    [Fact]
    public void Import_Eurusd_InfersTheFiveDigitPoint() => Assert.Equal(1e-5, DataImporter.Import(SharedData.Path("EURUSD.csv")).Point);

    [Theory]
    [InlineData("time;open;high;low;close;volume\n2024-01-02 10:00;1.1;1.2;1.0;1.15;10\n2024-01-02 11:00;1.15;1.25;1.1;1.2;11\n")]
    [InlineData("Date\tOpen\tHigh\tLow\tClose\tVolume\n2024.01.02 10:00:00\t1.1\t1.2\t1.0\t1.15\t10\n2024.01.02 11:00:00\t1.15\t1.25\t1.1\t1.2\t11\n")]
    [InlineData("Date,Time,Open,High,Low,Close,Volume\r\n2024-01-02,10:00,1.1,1.2,1.0,1.15,10\r\n2024-01-02,11:00,1.15,1.25,1.1,1.2,11\r\n")]
    [InlineData("timestamp,open,high,low,close,volume\n2024-01-02T10:00:00Z,1.1,1.2,1.0,1.15,10\n2024-01-02T11:00:00Z,1.15,1.25,1.1,1.2,11")]
    [InlineData("timestamp,open,high,low,close,volume\n1704189600,1.1,1.2,1.0,1.15,10\n1704193200,1.15,1.25,1.1,1.2,11\n")]
    [InlineData("timestamp,open,high,low,close,volume\n1704189600000,1.1,1.2,1.0,1.15,10\n1704193200000,1.15,1.25,1.1,1.2,11\n")]
    [InlineData("\"Date\",\"Open\",\"High\",\"Low\",\"Close\",\"Volume\"\n\"2024-01-02 10:00\",\"1.1\",\"1.2\",\"1.0\",\"1.15\",\"10\"\n\"2024-01-02 11:00\", 1.15 , 1.25 ,1.1,1.2,11\n\n")]
    [InlineData("\uFEFFDATETIME,CLOSE,LOW,HIGH,OPEN,VOLUME,Adj Close\n2024-01-02 10:00,1.15,1.0,1.2,1.1,10,0\n2024-01-02 11:00,1.2,1.1,1.25,1.15,11,0\n")]
    public void Import_CsvVariants_GiveTheSameTwoH1Bars(string text)
    {
        var data = ImportFiles.Import(_temp, "bars.csv", text);

        Assert.Equal(DataFormat.GenericCsv, data.Format);
        Assert.Equal(Timeframe.H1, data.Timeframe);
        Assert.Equal(
            [
                new Bar(ImportFiles.UnixSeconds("2024-01-02 10:00"), 1.1, 1.2, 1.0, 1.15, 10, 0, 0),
                new Bar(ImportFiles.UnixSeconds("2024-01-02 11:00"), 1.15, 1.25, 1.1, 1.2, 11, 0, 0),
            ],
            data.Bars);
    }

    [Fact]
    public void Import_SpreadAndRealVolumeColumns_AreRead()
    {
        var data = ImportFiles.Import(_temp, "x.csv", "time,open,high,low,close,tick_volume,spread,real_volume\n2024-01-02 10:00,1,2,0.5,1.5,7,12,300\n2024-01-02 10:01,1,2,0.5,1.5,8,13,400\n");

        Assert.Equal(new Bar(ImportFiles.UnixSeconds("2024-01-02 10:00"), 1, 2, 0.5, 1.5, 7, 12, 300), data.Bars[0]);
        Assert.Equal(Timeframe.M1, data.Timeframe);
    }

    [Fact]
    public void Import_WithTimeZone_ConvertsTheFileClockToUtc()
    {
        var options = new ImportOptions { TimeZone = ImportOptions.FixedOffset(TimeSpan.FromHours(2)) };

        var data = ImportFiles.Import(_temp, "x.csv", "time,open,high,low,close\n2024-01-02 10:00,1,2,0.5,1.5\n2024-01-02 11:00,1,2,0.5,1.5\n2024-01-02T11:00:00Z,1,2,0.5,1.5\n", options);

        Assert.Equal(ImportFiles.UnixSeconds("2024-01-02 08:00"), data.Bars[0].Time);
        Assert.Equal(ImportFiles.UnixSeconds("2024-01-02 09:00"), data.Bars[1].Time);
        Assert.Equal(ImportFiles.UnixSeconds("2024-01-02 11:00"), data.Bars[2].Time); // the Z time is already UTC
        Assert.Contains(data.Notes, note => note.Contains("UTC+02:00", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_OptionsOverride_SymbolTimeframeAndPoint()
    {
        var options = new ImportOptions { Symbol = "XAUUSD", Timeframe = Timeframe.H4, Point = 0.01 };

        var data = ImportFiles.Import(_temp, "EURUSD_M1_202401020000_202401022359.csv", "time,open,high,low,close\n2024-01-02 08:00,1,2,0.5,1.5\n2024-01-02 12:00,1,2,0.5,1.5\n", options);

        Assert.Equal("XAUUSD", data.Symbol);
        Assert.Equal(Timeframe.H4, data.Timeframe);
        Assert.Equal(0.01, data.Point);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.01)]
    [InlineData(double.PositiveInfinity)]
    public void Options_InvalidPoint_Throws(double point) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImportOptions { Point = point });

    [Fact]
    public void Import_FromMemoryAndStream_EqualsFromPath()
    {
        var path = SharedData.Path("EURUSD.csv");
        var bytes = File.ReadAllBytes(path);

        var fromPath = DataImporter.Import(path);
        var fromMemory = DataImporter.Import(bytes, "EURUSD.csv");
        using var stream = new MemoryStream(bytes);
        var fromStream = DataImporter.Import(stream, "EURUSD.csv");

        Assert.Equal(fromPath.Bars, fromMemory.Bars);
        Assert.Equal(fromPath.Bars, fromStream.Bars);
    }

    private static void AssertRow(string line, Bar bar)
    {
        var fields = line.Split(',');
        Assert.Equal(ImportFiles.UnixSeconds(fields[0]), bar.Time);
        Assert.Equal(ImportFiles.Number(fields[1]), bar.Open);
        Assert.Equal(ImportFiles.Number(fields[2]), bar.High);
        Assert.Equal(ImportFiles.Number(fields[3]), bar.Low);
        Assert.Equal(ImportFiles.Number(fields[4]), bar.Close);
        Assert.Equal((long)Math.Round(ImportFiles.Number(fields[5]), MidpointRounding.AwayFromZero), bar.TickVolume);
    }
}
