using System.Diagnostics.CodeAnalysis;

namespace MtMcp.Domain;

/// <summary>
/// Bar-boundary arithmetic for <see cref="Timeframe"/>: every bar is keyed by its open time,
/// in Unix seconds (UTC), exactly as MetaTrader keys MqlRates.
/// </summary>
public static class Timeframes
{
    private const long SecondsPerDay = 86_400;

    // 1970-01-01 was a Thursday; the first Sunday after it is 1970-01-04.
    private const long FirstSunday = 3 * SecondsPerDay;

    private static readonly Timeframe[] s_all =
    [
        Timeframe.M1, Timeframe.M2, Timeframe.M3, Timeframe.M4, Timeframe.M5, Timeframe.M6,
        Timeframe.M10, Timeframe.M12, Timeframe.M15, Timeframe.M20, Timeframe.M30,
        Timeframe.H1, Timeframe.H2, Timeframe.H3, Timeframe.H4, Timeframe.H6, Timeframe.H8, Timeframe.H12,
        Timeframe.D1, Timeframe.W1, Timeframe.MN1,
    ];

    /// <summary>All 21 timeframes, shortest first.</summary>
    public static IReadOnlyList<Timeframe> All => s_all;

    /// <summary>
    /// The nominal length of one bar in seconds; for <see cref="Timeframe.MN1"/> this is 30 days,
    /// use <see cref="BarOpenTime"/> and <see cref="NextBarOpenTime"/> for real month boundaries.
    /// </summary>
    public static long Seconds(this Timeframe timeframe) => timeframe switch
    {
        <= Timeframe.M30 when timeframe >= Timeframe.M1 => (long)timeframe * 60,
        >= Timeframe.H1 and <= Timeframe.H12 => ((long)timeframe - 16384) * 3600,
        Timeframe.D1 => SecondsPerDay,
        Timeframe.W1 => 7 * SecondsPerDay,
        Timeframe.MN1 => 30 * SecondsPerDay,
        _ => throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe, "Not an MT5 timeframe."),
    };

    /// <summary>Whether <paramref name="timeframe"/> is one of the 21 defined values.</summary>
    public static bool IsDefined(Timeframe timeframe) => Array.IndexOf(s_all, timeframe) >= 0;

    /// <summary>The open time (Unix seconds) of the bar that contains <paramref name="unixSeconds"/>.</summary>
    public static long BarOpenTime(this Timeframe timeframe, long unixSeconds)
    {
        switch (timeframe)
        {
            case Timeframe.MN1:
                var date = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
                return new DateTimeOffset(date.Year, date.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
            case Timeframe.W1:
                return FloorTo(unixSeconds - FirstSunday, 7 * SecondsPerDay) + FirstSunday;
            default:
                // Intraday periods divide the day, so flooring from the epoch aligns them to midnight.
                return FloorTo(unixSeconds, timeframe.Seconds());
        }
    }

    /// <summary>The open time of the bar after the one that opens at <paramref name="barOpenTime"/>.</summary>
    public static long NextBarOpenTime(this Timeframe timeframe, long barOpenTime)
    {
        if (timeframe != Timeframe.MN1)
        {
            return barOpenTime + timeframe.Seconds();
        }

        return DateTimeOffset.FromUnixTimeSeconds(barOpenTime).AddMonths(1).ToUnixTimeSeconds();
    }

    /// <summary>The MetaTrader name of the timeframe (<c>M1</c>, <c>H4</c>, <c>MN1</c>).</summary>
    public static string Name(this Timeframe timeframe) =>
        IsDefined(timeframe) ? timeframe.ToString() : throw new ArgumentOutOfRangeException(nameof(timeframe));

    /// <summary>
    /// Parses an MT5 timeframe name, case-insensitively (<c>m1</c>, <c>H4</c>, <c>PERIOD_D1</c>, <c>MN1</c>;
    /// also <c>MN</c> for months).
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Timeframe? timeframe)
    {
        timeframe = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var name = text.Trim();
        if (name.StartsWith("PERIOD_", StringComparison.OrdinalIgnoreCase))
        {
            name = name[7..];
        }

        if (name.Equals("MN", StringComparison.OrdinalIgnoreCase))
        {
            name = "MN1";
        }

        foreach (var candidate in s_all)
        {
            if (candidate.ToString().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                timeframe = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses an MT5 timeframe name or throws with the list of allowed names.</summary>
    /// <exception cref="FormatException">The text names no MT5 timeframe.</exception>
    public static Timeframe Parse(string text) =>
        TryParse(text, out var timeframe)
            ? timeframe.Value
            : throw new FormatException($"Unknown timeframe '{text}'. Allowed: {string.Join(", ", s_all)}.");

    private static long FloorTo(long value, long step)
    {
        var remainder = value % step;
        return remainder >= 0 ? value - remainder : value - remainder - step;
    }
}
