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
}
