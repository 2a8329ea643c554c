using MtMcp.Domain;

namespace MtMcp.Data.Store;

/// <summary>
/// An open snapshot of the bars of one symbol and timeframe, one span per column; <see cref="StoredSeries.Time"/> holds
/// bar open times in Unix seconds. See <see cref="StoredSeries"/>.
/// </summary>
public sealed class BarSeries : StoredSeries
{
    internal BarSeries(MappedColumns columns, Timeframe timeframe)
        : base(columns) => Timeframe = timeframe;

    /// <summary>The bar timeframe.</summary>
    public Timeframe Timeframe { get; }

    /// <summary>Open prices.</summary>
    public ReadOnlySpan<double> Open => Columns.Span<double>(BarLayout.OpenColumn);

    /// <summary>High prices.</summary>
    public ReadOnlySpan<double> High => Columns.Span<double>(BarLayout.HighColumn);

    /// <summary>Low prices.</summary>
    public ReadOnlySpan<double> Low => Columns.Span<double>(BarLayout.LowColumn);

    /// <summary>Close prices.</summary>
    public ReadOnlySpan<double> Close => Columns.Span<double>(BarLayout.CloseColumn);

    /// <summary>Tick counts.</summary>
    public ReadOnlySpan<long> TickVolume => Columns.Span<long>(BarLayout.TickVolumeColumn);

    /// <summary>Spreads in points.</summary>
    public ReadOnlySpan<int> Spread => Columns.Span<int>(BarLayout.SpreadColumn);

    /// <summary>Traded volumes.</summary>
    public ReadOnlySpan<long> RealVolume => Columns.Span<long>(BarLayout.RealVolumeColumn);

    /// <summary>The bar at <paramref name="index"/>, assembled from the columns.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <c>[0, Count)</c>.</exception>
    public Bar this[int index]
    {
        get
        {
            CheckIndex(index);
            return BarLayout.Read(Columns, index);
        }
    }
}
