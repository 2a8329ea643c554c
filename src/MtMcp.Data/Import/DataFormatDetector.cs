using System.Text;
using MtMcp.Domain;

namespace MtMcp.Data.Import;

/// <summary>
/// Tells the format of a market-data file from its content (and, for LEAN zips, the entry name and folders),
/// never from the extension alone; file names add the symbol, timeframe and day where they carry them.
/// </summary>
public static class DataFormatDetector
{
    private const int SampleLines = 20;
    private const long MsPerMinute = 60_000;

    /// <summary>The supported formats in plain words, as error messages list them.</summary>
    public static string SupportedFormats => ImportErrors.SupportedFormats;

    /// <summary>Detects the format of a file on disk, plain text or a zip holding one CSV.</summary>
    /// <exception cref="DataImportException">The file is empty, a bad zip, or in no supported format.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DetectedFormat Detect(string path) =>
        TextSource.Read(path, (reader, entryName, _) => Detect(reader, entryName));

    /// <summary>
    /// Detects the format of text content (not a zip) from its first lines. <paramref name="fileName"/> is
    /// used for the symbol, timeframe and LEAN day and resolution hints, and for messages.
    /// </summary>
    /// <exception cref="DataImportException">The content is empty or in no supported format.</exception>
    public static DetectedFormat Detect(ReadOnlySpan<byte> head, string fileName) => Detect(head, fileName, null, fileName);

    internal static DetectedFormat Detect(LineReader reader, string? entryName) => Detect(reader.Head, reader.FilePath, entryName, reader.Source);

    /// <summary>The hints the names give for a known format (used when the caller names the format).</summary>
    internal static DetectedFormat Describe(DataFormat format, string filePath, string? entryName)
    {
        switch (format)
        {
            case DataFormat.LeanTick or DataFormat.LeanSecond or DataFormat.LeanMinute or DataFormat.LeanHour or DataFormat.LeanDaily:
                var lean = NameHints.FromLeanPath(filePath, entryName);
                return new(format, lean.Symbol, FixedTimeframe(format), lean.Day);
            default:
                var export = NameHints.FromExportName(filePath, entryName);
                var timeframe = format == DataFormat.Mt5Ticks ? null : FixedTimeframe(format) ?? export.Timeframe;
                return new(format, export.Symbol, timeframe, null);
        }
    }

    /// <summary>The timeframe a format always has: HistData and LEAN second/minute M1, LEAN hour H1, daily D1.</summary>
    internal static Timeframe? FixedTimeframe(DataFormat format) => format switch
    {
        DataFormat.HistDataM1 or DataFormat.LeanSecond or DataFormat.LeanMinute => Timeframe.M1,
        DataFormat.LeanHour => Timeframe.H1,
        DataFormat.LeanDaily => Timeframe.D1,
        _ => null,
    };

    private static DetectedFormat Detect(ReadOnlySpan<byte> head, string filePath, string? entryName, string source)
    {
        var sample = SampleOf(head, filePath, source);
        var format = Classify(sample, filePath, entryName) ?? throw ImportErrors.UnknownFormat(filePath, source, sample[0]);
        return Describe(format, filePath, entryName);
    }

    private static DataFormat? Classify(List<byte[]> sample, string filePath, string? entryName)
    {
        var first = sample[0];
        if (first.Length > 0 && first[0] == (byte)'<')
        {
            var header = Encoding.UTF8.GetString(first).ToUpperInvariant();
            return header.Contains("<BID>", StringComparison.Ordinal) || header.Contains("<ASK>", StringComparison.Ordinal) ? DataFormat.Mt5Ticks
                : header.Contains("<OPEN>", StringComparison.Ordinal) ? DataFormat.Mt5Bars
                : null;
        }

        if (IsHistDataRow(first))
        {
            return DataFormat.HistDataM1;
        }

        var fields = first.AsSpan().Count((byte)',') + 1;
        var stamp = first.AsSpan(0, Math.Max(0, first.AsSpan().IndexOf((byte)',')));
        var named = NameHints.FromLeanPath(filePath, entryName).LeanFormat;
        if (fields == 3 && IsDigits(stamp))
        {
            return DataFormat.LeanTick;
        }

        if (fields == 11 && IsDigits(stamp))
        {
            return named is DataFormat.LeanSecond or DataFormat.LeanMinute ? named
                : sample.TrueForAll(line => MsOfDay(line) % MsPerMinute == 0) ? DataFormat.LeanMinute : DataFormat.LeanSecond;
        }

        if (fields == 11 && IsLeanStamp(stamp))
        {
            return named is DataFormat.LeanHour or DataFormat.LeanDaily ? named
                : sample.Count > 1 && sample.TrueForAll(line => line.Length > 8 && line.AsSpan(8).StartsWith(" 00:00,"u8)) ? DataFormat.LeanDaily : DataFormat.LeanHour;
        }

        return HasPriceHeader(first) ? DataFormat.GenericCsv : null;
    }

    // The first non-blank lines, for classification; throws for an empty text or an overlong first line.
    private static List<byte[]> SampleOf(ReadOnlySpan<byte> head, string filePath, string source)
    {
        var sample = new List<byte[]>();
        var lineNumber = 0;
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        while (!head.IsEmpty && sample.Count < SampleLines)
        {
            var end = head.IndexOf((byte)'\n');
            var line = end < 0 ? head : head[..end];
            lineNumber++;
            if (line.Length > LineReader.MaxLineBytes)
            {
                throw ImportErrors.LineTooLong(filePath, source, lineNumber);
            }

            line = line.TrimEnd((byte)'\r');
            if (!FieldText.IsBlank(line))
            {
                sample.Add(FieldText.Clean(line).ToArray());
            }

            head = end < 0 ? default : head[(end + 1)..];
        }

        return sample.Count > 0 ? sample : throw ImportErrors.Empty(filePath, source);
    }

    private static bool IsHistDataRow(ReadOnlySpan<byte> line)
    {
        // YYYYMMDD HHMMSS;open;high;low;close;volume
        return line.Count((byte)';') == 5 && line.Length > 16 && line[15] == (byte)';' && line[8] == (byte)' '
            && IsDigits(line[..8]) && IsDigits(line[9..15]);
    }

    // YYYYMMDD HH:mm
    private static bool IsLeanStamp(ReadOnlySpan<byte> field) =>
        field.Length == 14 && IsDigits(field[..8]) && field[8] == (byte)' ' && IsDigits(field[9..11]) && field[11] == (byte)':' && IsDigits(field[12..]);

    private static long MsOfDay(byte[] line)
    {
        var stamp = line.AsSpan(0, Math.Max(0, line.AsSpan().IndexOf((byte)',')));
        return DecimalText.TryParseFast(stamp, out var ms, out var decimals) && decimals == 0 ? (long)ms : -1;
    }

    private static bool HasPriceHeader(ReadOnlySpan<byte> line)
    {
        var delimiter = ColumnLayout.GuessDelimiter(line);
        var found = 0;
        foreach (var range in line.Split(delimiter))
        {
            var name = Encoding.UTF8.GetString(FieldText.Clean(line[range])).ToUpperInvariant();
            found |= name switch { "OPEN" => 1, "HIGH" => 2, "LOW" => 4, "CLOSE" => 8, _ => 0 };
        }

        return found == 15;
    }

    private static bool IsDigits(ReadOnlySpan<byte> text) => text.Length > 0 && text.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
}
