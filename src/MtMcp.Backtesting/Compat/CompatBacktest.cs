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

        var broker = new CompatBroker(bars, parameters ?? StrategyParameters.Empty, options);
        broker.Run(strategy);
        return broker.Result(strategy.GetType().Name);
    }
}
