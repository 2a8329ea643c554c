namespace MtMcp.Backtesting;

/// <summary>One confidence band.</summary>
/// <param name="Percentile">The percentile, in [0, 100].</param>
/// <param name="ReturnPct">That percentile of the final return, % of the starting capital.</param>
/// <param name="MaxDrawdownPct">That percentile of the maximum drawdown, % of the running peak (positive).</param>
public readonly record struct MonteCarloBand(double Percentile, double ReturnPct, double MaxDrawdownPct);
