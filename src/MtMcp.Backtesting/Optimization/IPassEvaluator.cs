namespace MtMcp.Backtesting;

/// <summary>Runs one backtest pass and reduces it to statistics; the optimiser calls it from several threads at once.</summary>
/// <remarks>Implementations must be thread-safe and deterministic: a new strategy instance per call, no shared mutable state.</remarks>
public interface IPassEvaluator
{
    /// <summary>The names of the statistics <see cref="Evaluate"/> returns.</summary>
    StatisticNames Names { get; }

    /// <summary>Backtests <paramref name="parameters"/> on <paramref name="bars"/> (and nothing else).</summary>
    /// <exception cref="ArgumentException">The strategy refuses the parameters or the bars.</exception>
    PassStatistics Evaluate(ReadOnlyMemory<Bar> bars, StrategyParameters parameters);
}
