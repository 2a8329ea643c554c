namespace MtMcp.Backtesting;

/// <summary>
/// Evaluates passes with <see cref="CompatBacktest"/>: backtesting.py's statistics (the snake_case keys of
/// <see cref="CompatStatistics.ToPairs"/>) plus the MT5-style <c>net_profit</c> (final equity − cash),
/// <c>max_drawdown_money</c> (largest drop of the equity from a peak), <c>recovery_factor</c> (net profit / that drop)
/// and <c>expected_payoff</c> (net profit / trades).
/// </summary>
/// <remarks>Thread-safe: each call creates its own strategy from the factory.</remarks>
public sealed class CompatPassEvaluator : IPassEvaluator
{
    private static readonly string[] s_derived = ["net_profit", "max_drawdown_money", "recovery_factor", "expected_payoff"];
    // The backtest keys come from ToPairs, which needs an instance: one computed once from a two-bar dummy run.
    private static readonly StatisticNames s_names = new(
        CompatStatistics.Compute([0, 1], [1, 1], [1, 1], [], 0).ToPairs().Select(p => p.Key).Concat(s_derived));

    private readonly Func<IStrategy> _factory;
    private readonly CompatOptions _options;

    /// <summary>Creates the evaluator for strategies from <paramref name="factory"/> (called once per pass) under <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public CompatPassEvaluator(Func<IStrategy> factory, CompatOptions options)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _factory = factory;
        _options = options;
    }

    /// <inheritdoc />
    public StatisticNames Names => s_names;

    /// <inheritdoc />
    public PassStatistics Evaluate(ReadOnlyMemory<Bar> bars, StrategyParameters parameters) =>
        Statistics(CompatBacktest.Run(bars, _factory(), parameters, _options), _options.Cash);

    /// <summary>The statistics of a finished run (also used to show a single backtest in optimisation terms).</summary>
    public static PassStatistics Statistics(BacktestResult run, double cash)
    {
        ArgumentNullException.ThrowIfNull(run);
        var pairs = run.Statistics.ToPairs();
        var values = new double[s_names.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            values[i] = pairs[i].Value;
        }

        double peak = double.NegativeInfinity, drop = 0;
        foreach (var e in run.Equity)
        {
            peak = Math.Max(peak, e);
            drop = Math.Max(drop, peak - e);
        }

        var net = run.Statistics.EquityFinal - cash;
        var trades = run.Statistics.Trades;
        values[pairs.Count] = net;
        values[pairs.Count + 1] = drop;
        values[pairs.Count + 2] = drop > 0 ? net / drop : double.NaN;
        values[pairs.Count + 3] = trades > 0 ? net / trades : double.NaN;
        return new PassStatistics(s_names, values);
    }
}
