namespace MtMcp.Backtesting;

/// <summary>The outcome of one walk-forward window.</summary>
/// <param name="Window">The bar ranges.</param>
/// <param name="Best">The best in-sample pass (its statistics are the in-sample ones).</param>
/// <param name="OutOfSample">The best set's statistics on the out-of-sample bars.</param>
/// <param name="Efficiency">Out-of-sample annualised return / in-sample annualised return; NaN when the in-sample return is not positive.</param>
public sealed record WalkForwardWindowResult(WalkForwardWindow Window, OptimizationPass Best, PassStatistics OutOfSample, double Efficiency);
