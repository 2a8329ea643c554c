using System.Globalization;
using MtMcp.Data.Resampling;
using MtMcp.Domain;

namespace MtMcp.Data.Import;

/// <summary>
/// Imports market data (bars or ticks) from the files of <see cref="DataFormat"/>, detecting the format from
/// the content. Everything is parsed and validated before anything is returned: a bad row fails the whole
/// import with a <see cref="DataImportException"/>, never a partial result.
/// </summary>
/// <remarks>
/// <para>Times: generic CSV and MT5 exports are read in <see cref="ImportOptions.TimeZone"/> (default UTC;
/// MT5 writes broker server time, so give the broker's zone); HistData is EST without daylight saving
/// (UTC−5); LEAN is UTC. Results are UTC.</para>
/// <para>Volumes: a generic CSV's volume becomes <see cref="Bar.TickVolume"/>; fractional volumes (crypto,
/// e.g. BTCUSD) are rounded to the nearest whole number, halves away from zero, and counted in the notes.</para>
/// <para>LEAN quote bars take the bid prices; the spread in points is the smaller of the open and close
/// spreads (ask − bid) / point, rounded; second bars are merged into M1 bars, as MT5 has no seconds timeframe.</para>
/// <para>Thread-safe: every call is independent.</para>
/// </remarks>
public static class DataImporter
{
    private const int DefaultCapacity = 4096;
    private const int MaxInferredDigits = 8;

    private static readonly double[] s_points = [1, 0.1, 0.01, 0.001, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];

    /// <summary>Imports a file: plain text, or a zip holding one CSV.</summary>
    /// <exception cref="DataImportException">The file is empty, in no supported format, or has a bad row.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ImportedData Import(string path, ImportOptions? options = null) =>
        TextSource.Read(path, (reader, entryName, length) => Import(reader, entryName, length, options ?? new()));

    /// <summary>
    /// Imports from a stream (text or zip). <paramref name="fileName"/> supplies the name hints (symbol,
    /// timeframe, LEAN day) and is used in messages. The stream is read to its end and not disposed.
    /// </summary>
    /// <exception cref="DataImportException">The content is empty, in no supported format, or has a bad row.</exception>
    public static ImportedData Import(Stream stream, string fileName, ImportOptions? options = null) =>
        TextSource.Read(stream, fileName, (reader, entryName, length) => Import(reader, entryName, length, options ?? new()));

    /// <summary>Imports from bytes in memory (text or zip); see <see cref="Import(Stream, string, ImportOptions?)"/>.</summary>
    /// <exception cref="DataImportException">The content is empty, in no supported format, or has a bad row.</exception>
    public static ImportedData Import(ReadOnlyMemory<byte> content, string fileName, ImportOptions? options = null) =>
        TextSource.Read(content, fileName, (reader, entryName, length) => Import(reader, entryName, length, options ?? new()));

    private static ImportedData Import(LineReader reader, string? entryName, long? length, ImportOptions options)
    {
        var detected = options.Format is { } format
            ? DataFormatDetector.Describe(format, reader.FilePath, entryName)
            : DataFormatDetector.Detect(reader, entryName);
        var notes = new List<string>();
        var parser = CreateParser(reader, detected, options, notes);
        var capacity = EstimateRows(reader.Head, length);
        var ticks = detected.Format is DataFormat.Mt5Ticks or DataFormat.LeanTick;
        if (ticks && options.Timeframe is not null)
        {
            throw ImportErrors.TimeframeForTicks(reader.FilePath, detected.Format);
        }

        Bar[] bars = [];
        Tick[] tickRows = [];
        double[]? spreadPrices = null;
        if (ticks)
        {
            tickRows = parser.ReadTicks(capacity);
        }
        else
        {
            bars = parser.ReadBars(capacity, out spreadPrices);
        }

        if (parser.Rows == 0)
        {
            throw ImportErrors.Empty(reader.FilePath, reader.Source);
        }

        var point = options.Point ?? InferPoint(parser.MaxDecimals, notes);
        Timeframe? timeframe = null;
        if (!ticks)
        {
            if (spreadPrices is not null)
            {
                SetSpreads(bars, spreadPrices, point);
            }

            if (detected.Format == DataFormat.LeanSecond)
            {
                bars = BarResampler.Merge(bars, Timeframe.M1);
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"LEAN second bars merged into {bars.Length} M1 bars (MT5 has no seconds timeframe)"));
            }

