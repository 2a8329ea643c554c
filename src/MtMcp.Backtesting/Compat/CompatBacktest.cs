namespace MtMcp.Backtesting;

/// <summary>
/// Runs a strategy with backtesting.py v0.6.6's execution semantics and statistics (reference/backtest-stats.md A):
/// bar-based, whole units, fills at the next bar's open (or this bar's close with
/// <see cref="CompatOptions.TradeOnClose"/>), relative spread and commission, FIFO netting unless hedging.
/// </summary>
/// <remarks>Deterministic and single-threaded; runs on separate instances may proceed in parallel.</remarks>
public static class CompatBacktest
{
    /// <summary>Runs <paramref name="strategy"/> over <paramref name="bars"/> (oldest first, at least one).</summary>
    /// <exception cref="ArgumentException">No bars, unordered bar times, a parameter the strategy does not know, or an invalid order.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static BacktestResult Run(ReadOnlyMemory<Bar> bars, IStrategy strategy, StrategyParameters? parameters = null, CompatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        options ??= new CompatOptions();
        var broker = Start(bars, strategy, parameters, options, null);
        return broker.Result(strategy.GetType().Name);
    }

    /// <summary>
    /// <see cref="Run"/> reduced to the statistics, for optimisation passes: the bar-only part of the
    /// statistics comes from <paramref name="series"/> (of these bars) and the equity curve goes to the caller's
    /// <paramref name="equity"/> buffer (at least one slot per bar; holds the curve afterwards), so a pass allocates no
    /// per-bar array.
    /// </summary>
    internal static CompatStatistics RunStatistics(
        ReadOnlyMemory<Bar> bars, IStrategy strategy, StrategyParameters? parameters, CompatOptions options, CompatSeries series, double[] equity)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentOutOfRangeException.ThrowIfNotEqual(series.Length, bars.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(equity.Length, bars.Length);
        return Start(bars, strategy, parameters, options, equity).Statistics(series);
    }

    /// <summary>Validates the input, then runs the strategy through every bar.</summary>
    private static CompatBroker Start(ReadOnlyMemory<Bar> bars, IStrategy strategy, StrategyParameters? parameters, CompatOptions options, double[]? equity)
    {
        options.Validate();
        if (bars.IsEmpty)
        {
            throw new ArgumentException("No bars to backtest.", nameof(bars));
        }

        var span = bars.Span;
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i].Time <= span[i - 1].Time)
            {
                throw new ArgumentException($"Bar times must increase: bar {i} is not after bar {i - 1}.", nameof(bars));
            }
        }

        var broker = new CompatBroker(bars, parameters ?? StrategyParameters.Empty, options, equity);
        broker.Run(strategy);
        return broker;
    }
}
