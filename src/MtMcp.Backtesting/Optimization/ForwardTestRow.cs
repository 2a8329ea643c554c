namespace MtMcp.Backtesting;

/// <summary>One re-run of a forward test: the pass as optimised and its statistics on the forward bars.</summary>
/// <param name="Pass">The optimisation pass (in-sample statistics).</param>
/// <param name="Forward">The same parameters on the forward bars.</param>
/// <param name="ForwardScore">The criterion's value on the forward bars.</param>
public sealed record ForwardTestRow(OptimizationPass Pass, PassStatistics Forward, double ForwardScore);
