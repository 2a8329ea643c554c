using System.Globalization;

namespace MtMcp.Data.Import;

/// <summary>
/// Parses the date and time spellings of market-data files from UTF-8 bytes into milliseconds since the
/// Unix epoch, without <see cref="DateTime"/> or strings on the hot path.
/// </summary>
internal static class DateTimeText
{
    public const long MsPerSecond = 1000;
    public const long MsPerDay = 86_400_000;

    /// <summary>What a date-time field may look like, for error messages.</summary>
    public const string AllowedDateTimes =
        "allowed: 2024-01-31, 2024.01.31 or 20240131, optionally followed by ' ' or 'T' and 13:45, 13:45:10, "
        + "13:45:10.123 or 134510, optionally 'Z' or an offset like +02:00; or Unix seconds or milliseconds";

    /// <summary>What a time-of-day field may look like, for error messages.</summary>
    public const string AllowedTimes = "allowed: 13:45, 13:45:10, 13:45:10.123 or 134510";

    // Unix numbers below this are seconds (until the year 5138), above it milliseconds (after March 1973).
    private const long UnixSecondsLimit = 100_000_000_000;

    /// <summary>
    /// Parses a date, a date with a time, or a Unix number. <paramref name="absolute"/> is true when the text
    /// fixes the instant itself (a zone suffix or a Unix number), so the file's clock must not be applied.
    /// </summary>
    public static bool TryParseDateTime(ReadOnlySpan<byte> text, out long ms, out bool absolute)
    {
        ms = 0;
        absolute = false;
        if (text.IsEmpty)
        {
            return false;
        }

        if (IsAllDigits(text))
        {
            if (text.Length > 15 || !TryDigits(text, out var number))
            {
                return false;
            }

            absolute = true;
            ms = number < UnixSecondsLimit ? number * MsPerSecond : number;
            return true;
        }

        if (!TryParseDatePrefix(text, out var dayMs, out var used))
        {
            return false;
        }

        text = text[used..];
        if (text.IsEmpty)
        {
            ms = dayMs;
            return true;
        }

        if (text[0] != (byte)' ' && text[0] != (byte)'T')
        {
            return false;
        }

        text = text[1..];
        var zoneAt = text.IndexOfAny((byte)'Z', (byte)'+', (byte)'-');
        var offsetMs = 0L;
        if (zoneAt >= 0)
        {
            if (!TryParseZone(text[zoneAt..], out offsetMs))
            {
                return false;
            }

            absolute = true;
            text = text[..zoneAt];
        }

        if (!TryParseTimeOfDay(text, out var timeMs))
        {
            return false;
        }

        ms = dayMs + timeMs - offsetMs;
        return true;
    }

    /// <summary>Parses a date alone (<c>2024-01-31</c>, <c>2024.01.31</c>, <c>2024/01/31</c>, <c>20240131</c>).</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> text, out long dayMs) =>
        TryParseDatePrefix(text, out dayMs, out var used) && used == text.Length;

