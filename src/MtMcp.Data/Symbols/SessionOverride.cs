namespace MtMcp.Data.Symbols;

/// <summary>A session in configuration: <c>{ "day": "Monday", "from": "00:00", "to": "24:00" }</c>, UTC.</summary>
public sealed record SessionOverride
{
    /// <summary>Weekday the session is on.</summary>
    public DayOfWeek Day { get; init; }

    /// <summary>Start, <c>HH:mm</c>.</summary>
    public string From { get; init; } = "00:00";

    /// <summary>End, <c>HH:mm</c>; <c>24:00</c> is the end of the day.</summary>
    public string To { get; init; } = "24:00";
}
