using System.Globalization;
using MtMcp.Domain;

namespace MtMcp.Data.Import;

/// <summary>
/// What file names say: MT5 export names (<c>EURUSD_M1_202001020000_202012312359.csv</c>, ticks
/// <c>EURUSD_202001020000_202012312359.csv</c>), HistData names (<c>DAT_ASCII_EURUSD_M1_2012.csv</c>) and
/// LEAN paths (<c>…/minute/eurusd/20140501_quote.zip</c> holding <c>20140501_eurusd_minute_quote.csv</c>,
/// <c>…/hour/eurusd.zip</c>).
/// </summary>
internal readonly record struct NameHints(string? Symbol, Timeframe? Timeframe, DateOnly? Day, DataFormat? LeanFormat)
{
    /// <summary>Reads the hints of an MT5 or HistData style name (the zip entry's name when there is one).</summary>
    public static NameHints FromExportName(string filePath, string? entryName)
    {
        var tokens = Path.GetFileNameWithoutExtension(entryName ?? filePath).Split('_');
        if (tokens.Length >= 4 && tokens[0].Equals("DAT", StringComparison.OrdinalIgnoreCase) && tokens[1].Equals("ASCII", StringComparison.OrdinalIgnoreCase))
        {
            return new(tokens[2], Timeframes.TryParse(tokens[3], out var histDataTimeframe) ? histDataTimeframe : null, null, null);
        }

        for (var i = 1; i < tokens.Length; i++)
        {
            if (Timeframes.TryParse(tokens[i], out var timeframe))
            {
                return new(string.Join('_', tokens[..i]), timeframe, null, null);
            }

            if (tokens[i].Length == 12 && IsDigits(tokens[i]))
            {
                return new(string.Join('_', tokens[..i]), null, null, null);
            }
        }

        return default;
    }

    /// <summary>Reads the day, symbol and resolution of a LEAN file from the entry name and the path.</summary>
    public static NameHints FromLeanPath(string filePath, string? entryName)
    {
        // A zip's entry (20140501_eurusd_minute_quote.csv) names more than the zip (20140501_quote.zip);
        // an extracted CSV is its own entry.
        var fileTokens = Path.GetFileNameWithoutExtension(filePath).Split('_');
        var entryTokens = entryName is null ? fileTokens : Path.GetFileNameWithoutExtension(entryName).Split('_');
        var day = ParseDay(entryTokens) ?? ParseDay(fileTokens);
        var entryNamesAll = entryTokens.Length >= 3 && ParseDay(entryTokens) is not null;
        var format = entryNamesAll ? ResolutionOf(entryTokens[2]) : null;
        var folders = (Path.GetDirectoryName(filePath) ?? "").Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = folders.Length - 1; format is null && i >= 0; i--)
        {
            format = ResolutionOf(folders[i]);
        }

        // eurusd.zip (hour, daily) is the symbol; 20140501_quote.zip sits in a folder named after it.
        var symbol = entryNamesAll ? entryTokens[1]
            : ParseDay(fileTokens) is null ? fileTokens[0]
            : folders.Length > 0 ? folders[^1]
            : null;
        return new(string.IsNullOrEmpty(symbol) ? null : symbol.ToUpperInvariant(), null, day, format);
    }

    private static DateOnly? ParseDay(string[] tokens) =>
        tokens.Length > 0 && tokens[0].Length == 8
        && DateOnly.TryParseExact(tokens[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    private static DataFormat? ResolutionOf(string word) => word.ToUpperInvariant() switch
    {
        "TICK" => DataFormat.LeanTick,
        "SECOND" => DataFormat.LeanSecond,
        "MINUTE" => DataFormat.LeanMinute,
        "HOUR" => DataFormat.LeanHour,
        "DAILY" => DataFormat.LeanDaily,
        _ => null,
    };

    private static bool IsDigits(string text) => text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;
}
