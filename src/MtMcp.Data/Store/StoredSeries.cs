using static System.FormattableString;

namespace MtMcp.Data.Store;

/// <summary>
/// An open, read-only snapshot of one stored series over memory-mapped column files. Later writes to the series
/// do not change what it shows. Reading allocates nothing per row.
/// </summary>
/// <remarks>
/// Any number of threads may read concurrently; none may read once <see cref="Dispose"/> has been called, and spans
/// taken from the series must not be used after that either (they point into the released maps).
/// </remarks>
public abstract class StoredSeries : IDisposable
{
    private protected StoredSeries(MappedColumns columns) => Columns = columns;

    /// <summary>The symbol as stored (as first written; as asked for when the series does not exist).</summary>
    public string Symbol => Columns.Symbol;

    /// <summary>Rows in the snapshot; 0 for a series that does not exist.</summary>
    public int Count => Columns.Count;

    /// <summary>
    /// Row times: bar open times in Unix seconds (UTC), strictly increasing; tick times in Unix milliseconds (UTC),
    /// non-decreasing, since several ticks can share a millisecond (they keep the order they were written in).
    /// </summary>
    public ReadOnlySpan<long> Time => Columns.Span<long>(0);

    private protected MappedColumns Columns { get; }

    /// <summary>
    /// Index of the first row whose time is at or after <paramref name="time"/> (binary search), so the first of the
    /// ticks sharing that millisecond;
    /// <see cref="Count"/> when there is none. Time is in the series' unit: Unix seconds for bars, Unix milliseconds for ticks.
    /// </summary>
    public int LowerBound(long time) => TimeIndex.LowerBound(Time, time);

    /// <summary>
    /// The rows whose time lies in <c>[from, to]</c>, both ends included with every tick of their millisecond (series time unit);
    /// empty when none does or <paramref name="from"/> &gt; <paramref name="to"/>.
    /// </summary>
    public RowRange Range(long from, long to) => TimeIndex.Range(Time, from, to);

    /// <summary>
    /// Releases this snapshot's hold on the memory maps, which other open series of the same data may share; the store
    /// unmaps them when none holds them and they are not worth keeping. Calling it again does nothing.
    /// </summary>
    public void Dispose()
    {
        Columns.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected void CheckIndex(int index)
    {
        if (unchecked((uint)index >= (uint)Count))
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, Invariant($"Row index must be in [0, {Count})."));
        }
    }
}
