namespace MtMcp.Data.Store;

/// <summary>
/// Binary searches over a non-decreasing time column. Rows sharing a time (ticks of one millisecond) are adjacent, so
/// both bounds land on the edges of such a group, never inside it.
/// </summary>
internal static class TimeIndex
{
    /// <summary>Index of the first time ≥ <paramref name="time"/> (the first row of its group); <c>times.Length</c> when there is none.</summary>
    public static int LowerBound(ReadOnlySpan<long> times, long time)
    {
        int low = 0, high = times.Length;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            if (times[middle] < time)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>
    /// The rows whose time lies in <c>[from, to]</c>, every row of the groups at both ends included;
    /// empty when <paramref name="from"/> &gt; <paramref name="to"/>.
    /// </summary>
    public static RowRange Range(ReadOnlySpan<long> times, long from, long to)
    {
        var start = LowerBound(times, from);
        var end = to == long.MaxValue ? times.Length : LowerBound(times, to + 1);
        return new RowRange(start, Math.Max(0, end - start));
    }
}
