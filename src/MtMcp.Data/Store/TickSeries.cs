using MtMcp.Domain;

namespace MtMcp.Data.Store;

/// <summary>
/// An open snapshot of the ticks of one symbol, one span per column; <see cref="StoredSeries.Time"/> holds Unix
/// milliseconds, non-decreasing (ticks of one millisecond are adjacent, in the order written). See <see cref="StoredSeries"/>.
/// </summary>
public sealed class TickSeries : StoredSeries
{
    internal TickSeries(MappedColumns columns)
        : base(columns)
    {
    }

    /// <summary>Bid prices.</summary>
    public ReadOnlySpan<double> Bid => Columns.Span<double>(TickLayout.BidColumn);

    /// <summary>Ask prices.</summary>
    public ReadOnlySpan<double> Ask => Columns.Span<double>(TickLayout.AskColumn);

    /// <summary>Last deal prices (0 where the venue reports none).</summary>
    public ReadOnlySpan<double> Last => Columns.Span<double>(TickLayout.LastColumn);

    /// <summary>Deal volumes in lots (0 where none).</summary>
    public ReadOnlySpan<double> Volume => Columns.Span<double>(TickLayout.VolumeColumn);

    /// <summary>What each tick changed.</summary>
    public ReadOnlySpan<TickFlags> Flags => Columns.Span<TickFlags>(TickLayout.FlagsColumn);

    /// <summary>The tick at <paramref name="index"/>, assembled from the columns.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <c>[0, Count)</c>.</exception>
    public Tick this[int index]
    {
        get
        {
            CheckIndex(index);
            return TickLayout.Read(Columns, index);
        }
    }
}
