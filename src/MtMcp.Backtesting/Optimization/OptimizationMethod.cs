namespace MtMcp.Backtesting;

/// <summary>How the parameter space is searched (MT5's optimisation types, reference/backtest-stats.md B.3).</summary>
public enum OptimizationMethod
{
    /// <summary>Every combination ("slow complete algorithm").</summary>
    Grid,

    /// <summary>A seeded genetic search ("fast genetic based algorithm").</summary>
    Genetic,
}
