namespace MtMcp.Backtesting;

/// <summary>
/// The statistics of one backtest pass as named numbers (snake_case, NaN where undefined). Every evaluator provides at
/// least <c>net_profit</c>, <c>return_pct</c>, <c>duration_days</c>, <c>trades</c> and the criteria's statistics
/// (<see cref="OptimizationCriterion"/>).
/// </summary>
/// <remarks>Immutable; the name list is shared by every pass of one evaluator.</remarks>
public sealed class PassStatistics
{
    private readonly double[] _values;

    /// <summary>Creates the statistics <paramref name="values"/>, one per name of <paramref name="names"/>.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public PassStatistics(StatisticNames names, double[] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != names.Count)
        {
            throw new ArgumentException($"Expected {names.Count} statistics, got {values.Length}.", nameof(values));
        }

        Names = names;
        _values = values;
    }

    /// <summary>The statistic names, in order.</summary>
    public StatisticNames Names { get; }

    /// <summary>The values, in the order of <see cref="Names"/>.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The value of statistic <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No statistic of that name.</exception>
    public double this[string name] => _values[Names.IndexOf(name)];

    /// <summary>Net profit in the account currency.</summary>
    public double NetProfit => _values[Names.NetProfit];

    /// <summary>Return over the run, %.</summary>
    public double ReturnPct => _values[Names.ReturnPct];

    /// <summary>Length of the run in days.</summary>
    public double DurationDays => _values[Names.DurationDays];

    /// <summary>Number of closed trades.</summary>
    public int Trades => (int)_values[Names.Trades];
}
