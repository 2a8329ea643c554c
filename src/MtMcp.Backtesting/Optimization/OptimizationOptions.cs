namespace MtMcp.Backtesting;

/// <summary>Settings of an optimisation.</summary>
public sealed record OptimizationOptions
{
    /// <summary>The search method.</summary>
    public OptimizationMethod Method { get; init; } = OptimizationMethod.Grid;

    /// <summary>What is optimised.</summary>
    public OptimizationCriterion Criterion { get; init; } = OptimizationCriterion.NetProfit;

    /// <summary>Conditions a pass must meet to be ranked.</summary>
    public OptimizationConstraints Constraints { get; init; } = OptimizationConstraints.None;

    /// <summary>Genetic search settings (used with <see cref="OptimizationMethod.Genetic"/>).</summary>
    public GeneticOptions Genetic { get; init; } = new();

    /// <summary>
    /// Most passes one optimisation may run: a grid larger than this is refused up front, a genetic search stops there.
    /// </summary>
    public int MaxPasses { get; init; } = 100_000;

    /// <summary>Worker threads; 0 = one per core. The results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>Checks the ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Criterion);
        ArgumentNullException.ThrowIfNull(Constraints);
        ArgumentNullException.ThrowIfNull(Genetic);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPasses, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxDegreeOfParallelism);
        Genetic.Validate();
    }
}