    /// <summary>Parses <c>HH:mm</c>, <c>HH:mm:ss</c>, <c>HH:mm:ss.fff</c> (1–9 fraction digits) or <c>HHmmss</c>.</summary>
    public static bool TryParseTimeOfDay(ReadOnlySpan<byte> text, out long ms)
    {
        ms = 0;
        int hour, minute, second = 0, fractionMs = 0;
        if (text.Length == 6 && IsAllDigits(text))
        {
            hour = Two(text, 0);
            minute = Two(text, 2);
            second = Two(text, 4);
        }
        else
        {
            if (text.Length < 5 || text[2] != (byte)':' || !TryTwo(text, 0, out hour) || !TryTwo(text, 3, out minute))
            {
                return false;
            }

            if (text.Length > 5)
            {
                if (text.Length < 8 || text[5] != (byte)':' || !TryTwo(text, 6, out second))
                {
                    return false;
                }

                if (text.Length > 8 && !TryParseFraction(text[8..], out fractionMs))
                {
                    return false;
                }
            }
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        ms = (((((hour * 60L) + minute) * 60) + second) * MsPerSecond) + fractionMs;
        return true;
    }

    /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).</summary>
    public static long DaysFromCivil(int year, int month, int day)
    {
        var y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097L) + dayOfEra - 719_468;
    }

    /// <summary>Formats Unix milliseconds for messages: <c>2024-01-31 13:45:10.123 UTC</c>.</summary>
    public static string FormatUtc(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString(
            ms % MsPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss 'UTC'" : "yyyy-MM-dd HH:mm:ss.fff 'UTC'",
            CultureInfo.InvariantCulture);

    private static bool TryParseDatePrefix(ReadOnlySpan<byte> text, out long dayMs, out int used)
    {
        dayMs = 0;
        used = 0;
        int year, month, day;
        if (text.Length >= 10 && (text[4] == (byte)'-' || text[4] == (byte)'.' || text[4] == (byte)'/') && text[7] == text[4])
        {
            if (!TryFour(text, 0, out year) || !TryTwo(text, 5, out month) || !TryTwo(text, 8, out day))
            {
                return false;
            }

            used = 10;
        }
        else if (text.Length >= 8 && IsAllDigits(text[..8]) && (text.Length == 8 || !IsDigit(text[8])))
        {
            year = (Two(text, 0) * 100) + Two(text, 2);
            month = Two(text, 4);
            day = Two(text, 6);
            used = 8;
        }
        else
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        dayMs = DaysFromCivil(year, month, day) * MsPerDay;
        return true;
    }

    // 'Z', or +HH:mm / -HH:mm / +HHmm / +HH; returns the offset east of UTC.
    private static bool TryParseZone(ReadOnlySpan<byte> text, out long offsetMs)
    {
        offsetMs = 0;
        if (text.Length == 1 && text[0] == (byte)'Z')
        {
            return true;
        }

        if (text[0] == (byte)'Z' || text.Length < 3 || !TryTwo(text, 1, out var hours))
        {
            return false;
        }

        var minutes = 0;
        var rest = text[3..];
        if (rest.Length > 0 && rest[0] == (byte)':')
        {
            rest = rest[1..];
        }

        if ((rest.Length != 0 && rest.Length != 2) || (rest.Length == 2 && !TryTwo(rest, 0, out minutes)) || hours > 14 || minutes > 59)
        {
            return false;
        }

        offsetMs = ((hours * 60L) + minutes) * 60 * MsPerSecond * (text[0] == (byte)'-' ? -1 : 1);
        return true;
    }

    private static bool TryParseFraction(ReadOnlySpan<byte> text, out int ms)
    {
        ms = 0;
        if (text.Length < 2 || text.Length > 10 || text[0] != (byte)'.' || !IsAllDigits(text[1..]))
        {
            return false;
        }

        // Milliseconds are the resolution of MT5 ticks; finer digits are dropped.
        var scale = 100;
        for (var i = 1; i < text.Length && scale > 0; i++, scale /= 10)
        {
            ms += (text[i] - '0') * scale;
        }

        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        foreach (var b in text)
        {
            value = (value * 10) + (b - '0');
        }

        return text.Length > 0;
    }

    private static bool IsDigit(byte b) => unchecked((uint)(b - '0')) <= 9;

    private static bool IsAllDigits(ReadOnlySpan<byte> text) => text.Length > 0 && !text.ContainsAnyExceptInRange((byte)'0', (byte)'9');

    private static int Two(ReadOnlySpan<byte> text, int at) => ((text[at] - '0') * 10) + (text[at + 1] - '0');

    private static bool TryTwo(ReadOnlySpan<byte> text, int at, out int value)
    {
        value = 0;
        if (at + 2 > text.Length || !IsDigit(text[at]) || !IsDigit(text[at + 1]))
        {
            return false;
        }

        value = Two(text, at);
        return true;
    }

    private static bool TryFour(ReadOnlySpan<byte> text, int at, out int value)
    {
        value = 0;
        if (!TryTwo(text, at, out var high) || !TryTwo(text, at + 2, out var low))
        {
            return false;
        }

        value = (high * 100) + low;
        return true;
    }
}
