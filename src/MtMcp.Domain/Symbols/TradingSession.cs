namespace MtMcp.Domain;

/// <summary>
/// One quote or trade session of a symbol on one weekday, as SymbolInfoSessionQuote/Trade report it.
/// </summary>
/// <param name="Day">Weekday the session starts on.</param>
/// <param name="FromMinute">Start, minutes after midnight (0..1440).</param>
/// <param name="ToMinute">End, minutes after midnight (FromMinute..1440); 1440 means the end of the day.</param>
public readonly record struct TradingSession(DayOfWeek Day, int FromMinute, int ToMinute)
{
    /// <summary>Whether the minute-of-day <paramref name="minute"/> on <paramref name="day"/> lies in the session.</summary>
    public bool Contains(DayOfWeek day, int minute) => day == Day && minute >= FromMinute && minute < ToMinute;

    /// <summary>
    /// The same weekly sessions on a clock <paramref name="by"/> ahead (whole minutes): broker server time to UTC is
    /// <c>-offset</c>, UTC to server time <c>+offset</c>. A session pushed across midnight is split at it; sessions that
    /// meet on the same day are joined.
    /// </summary>
    public static IReadOnlyList<TradingSession> Shift(IEnumerable<TradingSession> sessions, TimeSpan by)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        const int Day = 1440;
        const int Week = 7 * Day;
        var shift = (int)Math.Round(by.TotalMinutes);
        var shifted = new List<TradingSession>();
        foreach (var session in sessions)
        {
            var start = ((((int)session.Day * Day) + session.FromMinute + shift) % Week + Week) % Week;
            var end = start + (session.ToMinute - session.FromMinute);
            while (start < end)
            {
                var dayStart = start / Day * Day;
                var pieceEnd = Math.Min(end, dayStart + Day);
                shifted.Add(new TradingSession((DayOfWeek)(dayStart / Day % 7), start - dayStart, pieceEnd - dayStart));
                start = pieceEnd;
            }
        }

        shifted.Sort(static (a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : a.FromMinute.CompareTo(b.FromMinute));

        // Pieces that meet again on the new clock (a day split at the old midnight) become one session.
        var merged = new List<TradingSession>(shifted.Count);
        foreach (var session in shifted)
        {
            if (merged.Count > 0 && merged[^1] is var last && last.Day == session.Day && last.ToMinute >= session.FromMinute)
            {
                merged[^1] = last with { ToMinute = Math.Max(last.ToMinute, session.ToMinute) };
            }
            else
            {
                merged.Add(session);
            }
        }

        return merged;
    }
}
