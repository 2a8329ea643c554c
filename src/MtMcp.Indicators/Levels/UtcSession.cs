namespace MtMcp.Indicators;

/// <summary>
/// Daily sessions in UTC that start at a whole hour (00:00 by default): which session a bar belongs to, for the
/// session-anchored indicators (VWAP, pivot points). A fixed UTC hour does not follow daylight saving: an
/// anchor at the New York close is 21:00 UTC in summer and 22:00 in winter.
/// </summary>
internal static class UtcSession
{
    private const long SecondsPerHour = 3_600;
    private const long SecondsPerDay = 86_400;

    /// <summary>The <c>anchor_hour</c> parameter every session-anchored indicator takes.</summary>
    public static ParameterInfo AnchorHourParameter { get; } = ParameterInfo.Integer(
        "anchor_hour", 0, 0, 23, "UTC hour at which a daily session starts (0 = midnight UTC; 22 ≈ New York close in winter)", "anchor");

    /// <summary>
    /// The number of the session holding a bar that opens at <paramref name="time"/> (Unix seconds UTC), sessions
    /// starting at <paramref name="anchorHour"/>:00 UTC; consecutive sessions have consecutive numbers.
    /// </summary>
    public static long Of(long time, int anchorHour)
    {
        var shifted = time - (anchorHour * SecondsPerHour);
        var day = shifted / SecondsPerDay;
        return shifted % SecondsPerDay < 0 ? day - 1 : day;
    }
}
