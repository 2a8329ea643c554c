namespace MtMcp.Backtesting;

/// <summary>
/// The outcome of an optimisation: every pass run, best first (feasible passes by the criterion, undefined scores after
/// defined ones, ties by combination number; then the passes that failed a constraint, in the same order).
/// </summary>
/// <param name="Space">The searched space.</param>
/// <param name="Method">The search method.</param>
/// <param name="Criterion">The criterion.</param>
/// <param name="Passes">The results table.</param>
/// <param name="Generations">Generations run (genetic), 1 for a grid.</param>
public sealed record OptimizationResult(
    ParameterSpace Space, OptimizationMethod Method, OptimizationCriterion Criterion, IReadOnlyList<OptimizationPass> Passes, int Generations)
{
    /// <summary>The best feasible pass with a defined score, or null when none.</summary>
    public OptimizationPass? Best => Passes.Count > 0 && Passes[0].Feasible && !double.IsNaN(Passes[0].Score) ? Passes[0] : null;

    /// <summary>Passes that met every constraint.</summary>
    public int FeasibleCount => Passes.Count(p => p.Feasible);
}
