namespace MtMcp.Backtesting;

/// <summary>Progress of an optimisation.</summary>
/// <param name="Completed">Passes finished.</param>
/// <param name="Total">Passes planned: the grid size, or the most a genetic search may run.</param>
public readonly record struct OptimizationProgress(int Completed, long Total);
