namespace MtMcp.Indicators;

/// <summary>Feeding a stage of a composite stream: a new bar appends, an update of the forming bar replaces.</summary>
internal static class ValueStreamFeed
{
    /// <summary>Appends <paramref name="value"/>, or replaces the last value when <paramref name="replace"/> is set; returns the stage's value.</summary>
    public static double Feed(this IValueStream stream, double value, bool replace) =>
        replace ? stream.UpdateLast(value) : stream.Add(value);
}
