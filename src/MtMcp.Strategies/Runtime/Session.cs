namespace MtMcp.Strategies;

/// <summary>When entries are allowed: a set of UTC weekdays and a UTC time-of-day window [start, end), wrapping midnight when end ≤ start.</summary>
internal sealed record Session(int DayMask, int StartMinute, int EndMinute, bool CloseOutside)
{
    /// <summary>Whether a bar opening at <paramref name="time"/> (Unix seconds) is inside the session.</summary>
    public bool Contains(long time)
    {
        var days = Math.DivRem(time, 86_400, out var second);
        if (second < 0)
        {
            second += 86_400;
            days--;
        }

        var weekday = (int)(((days % 7) + 11) % 7); // 1970-01-01 was a Thursday (4); 0 = Sunday.
        if ((DayMask & (1 << weekday)) == 0)
        {
            return false;
        }

        var minute = (int)(second / 60);
        return StartMinute == EndMinute
            || (StartMinute < EndMinute ? minute >= StartMinute && minute < EndMinute : minute >= StartMinute || minute < EndMinute);
    }
}
