using System.Globalization;
using System.Text;
using MtMcp.Domain;

namespace MtMcp.Data.Import;

/// <summary>The messages of <see cref="DataImportException"/>, in one place.</summary>
internal static class ImportErrors
{
    /// <summary>The supported formats, for "unknown format" messages.</summary>
    public const string SupportedFormats =
        "GenericCsv (a header naming open, high, low, close[, volume, spread, real_volume] and a time column; "
        + "separated by ',', ';' or tab), Mt5Bars (MT5 \"Export bars\": <DATE> <TIME> <OPEN> <HIGH> <LOW> <CLOSE> "
        + "<TICKVOL> <VOL> <SPREAD>), Mt5Ticks (MT5 \"Export ticks\": <DATE> <TIME> <BID> <ASK> <LAST> <VOLUME> <FLAGS>), "
        + "HistDataM1 (YYYYMMDD HHMMSS;O;H;L;C;V), and LEAN quote zips: LeanTick (ms,bid,ask), LeanSecond and "
        + "LeanMinute (ms,bidO,bidH,bidL,bidC,bidSize,askO,askH,askL,askC,askSize), LeanHour and LeanDaily "
        + "(YYYYMMDD HH:mm,bidO,…,askSize)";

    private const int MaxQuotedBytes = 40;

    public static DataImportException Empty(string filePath, string source) =>
        new(filePath, null, $"{Prefix(source, filePath)}the file is empty: it holds no data lines");

    public static DataImportException UnknownFormat(string filePath, string source, ReadOnlySpan<byte> firstLine) =>
        new(filePath, 1, $"{Prefix(source, filePath)}cannot tell the format from the content (the first line is '{Quote(firstLine)}'). Supported formats: {SupportedFormats}");

    public static DataImportException LineTooLong(LineReader reader, int line) => LineTooLong(reader.FilePath, reader.Source, line);

    public static DataImportException LineTooLong(string filePath, string source, int line) =>
        new(filePath, line, $"{Prefix(source, filePath)}the line runs past {LineReader.MaxLineBytes / 1024} KiB without a line break; market-data lines are short (a time and a few numbers), so this is not a supported text file");

    public static DataImportException Header(LineReader reader, string problem) =>
        new(reader.FilePath, reader.LineNumber, Prefix(reader) + problem);

    public static DataImportException Truncated(LineReader reader, ColumnLayout layout, int fields) =>
        new(reader.FilePath, reader.LineNumber,
            $"{Prefix(reader)}the line has {fields} field(s) but needs at least {layout.RequiredFields} "
            + $"({string.Join(", ", layout.Names[..layout.RequiredFields])}) separated by {layout.DelimiterName}");

    public static DataImportException NotANumber(LineReader reader, ColumnLayout layout, int field, ReadOnlySpan<byte> text) =>
        new(reader.FilePath, reader.LineNumber,
            $"{Prefix(reader)}{FieldName(layout, field)} is '{Quote(text)}', which is not a number; allowed: a decimal number with '.' as the decimal point, like 1.23456");

    public static DataImportException EmptyField(LineReader reader, ColumnLayout layout, int field) =>
        new(reader.FilePath, reader.LineNumber, $"{Prefix(reader)}{FieldName(layout, field)} is empty; it needs a value");

    public static DataImportException NotATime(LineReader reader, ColumnLayout layout, int field, ReadOnlySpan<byte> text, string allowed) =>
        new(reader.FilePath, reader.LineNumber, $"{Prefix(reader)}{FieldName(layout, field)} is '{Quote(text)}', which is not a valid time; {allowed}");

    public static DataImportException NotAnInteger(LineReader reader, ColumnLayout layout, int field, ReadOnlySpan<byte> text) =>
        new(reader.FilePath, reader.LineNumber,
            $"{Prefix(reader)}{FieldName(layout, field)} is '{Quote(text)}'; allowed: a whole number of milliseconds since midnight, 0 to 86399999");

    public static DataImportException BadPrice(LineReader reader, ColumnLayout layout, int field, double value) =>
        new(reader.FilePath, reader.LineNumber,
            $"{Prefix(reader)}{FieldName(layout, field)} is {Number(value)}; prices must be finite and not negative");

    public static DataImportException BadQuantity(LineReader reader, ColumnLayout layout, int field, double value) =>
        new(reader.FilePath, reader.LineNumber,
            $"{Prefix(reader)}{FieldName(layout, field)} is {Number(value)}; it must be a finite number, not negative, below 9.2e18");

