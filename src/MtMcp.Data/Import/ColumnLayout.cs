using System.Text;

namespace MtMcp.Data.Import;

/// <summary>
/// Which column holds what, in a delimited text file: read from a header row (generic CSV, MT5 exports)
/// or fixed by the format (HistData, LEAN).
/// </summary>
internal sealed class ColumnLayout
{
    private ColumnLayout(byte delimiter, ColumnRole[] roles, string[] names, IReadOnlyList<string> ignored)
    {
        Delimiter = delimiter;
        Roles = roles;
        Names = names;
        IgnoredColumns = ignored;
        for (var i = 0; i < roles.Length; i++)
        {
            if (IsMandatory(roles[i]))
            {
                RequiredFields = i + 1;
            }
        }
    }

    /// <summary>The field separator.</summary>
    public byte Delimiter { get; }

    /// <summary>The role of each column, by position; fields beyond it are ignored.</summary>
    public ColumnRole[] Roles { get; }

    /// <summary>The column names for messages.</summary>
    public string[] Names { get; }

    /// <summary>The fewest fields a line may have: up to the last column that must have a value.</summary>
    public int RequiredFields { get; }

    /// <summary>Header columns the importer does not use (for the notes).</summary>
    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <summary>The separator as a readable word, for messages.</summary>
    public string DelimiterName => Delimiter switch
    {
        (byte)'\t' => "tab",
        (byte)';' => "';'",
        _ => "','",
    };

    /// <summary>Whether the layout carries ask prices (LEAN quote bars), from which spreads are computed.</summary>
    public bool HasAsk => Array.IndexOf(Roles, ColumnRole.AskOpen) >= 0;

    /// <summary>A layout fixed by the format, for files without a header.</summary>
    public static ColumnLayout Fixed(char delimiter, params (string Name, ColumnRole Role)[] columns)
    {
        var roles = new ColumnRole[columns.Length];
        var names = new string[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            (names[i], roles[i]) = columns[i];
        }

        return new ColumnLayout((byte)delimiter, roles, names, []);
    }

    /// <summary>
    /// Reads a header row. Bar files need open, high, low and close; tick files bid and ask. The time is a
    /// date and a time column, one date-time column, or else the first column.
    /// </summary>
    /// <exception cref="DataImportException">A required column is missing or a column appears twice.</exception>
    public static ColumnLayout FromHeader(ReadOnlySpan<byte> header, bool ticks, LineReader reader)
    {
        var delimiter = GuessDelimiter(header);
        var names = new List<string>();
        foreach (var range in header.Split(delimiter))
        {
            names.Add(Encoding.UTF8.GetString(FieldText.Clean(header[range])));
        }

        var roles = new ColumnRole[names.Count];
        var ignored = new List<string>();
        for (var i = 0; i < roles.Length; i++)
        {
            roles[i] = RoleOf(names[i].ToUpperInvariant(), ticks);
            if (roles[i] != ColumnRole.Ignore && Array.IndexOf(roles, roles[i], 0, i) >= 0)
            {
                throw ImportErrors.Header(reader, $"the column '{names[i]}' appears twice (as {roles[i]})");
            }
        }

        ResolveTime(roles, reader);
        var wanted = ticks
            ? new[] { ColumnRole.Bid, ColumnRole.Ask }
            : [ColumnRole.Open, ColumnRole.High, ColumnRole.Low, ColumnRole.Close];
        var missing = Array.FindAll(wanted, role => Array.IndexOf(roles, role) < 0);
        if (missing.Length > 0)
        {
            throw ImportErrors.Header(
                reader,
                $"the header has no {string.Join(", ", missing).ToUpperInvariant()} column (columns: {string.Join(", ", names)}); "
                + (ticks ? "a tick file needs BID and ASK" : "a bar file needs OPEN, HIGH, LOW and CLOSE"));
        }

        for (var i = 0; i < roles.Length; i++)
        {
            if (roles[i] == ColumnRole.Ignore)
            {
                ignored.Add(names[i].Length == 0 ? $"column {i + 1}" : names[i]);
            }
        }

        return new ColumnLayout(delimiter, roles, [.. names], ignored);
    }

    /// <summary>The most frequent of tab, ';' and ',' in the line (',' on a tie).</summary>
    public static byte GuessDelimiter(ReadOnlySpan<byte> line)
    {
        var tabs = line.Count((byte)'\t');
        var semicolons = line.Count((byte)';');
        var commas = line.Count((byte)',');
        return tabs > commas && tabs >= semicolons ? (byte)'\t' : semicolons > commas ? (byte)';' : (byte)',';
    }

    private static bool IsMandatory(ColumnRole role) => role is ColumnRole.DateTime or ColumnRole.Date or ColumnRole.Time
        or ColumnRole.MsOfDay or ColumnRole.Open or ColumnRole.High or ColumnRole.Low or ColumnRole.Close
        or ColumnRole.AskOpen or ColumnRole.AskClose or ColumnRole.Bid or ColumnRole.Ask;

    // MT5 headers are <UPPERCASE> in angle brackets; in them <VOL> is the real (exchange) volume, while a
    // generic "volume" column of a bar file is taken as the tick volume.
    private static ColumnRole RoleOf(string name, bool ticks) => name switch
    {
        "<DATE>" or "DATE" => ColumnRole.Date,
        "<TIME>" or "TIME" => ColumnRole.Time,
        "DATETIME" or "DATE_TIME" or "TIMESTAMP" => ColumnRole.DateTime,
        "<OPEN>" or "OPEN" => ColumnRole.Open,
        "<HIGH>" or "HIGH" => ColumnRole.High,
        "<LOW>" or "LOW" => ColumnRole.Low,
        "<CLOSE>" or "CLOSE" => ColumnRole.Close,
        "<TICKVOL>" or "TICKVOL" or "TICK_VOLUME" or "TICKVOLUME" => ColumnRole.TickVolume,
        "<VOLUME>" or "VOLUME" => ticks ? ColumnRole.Volume : ColumnRole.TickVolume,
        "<VOL>" or "REAL_VOLUME" or "REALVOLUME" => ColumnRole.RealVolume,
        "<SPREAD>" or "SPREAD" => ColumnRole.Spread,
        "<BID>" or "BID" => ColumnRole.Bid,
        "<ASK>" or "ASK" => ColumnRole.Ask,
        "<LAST>" or "LAST" => ColumnRole.Last,
        "<FLAGS>" or "FLAGS" => ColumnRole.Flags,
        _ => ColumnRole.Ignore,
    };

    // A date plus a time column stay separate; a lone date or time column carries the whole date-time;
    // with no named time column the first column is the time.
    private static void ResolveTime(ColumnRole[] roles, LineReader reader)
    {
        var date = Array.IndexOf(roles, ColumnRole.Date);
        var time = Array.IndexOf(roles, ColumnRole.Time);
        var dateTime = Array.IndexOf(roles, ColumnRole.DateTime);
        if (dateTime >= 0)
        {
            if (date >= 0 || time >= 0)
            {
                throw ImportErrors.Header(reader, "the header names both a date-time column and a date or time column; keep one way of giving the time");
            }

            return;
        }

        if (date >= 0 && time >= 0)
        {
            return;
        }

        if (date >= 0 || time >= 0)
        {
            roles[Math.Max(date, time)] = ColumnRole.DateTime;
            return;
        }

        if (roles.Length == 0 || roles[0] != ColumnRole.Ignore)
        {
            throw ImportErrors.Header(reader, "no time column: name one date, time, datetime or timestamp, or put the time in the first column");
        }

        roles[0] = ColumnRole.DateTime;
    }
}
