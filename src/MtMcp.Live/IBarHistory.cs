namespace MtMcp.Live;

/// <summary>Past bars a strategy warms up on when it starts or resumes (the bar store, else the demo market).</summary>
public interface IBarHistory
{
    /// <summary>
    /// The last (at most <paramref name="count"/>) bars of <paramref name="symbol"/> with open time in
    /// [<paramref name="fromTime"/>, <paramref name="throughTime"/>] (Unix s; no lower bound when null), oldest first;
    /// the last may be the bar still in progress.
    /// </summary>
    IReadOnlyList<Bar> Bars(string symbol, Timeframe timeframe, long? fromTime, long throughTime, int count);
}
