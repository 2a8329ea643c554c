using System.IO.Compression;
using System.Text;
using MtMcp.Data.Import;
using MtMcp.Testing;

namespace MtMcp.Data.Tests.Import;

public sealed class ImportErrorTests : IDisposable
{
    private const string Header = "time,open,high,low,close\n";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("  \n\r\n\n")]
    [InlineData(Header)]
    [InlineData("<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>\n\n")]
    public void Import_NoDataLines_SaysTheFileIsEmpty(string text)
    {
        var error = ImportFiles.Fails(_temp, "e.csv", text);

        Assert.Null(error.Line);
        Assert.Contains("empty", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_UnknownFormat_ListsTheSupportedOnes()
    {
        var error = ImportFiles.Fails(_temp, "u.csv", "symbol,price\nEURUSD,1.1\n");

        Assert.Equal(1, error.Line);
        Assert.Contains("cannot tell the format", error.Problem, StringComparison.Ordinal);
        Assert.Contains("HistDataM1", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TruncatedLine_CountsTheFields()
    {
        var error = ImportFiles.Fails(_temp, "t.csv", Header + "2020-01-02,1,1,1,1\n2020-01-03,1,1\n");

        Assert.Equal(3, error.Line);
        Assert.Contains("has 3 field(s) but needs at least 5", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TextInANumberField_NamesTheFieldAndQuotesTheText()
    {
        var error = ImportFiles.Fails(_temp, "n.csv", Header + "2020-01-02,1,1,1,1\n2020-01-03,1,1.2x,1,1\n");

        Assert.Equal(3, error.Line);
        Assert.Contains("field 3 ('high') is '1.2x', which is not a number", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LongTextInANumberField_IsQuotedTruncated()
    {
        var junk = new string('x', 500);

        var error = ImportFiles.Fails(_temp, "n.csv", Header + $"2020-01-02,1,1,{junk},1\n");

        Assert.Contains("field 4 ('low') is 'xxxxxxxx", error.Problem, StringComparison.Ordinal);
        Assert.Contains("…'", error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(junk, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BadTime_SaysWhatIsAllowed()
    {
        var error = ImportFiles.Fails(_temp, "d.csv", Header + "02/01/2020,1,1,1,1\n");

        Assert.Equal(2, error.Line);
        Assert.Contains("'02/01/2020', which is not a valid time", error.Problem, StringComparison.Ordinal);
        Assert.Contains("allowed: 2024-01-31", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TimeGoingBack_NamesBothTimes()
    {
        var error = ImportFiles.Fails(_temp, "b.csv", Header + "2020-01-03 10:00,1,1,1,1\n2020-01-02 09:00,1,1,1,1\n");

        Assert.Equal(3, error.Line);
        Assert.Contains("2020-01-02 09:00:00 UTC", error.Problem, StringComparison.Ordinal);
        Assert.Contains("2020-01-03 10:00:00 UTC", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DuplicateBarTime_IsRefused()
    {
        var error = ImportFiles.Fails(_temp, "b.csv", Header + "2020-01-03,1,1,1,1\n2020-01-03,1,1,1,1\n");

        Assert.Equal(3, error.Line);
        Assert.Contains("the time 2020-01-03 00:00:00 UTC equals the previous row's 2020-01-03 00:00:00 UTC", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TicksGoingBack_AreRefused()
    {
        var error = ImportFiles.Fails(_temp, "20140501_eurusd_tick_quote.csv", "1000,1.1,1.2\n999,1.1,1.2\n");

        Assert.Equal(2, error.Line);
        Assert.Contains("2014-05-01 00:00:00.999 UTC is before the previous row's 2014-05-01 00:00:01 UTC", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TenMegabyteSingleLine_FailsAfterReadingLittleOfIt()
    {
        var content = new byte[10 * 1024 * 1024];
        content.AsSpan().Fill((byte)'1');
        using var stream = new CountingStream(new MemoryStream(content));

        var error = Assert.Throws<DataImportException>(() => DataImporter.Import(stream, "huge.csv"));

        Assert.Equal(1, error.Line);
        Assert.Contains("64 KiB", error.Problem, StringComparison.Ordinal);
        Assert.True(stream.BytesRead <= 2 * 1024 * 1024, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public void Import_OverlongLineAfterGoodOnes_NamesItsLine()
    {
        var text = Header + "2020-01-02,1,1,1,1\n2020-01-03," + new string('1', 70_000) + ",1,1,1\n";

        var error = ImportFiles.Fails(_temp, "l.csv", text);

        Assert.Equal(3, error.Line);
        Assert.Contains("64 KiB", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN", "NaN")]
    [InlineData("Infinity", "Infinity")]
    [InlineData("-1.5", "-1.5")]
    public void Import_InvalidPrice_IsRefused(string price, string shown)
    {
        var error = ImportFiles.Fails(_temp, "p.csv", Header + $"2020-01-02,1,2,{price},1\n");

        Assert.Equal(2, error.Line);
        Assert.Contains($"field 4 ('low') is {shown}; prices must be finite and not negative", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,0.9,1.0,1", "high 0.9 is below low 1")]
    [InlineData("2.5,2,1,1.5", "open 2.5 is outside the bar's range [low 1, high 2]")]
    [InlineData("1.5,2,1,0.5", "close 0.5 is outside the bar's range [low 1, high 2]")]
    public void Import_InconsistentBar_SaysWhichPriceIsOff(string prices, string problem)
    {
        var error = ImportFiles.Fails(_temp, "i.csv", Header + $"2020-01-02,{prices}\n");

        Assert.Equal(2, error.Line);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NegativeVolume_IsRefused()
    {
        var error = ImportFiles.Fails(_temp, "v.csv", "time,open,high,low,close,volume\n2020-01-02,1,1,1,1,-3\n");

        Assert.Contains("field 6 ('volume') is -3", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FirstTickWithoutBid_HasNothingToCarry()
    {
        var error = ImportFiles.Fails(_temp, "t.csv", "<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>\n2020.01.02\t00:00:00.100\t\t1.1\t\t\t4\n");

        Assert.Equal(2, error.Line);
        Assert.Contains("field 3 ('<BID>') is empty on the first tick", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Mt5HeaderWithoutClose_SaysWhatIsMissing()
    {
        var error = ImportFiles.Fails(_temp, "h.csv", "<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\n2020.01.02\t00:00\t1\t1\t1\n");

        Assert.Equal(1, error.Line);
        Assert.Contains("no CLOSE column", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LocalTimeSkippedByDaylightSaving_IsRefused()
    {
        // Athens jumps from 03:00 to 04:00 on 2024-03-31.
        var options = new ImportOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Athens") };

        var error = ImportFiles.Fails(_temp, "g.csv", Header + "2024-03-31 02:30,1,1,1,1\n2024-03-31 03:30,1,1,1,1\n", options);

        Assert.Equal(3, error.Line);
        Assert.Contains("2024-03-31 03:30:00 does not exist in the time zone Europe/Athens", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LeanTicksWithoutADayInTheName_AreRefused()
    {
        var error = ImportFiles.Fails(_temp, "ticks.csv", "292,1.38676,1.38686\n920,1.38676,1.38687\n");

        Assert.Null(error.Line);
        Assert.Contains("day in the file name", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BarsCloserThanTheNamedTimeframe_AreRefused()
    {
        var error = ImportFiles.Fails(_temp, "EURUSD_H1_x.csv", Header + "2020-01-02 10:00,1,1,1,1\n2020-01-02 10:01,1,1,1,1\n");

        Assert.Contains("closer than one H1 bar", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_SingleBarWithoutTimeframe_AsksForOne()
    {
        var error = ImportFiles.Fails(_temp, "one.csv", Header + "2020-01-02 10:00,1,1,1,1\n");

        Assert.Contains("give the timeframe", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ZipWithoutFiles_IsRefused()
    {
        var path = Zip("empty.zip");

        var error = Assert.Throws<DataImportException>(() => DataImporter.Import(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("holds no file", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ZipWithTwoFiles_NamesThem()
    {
        var path = Zip("two.zip", ("a.csv", "0,1,1\n"), ("b.csv", "0,1,1\n"));

        var error = Assert.Throws<DataImportException>(() => DataImporter.Import(path));

        Assert.Contains("holds 2 files (a.csv, b.csv)", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_CorruptZip_IsRefused()
    {
        var path = ImportFiles.Write(_temp, "bad.zip", "PK\u0003\u0004 this is not really a zip archive");

        var error = Assert.Throws<DataImportException>(() => DataImporter.Import(path));

        Assert.Contains("not a usable zip archive", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ErrorInsideAZip_NamesTheEntryAndLine()
    {
        var path = Zip("20140501_quote.zip", ("20140501_eurusd_tick_quote.csv", "292,1.38676,1.38686\r\n920,1.3867x,1.38687\r\n"));

        var error = Assert.Throws<DataImportException>(() => DataImporter.Import(path));

        Assert.Equal(2, error.Line);
        Assert.Contains("20140501_quote.zip/20140501_eurusd_tick_quote.csv", error.Problem, StringComparison.Ordinal);
        Assert.Contains("'1.3867x'", error.Problem, StringComparison.Ordinal);
    }

    private string Zip(string name, params (string Name, string Text)[] entries)
    {
        var path = _temp.File(name);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entryName, text) in entries)
        {
            using var writer = new StreamWriter(archive.CreateEntry(entryName).Open(), Encoding.ASCII);
            writer.Write(text);
        }

        return path;
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
