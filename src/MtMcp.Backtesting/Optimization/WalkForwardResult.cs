namespace MtMcp.Backtesting;

/// <summary>
/// The outcome of a walk-forward analysis: per window, and the out-of-sample parts stitched end to end (each starts from the
/// same capital, so their returns compound).
/// </summary>
/// <param name="Windows">Per-window results, in time order.</param>
/// <param name="OutOfSampleReturnPct">The compounded out-of-sample return, %: ∏(1 + rᵢ) − 1.</param>
/// <param name="OutOfSampleNetProfit">Sum of the out-of-sample net profits.</param>
/// <param name="OutOfSampleTrades">Sum of the out-of-sample trades.</param>
/// <param name="Efficiency">
/// Walk-forward efficiency: the out-of-sample return per day over the in-sample return per day, both summed over the
/// windows (NaN when the in-sample sum is not positive). Near 1: the optimised edge carried over; near 0 or negative: it did not.
/// </param>
public sealed record WalkForwardResult(
    IReadOnlyList<WalkForwardWindowResult> Windows, double OutOfSampleReturnPct, double OutOfSampleNetProfit, int OutOfSampleTrades, double Efficiency);
