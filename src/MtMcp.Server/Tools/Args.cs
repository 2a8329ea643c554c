using System.Globalization;
using MtMcp.Domain;

namespace MtMcp.Server.Tools;

/// <summary>Argument checks shared by the tools: each failure is an INVALID_ARGUMENT (or UNKNOWN_SYMBOL) tool error naming the argument.</summary>
internal static class Args
{
    private static readonly string[] s_timeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
    ];

    /// <summary>The catalogue symbol called <paramref name="name"/> (case-insensitive).</summary>
    public static SymbolSpec Symbol(SymbolCatalog catalog, string? name, string argument = "symbol")
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw ToolErrorException.InvalidArgument(argument, $"{argument} is required: a symbol name such as EURUSD (list_symbols lists them).");
        }

        if (catalog.TryGet(name.Trim(), out var spec))
        {
            return spec;
        }

        var shown = UntrustedText.Clean(name, 32);
        var similar = catalog.Where(s => s.Name.Contains(name.Trim(), StringComparison.OrdinalIgnoreCase) || name.Contains(s.Name, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name).Take(5).ToList();
        var hint = similar.Count > 0 ? $" Did you mean {string.Join(", ", similar)}?" : " Call list_symbols to see the symbols.";
        throw new ToolErrorException(new ToolError(ToolErrorCodes.UnknownSymbol, $"Unknown symbol '{shown}'.{hint}", Retryable: false, argument));
    }

    /// <summary>An MT5 timeframe name (M1 … MN1).</summary>
    public static Timeframe Timeframe(string? text, string argument = "timeframe")
    {
        if (Timeframes.TryParse(text, out var timeframe))
        {
            return timeframe.Value;
        }

        throw ToolErrorException.InvalidArgument(argument,
            $"{argument} '{UntrustedText.Clean(text ?? "", 16)}' is not a timeframe; use one of {string.Join(", ", Timeframes.All)}.");
    }

    /// <summary>An ESMA asset class name (case-insensitive); null stays null.</summary>
    public static EsmaAssetClass? AssetClass(string? text, string argument = "asset_class")
    {
        if (text is null)
        {
            return null;
        }

        if (!Enum.TryParse<EsmaAssetClass>(text.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || text.Trim() is not [var first, ..] || char.IsDigit(first))
        {
            throw ToolErrorException.InvalidArgument(argument, $"{argument} '{UntrustedText.Clean(text, 32)}' is not known; use one of {string.Join(", ", Enum.GetNames<EsmaAssetClass>())}.");
        }

        return parsed;
    }

    /// <summary>An ISO-8601 time (UTC unless it carries an offset) or a bare date (midnight UTC); null stays null.</summary>
    public static DateTimeOffset? Time(string? text, string argument)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(text.Trim(), s_timeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw ToolErrorException.InvalidArgument(argument,
            $"{argument} '{UntrustedText.Clean(text, 40)}' is not a time; use ISO-8601 UTC such as 2026-03-01T13:00:00Z or a date such as 2026-03-01.");
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when absent.</summary>
    public static int Count(int? value, int fallback, int min, int max, string argument)
    {
        var n = value ?? fallback;
        if (n < min || n > max)
        {
            throw new ToolErrorException(new ToolError(
                n > max ? ToolErrorCodes.TooLarge : ToolErrorCodes.InvalidArgument,
                string.Create(CultureInfo.InvariantCulture, $"{argument} must be between {min} and {max}, not {n}{(n > max ? "; page through larger requests" : "")}."),
                Retryable: false, argument));
        }

        return n;
    }

    /// <summary>Checks that a range is ordered.</summary>
    public static void Ordered(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } f && to is { } t && t < f)
        {
            throw ToolErrorException.InvalidArgument("to", string.Create(CultureInfo.InvariantCulture, $"to ({Format(t)}) is before from ({Format(f)})."));
        }
    }

    /// <summary>A UTC time as ISO-8601 with seconds.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Unix seconds as ISO-8601 UTC.</summary>
    public static string FormatSeconds(long seconds) => Format(DateTimeOffset.FromUnixTimeSeconds(seconds));

    /// <summary>Unix milliseconds as ISO-8601 UTC with milliseconds.</summary>
    public static string FormatMilliseconds(long milliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
