namespace MtMcp.Reports;

/// <summary>
/// Distribution of closed-trade returns: <c>Counts[k]</c> trades have a return in [<c>EdgesPct[k]</c>, <c>EdgesPct[k + 1]</c>)
/// (the last bin also holds its upper edge). Edges are multiples of the bin width, so 0 is an edge whenever wins and losses both occur.
/// </summary>
/// <param name="EdgesPct">Bin edges in percent, ascending; one more than the bins (empty when there are no trades).</param>
/// <param name="Counts">Trades per bin; they sum to the number of closed trades.</param>
public sealed record TradeHistogram(IReadOnlyList<double> EdgesPct, IReadOnlyList<int> Counts)
{
    /// <summary>No trades.</summary>
    public static TradeHistogram Empty { get; } = new([], []);
}