            timeframe = ResolveTimeframe(bars, detected, options, reader.FilePath, notes);
        }

        if (parser.RoundedVolumes > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{parser.RoundedVolumes} rows had fractional volumes, rounded to whole numbers (bar volumes are integers)"));
        }

        var symbol = options.Symbol;
        if (symbol is null && detected.Symbol is not null)
        {
            symbol = detected.Symbol;
            notes.Add($"symbol {symbol} taken from the file name");
        }

        return new ImportedData
        {
            Format = detected.Format,
            Symbol = symbol,
            Timeframe = timeframe,
            Bars = bars,
            Ticks = tickRows,
            RowsRead = parser.Rows,
            Point = point,
            Notes = notes,
        };
    }

    // Reads the header if the format has one and sets up the clock and the day of LEAN intraday files.
    private static RowParser CreateParser(LineReader reader, DetectedFormat detected, ImportOptions options, List<string> notes)
    {
        var format = detected.Format;
        var clock = FileClock.Utc;
        var dayBaseMs = 0L;
        ColumnLayout layout;
        switch (format)
        {
            case DataFormat.GenericCsv or DataFormat.Mt5Bars or DataFormat.Mt5Ticks:
                layout = ColumnLayout.FromHeader(ReadHeader(reader), ticks: format == DataFormat.Mt5Ticks, reader);
                if (layout.IgnoredColumns.Count > 0)
                {
                    notes.Add($"columns not used: {string.Join(", ", layout.IgnoredColumns)}");
                }

                if (options.TimeZone is { } zone)
                {
                    clock = FileClock.For(zone);
                    if (!clock.IsUtc)
                    {
                        notes.Add($"times converted from {zone.Id} to UTC");
                    }
                }

                break;
            case DataFormat.HistDataM1:
                layout = ColumnLayout.Fixed(';', ("date-time", ColumnRole.DateTime), ("open", ColumnRole.Open), ("high", ColumnRole.High),
                    ("low", ColumnRole.Low), ("close", ColumnRole.Close), ("volume", ColumnRole.TickVolume));
                clock = FileClock.FixedOffset(TimeSpan.FromHours(-5));
                notes.Add("times converted from EST without daylight saving (UTC−5), HistData's clock, to UTC");
                NoteIgnoredZone(options, format, notes);
                break;
            case DataFormat.LeanTick:
                layout = ColumnLayout.Fixed(',', ("ms since midnight", ColumnRole.MsOfDay), ("bid", ColumnRole.Bid), ("ask", ColumnRole.Ask));
                dayBaseMs = LeanDayMs(reader, detected);
                NoteIgnoredZone(options, format, notes);
                break;
            default:
                var intraday = format is DataFormat.LeanSecond or DataFormat.LeanMinute;
                layout = ColumnLayout.Fixed(',',
                    intraday ? ("ms since midnight", ColumnRole.MsOfDay) : ("date-time", ColumnRole.DateTime),
                    ("bid open", ColumnRole.Open), ("bid high", ColumnRole.High), ("bid low", ColumnRole.Low), ("bid close", ColumnRole.Close),
                    ("bid size", ColumnRole.Ignore), ("ask open", ColumnRole.AskOpen), ("ask high", ColumnRole.Ignore),
                    ("ask low", ColumnRole.Ignore), ("ask close", ColumnRole.AskClose), ("ask size", ColumnRole.Ignore));
                dayBaseMs = intraday ? LeanDayMs(reader, detected) : 0;
                NoteIgnoredZone(options, format, notes);
                break;
        }

        return new RowParser(reader, layout, clock, dayBaseMs);
    }

    private static ReadOnlySpan<byte> ReadHeader(LineReader reader)
    {
        while (reader.TryReadLine(out var line))
        {
            if (!FieldText.IsBlank(line))
            {
                return line;
            }
        }

        throw ImportErrors.Empty(reader.FilePath, reader.Source);
    }

    private static long LeanDayMs(LineReader reader, DetectedFormat detected) =>
        detected.Day is { } day
            ? DateTimeText.DaysFromCivil(day.Year, day.Month, day.Day) * DateTimeText.MsPerDay
            : throw ImportErrors.NoLeanDay(reader.FilePath, reader.Source, detected.Format);

    private static void NoteIgnoredZone(ImportOptions options, DataFormat format, List<string> notes)
    {
        if (options.TimeZone is not null)
        {
            notes.Add($"the time zone option was not used: {format} files have a fixed clock");
        }
    }

    private static Timeframe ResolveTimeframe(Bar[] bars, DetectedFormat detected, ImportOptions options, string filePath, List<string> notes)
    {
        var fixedTimeframe = DataFormatDetector.FixedTimeframe(detected.Format);
        Timeframe timeframe;
        if (options.Timeframe is { } requested)
        {
            if (fixedTimeframe is { } fixedOne && fixedOne != requested)
            {
                throw ImportErrors.TimeframeConflict(filePath, detected.Format, fixedOne, requested);
            }

            timeframe = requested;
        }
        else if (fixedTimeframe is { } fixedOne)
        {
            timeframe = fixedOne;
        }
        else if (detected.Timeframe is { } named)
        {
            timeframe = named;
            notes.Add($"timeframe {named} taken from the file name");
        }
        else
        {
            timeframe = TimeframeInference.Infer(bars, filePath, out var note);
            notes.Add(note);
        }

        TimeframeInference.CheckDistinctPeriods(bars, timeframe, filePath);
        if (TimeframeInference.FirstUnaligned(bars, timeframe) is { } unaligned)
        {
            notes.Add($"bar times are kept as in the file, but not all are {timeframe} open times in UTC (the first such is {DateTimeText.FormatUtc(unaligned * DateTimeText.MsPerSecond)})");
        }

        return timeframe;
    }

    private static double InferPoint(int decimals, List<string> notes)
    {
        var digits = Math.Min(decimals, MaxInferredDigits);
        var point = s_points[digits];
        notes.Add(decimals > MaxInferredDigits
            ? string.Create(CultureInfo.InvariantCulture, $"point {point:0.########} assumed: the prices have up to {decimals} decimals, more than MT5's {MaxInferredDigits} digits")
            : string.Create(CultureInfo.InvariantCulture, $"point {point:0.########} inferred from the prices' {decimals} decimals"));
        return point;
    }

    // Crossed quotes (ask below bid) count as a zero spread.
    private static void SetSpreads(Bar[] bars, double[] spreadPrices, double point)
    {
        for (var i = 0; i < bars.Length; i++)
        {
            var points = Math.Round(spreadPrices[i] / point, MidpointRounding.AwayFromZero);
            bars[i] = bars[i] with { Spread = (int)Math.Clamp(points, 0, int.MaxValue) };
        }
    }

    private static int EstimateRows(ReadOnlySpan<byte> head, long? length)
    {
        var sample = head[..Math.Min(head.Length, LineReader.MaxLineBytes)];
        var lines = sample.Count((byte)'\n');
        if (length is not { } bytes || lines == 0)
        {
            return DefaultCapacity;
        }

        var bytesPerLine = Math.Max(1, sample.Length / lines);
        return (int)Math.Min(Array.MaxLength, (bytes / bytesPerLine) + 16);
    }
}
