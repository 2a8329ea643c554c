using System.Buffers;

namespace MtMcp.Backtesting;

/// <summary>
/// Evaluates passes with <see cref="CompatBacktest"/>: backtesting.py's statistics (the snake_case keys of
/// <see cref="CompatStatistics.ToPairs"/>) plus the MT5-style <c>net_profit</c> (final equity − cash),
/// <c>max_drawdown_money</c> (largest drop of the equity from a peak), <c>recovery_factor</c> (net profit / that drop)
/// and <c>expected_payoff</c> (net profit / trades).
/// </summary>
/// <remarks>
/// Thread-safe: each call creates its own strategy from the factory. A pass keeps no result arrays: the equity curve goes
/// to a pooled buffer, and the bar-only part of the statistics (<see cref="CompatSeries"/>) is computed once per bar series
/// and reused while the passes run on the same bars, which must not change meanwhile. The statistics are those of a full
/// <see cref="CompatBacktest.Run"/>, bit for bit (the same code computes both).
/// </remarks>
public sealed class CompatPassEvaluator : IPassEvaluator
{
    private static readonly string[] s_derived = ["net_profit", "max_drawdown_money", "recovery_factor", "expected_payoff"];
    // The backtest keys come from ToPairs, which needs an instance: one computed once from a two-bar dummy run.
    private static readonly StatisticNames s_names = new(
        CompatStatistics.Compute([0, 1], [1, 1], [1, 1], [], 0).ToPairs().Select(p => p.Key).Concat(s_derived));

    private readonly Func<IStrategy> _factory;
    private readonly CompatOptions _options;
    private volatile SeriesCache? _series;

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
    public PassStatistics Evaluate(ReadOnlyMemory<Bar> bars, StrategyParameters parameters)
    {
        if (bars.IsEmpty)
        {
            throw new ArgumentException("No bars to backtest.", nameof(bars));
        }

        var equity = ArrayPool<double>.Shared.Rent(bars.Length);
        try
        {
            var statistics = CompatBacktest.RunStatistics(bars, _factory(), parameters, _options, Series(bars), equity);
            return Statistics(statistics, equity.AsSpan(0, bars.Length), _options.Cash);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(equity);
        }
    }

    /// <summary>The statistics of a finished run (also used to show a single backtest in optimisation terms).</summary>
    public static PassStatistics Statistics(BacktestResult run, double cash)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Statistics(run.Statistics, run.Equity as double[] ?? [.. run.Equity], cash);
    }

    private static PassStatistics Statistics(CompatStatistics statistics, ReadOnlySpan<double> equity, double cash)
    {
        var pairs = statistics.ToPairs();
        var values = new double[s_names.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            values[i] = pairs[i].Value;
        }

        double peak = double.NegativeInfinity, drop = 0;
        foreach (var e in equity)
        {
            peak = Math.Max(peak, e);
            drop = Math.Max(drop, peak - e);
        }

        var net = statistics.EquityFinal - cash;
        var trades = statistics.Trades;
        values[pairs.Count] = net;
        values[pairs.Count + 1] = drop;
        values[pairs.Count + 2] = drop > 0 ? net / drop : double.NaN;
        values[pairs.Count + 3] = trades > 0 ? net / trades : double.NaN;
        return new PassStatistics(s_names, values);
    }

    /// <summary>The bar-only statistics inputs of <paramref name="bars"/>: the cached ones while the bars are the same memory.</summary>
    private CompatSeries Series(ReadOnlyMemory<Bar> bars)
    {
        var cached = _series;
        if (cached is not null && cached.Bars.Equals(bars))
        {
            return cached.Series;
        }

        // Racing workers may each build it once; the results are equal, the last one stays cached.
        var series = CompatSeries.Of(bars.Span);
        _series = new SeriesCache(bars, series);
        return series;
    }

    private sealed record SeriesCache(ReadOnlyMemory<Bar> Bars, CompatSeries Series);
}
