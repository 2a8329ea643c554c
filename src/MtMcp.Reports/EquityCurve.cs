namespace MtMcp.Reports;

/// <summary>
/// Equity and balance over time with the drawdown of the return series. The four lists have the same length,
/// one point per bar (backtests) or per deal (accounts).
/// </summary>
/// <param name="TimesMs">Point times, Unix milliseconds UTC, non-decreasing.</param>
/// <param name="Equity">Equity at each point.</param>
/// <param name="Balance">Balance at each point (realised results only).</param>
/// <param name="DrawdownPct">Drawdown from the running peak, in percent (0 at a new high, negative below it).</param>
public sealed record EquityCurve(IReadOnlyList<long> TimesMs, IReadOnlyList<double> Equity, IReadOnlyList<double> Balance, IReadOnlyList<double> DrawdownPct)
{
    /// <summary>A curve with no points.</summary>
    public static EquityCurve Empty { get; } = new([], [], [], []);

    /// <summary>Number of points.</summary>
    public int Count => TimesMs.Count;
}