    public static DataImportException InconsistentBar(LineReader reader, double open, double high, double low, double close)
    {
        var problem = high < low
            ? $"high {Number(high)} is below low {Number(low)}"
            : open < low || open > high
                ? $"open {Number(open)} is outside the bar's range [low {Number(low)}, high {Number(high)}]"
                : $"close {Number(close)} is outside the bar's range [low {Number(low)}, high {Number(high)}]";
        return new(reader.FilePath, reader.LineNumber, $"{Prefix(reader)}the bar is inconsistent: {problem}; a bar needs low ≤ open, close ≤ high");
    }

    public static DataImportException NotIncreasing(LineReader reader, long timeMs, long previousMs, bool ticks) =>
        new(reader.FilePath, reader.LineNumber,
            timeMs == previousMs
                ? $"{Prefix(reader)}the time {DateTimeText.FormatUtc(timeMs)} equals the previous row's {DateTimeText.FormatUtc(previousMs)}; bars must have strictly increasing times, one row per bar"
                : $"{Prefix(reader)}the time {DateTimeText.FormatUtc(timeMs)} is before the previous row's {DateTimeText.FormatUtc(previousMs)}; "
                  + (ticks ? "ticks must be in time order (oldest first)" : "bars must have strictly increasing times (oldest first)"));

    public static DataImportException FractionalBarTime(LineReader reader, long timeMs) =>
        new(reader.FilePath, reader.LineNumber, $"{Prefix(reader)}the bar time {DateTimeText.FormatUtc(timeMs)} has milliseconds; bar times are whole seconds");

    public static DataImportException NonexistentLocalTime(LineReader reader, long localMs, string zone) =>
        new(reader.FilePath, reader.LineNumber,
            $"{Prefix(reader)}the local time {DateTimeText.FormatUtc(localMs).Replace(" UTC", "", StringComparison.Ordinal)} does not exist in the time zone {zone} "
            + "(a daylight-saving change skips it); check the time zone given for the file");

    public static DataImportException NothingToCarry(LineReader reader, ColumnLayout layout, int field) =>
        new(reader.FilePath, reader.LineNumber,
            $"{Prefix(reader)}{FieldName(layout, field)} is empty on the first tick; an empty bid or ask repeats the previous tick's value, and there is none yet");

    public static DataImportException BadZip(string filePath, string problem, Exception? inner = null) =>
        new(filePath, null, $"not a usable zip archive: {problem}; a LEAN zip holds exactly one CSV file", inner);

    public static DataImportException NoLeanDay(string filePath, string source, DataFormat format) =>
        new(filePath, null, $"{Prefix(source, filePath)}{format} files carry their day in the file name (YYYYMMDD_…, e.g. 20140501_quote.zip), and none was found");

    public static DataImportException TimeframeForTicks(string filePath, DataFormat format) =>
        new(filePath, null, $"the file holds ticks ({format}), which have no timeframe; import the ticks without a timeframe and resample them to bars");

    public static DataImportException TimeframeConflict(string filePath, DataFormat format, Timeframe fixedTimeframe, Timeframe requested) =>
        new(filePath, null, $"{format} files hold {fixedTimeframe} bars, but the timeframe {requested} was requested; import as {fixedTimeframe} and resample to {requested}");

    public static DataImportException CannotInferTimeframe(string filePath, string why) =>
        new(filePath, null, $"cannot infer the timeframe: {why}; give the timeframe explicitly (M1 … MN1)");

    public static DataImportException BarsTooClose(string filePath, Timeframe timeframe, long firstSeconds, long secondSeconds) =>
        new(filePath, null,
            $"the bars at {DateTimeText.FormatUtc(firstSeconds * DateTimeText.MsPerSecond)} and {DateTimeText.FormatUtc(secondSeconds * DateTimeText.MsPerSecond)} "
            + $"are closer than one {timeframe} bar, so the file cannot hold {timeframe} bars; check the timeframe");

    /// <summary>Quotes at most 40 bytes of field text, marking a cut.</summary>
    public static string Quote(ReadOnlySpan<byte> text) =>
        text.Length <= MaxQuotedBytes
            ? Encoding.UTF8.GetString(text)
            : Encoding.UTF8.GetString(text[..MaxQuotedBytes]) + "…";

    private static string FieldName(ColumnLayout layout, int field) =>
        field < layout.Names.Length && layout.Names[field].Length > 0
            ? string.Create(CultureInfo.InvariantCulture, $"field {field + 1} ('{layout.Names[field]}')")
            : string.Create(CultureInfo.InvariantCulture, $"field {field + 1}");

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Prefix(LineReader reader) => Prefix(reader.Source, reader.FilePath);

    // Inside a zip the message names the entry; the file itself is already named by the exception.
    private static string Prefix(string source, string filePath) =>
        string.Equals(source, filePath, StringComparison.Ordinal) ? "" : $"in {source}: ";
}
