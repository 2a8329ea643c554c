namespace MtMcp.Data.Store;

/// <summary>
/// What one write did with its input rows: <c>Added + Replaced + Unchanged</c> equals the number of rows passed in,
/// and the series grew by <c>Added - Removed</c> rows.
/// </summary>
/// <remarks>
/// Rows are matched by time. A bar's open time is unique, so each input bar meets at most one stored bar. Ticks
/// sharing a millisecond form a group with no key inside it: an input group replaces the stored group of its
/// millisecond as a whole, and the two are counted position by position. The k-th input tick of a group is
/// unchanged when the stored group's k-th tick is identical, replaced when that tick differs, and added when the
/// stored group has fewer than k + 1 ticks; stored ticks past the input group's size are removed. So an identical
/// group counts all its ticks unchanged, and a group of 3 replaced by a different group of 2 counts at most 2 replaced
/// and 1 removed.
/// </remarks>
/// <param name="Added">Input rows with no stored counterpart: a new time, or a tick beyond its stored group's size.</param>
/// <param name="Replaced">Input rows whose stored counterpart had different values; the new values won.</param>
/// <param name="Unchanged">Input rows identical (bit for bit) to their stored counterpart.</param>
public readonly record struct WriteResult(int Added, int Replaced, int Unchanged)
{
    /// <summary>
    /// Stored rows dropped because the input group of their millisecond was smaller (ticks only; always 0 for bars).
    /// </summary>
    public int Removed { get; init; }

    /// <summary>Whether the write changed the stored series.</summary>
    public bool Changed => Added != 0 || Replaced != 0 || Removed != 0;
}
