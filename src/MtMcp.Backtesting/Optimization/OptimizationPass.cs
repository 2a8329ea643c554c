namespace MtMcp.Backtesting;

/// <summary>One row of the results table.</summary>
/// <param name="Combination">The combination number in the <see cref="ParameterSpace"/>.</param>
/// <param name="Values">The parameter values, in the order of <see cref="ParameterSpace.Ranges"/>.</param>
/// <param name="Statistics">The pass's statistics.</param>
/// <param name="Score">The criterion's value (NaN when undefined, e.g. a profit factor without losing trades).</param>
/// <param name="Feasible">Whether the pass meets every constraint.</param>
public sealed record OptimizationPass(long Combination, IReadOnlyList<double> Values, PassStatistics Statistics, double Score, bool Feasible)
{
    /// <summary>Whether the criterion is minimised (lower scores rank first).</summary>
    internal bool Minimise { get; init; }
}
