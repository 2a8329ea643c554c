namespace MtMcp.Backtesting;

/// <summary>
/// What an optimisation maximises (or minimises): one of the MT5 tester criteria (reference/backtest-stats.md B.3) by name,
/// or a custom <see cref="StatisticsExpression"/> (maximised; negate it to minimise).
/// </summary>
/// <param name="Name">The criterion name, or <c>custom</c>.</param>
/// <param name="Expression">The formula over the statistics.</param>
/// <param name="Minimise">Whether lower is better.</param>
public sealed record OptimizationCriterion(string Name, string Expression, bool Minimise)
{
    private static readonly OptimizationCriterion[] s_named =
    [
        new("net_profit", "net_profit", false),
        new("sharpe", "sharpe_ratio", false),
        new("profit_factor", "profit_factor", false),
        new("recovery_factor", "recovery_factor", false),
        new("expected_payoff", "expected_payoff", false),
        // max_drawdown_pct is ≤ 0 (backtesting.py's sign): its magnitude is what is minimised.
        new("max_drawdown", "abs(max_drawdown_pct)", true),
    ];

    /// <summary>Maximise net profit (MT5's "balance max"), the default.</summary>
    public static OptimizationCriterion NetProfit => s_named[0];

    /// <summary>The named criteria.</summary>
    public static IReadOnlyList<OptimizationCriterion> Named => s_named;

    /// <summary>A named criterion (<c>net_profit</c>, <c>sharpe</c>, <c>profit_factor</c>, <c>recovery_factor</c>, <c>expected_payoff</c>, <c>max_drawdown</c>) or else a custom expression.</summary>
    public static OptimizationCriterion Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var trimmed = text.Trim();
        foreach (var c in s_named)
        {
            if (string.Equals(c.Name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        return new OptimizationCriterion("custom", trimmed, false);
    }

    /// <summary>Binds the expression to an evaluator's statistics.</summary>
    /// <exception cref="FormatException">The expression is invalid or names an unknown statistic.</exception>
    public StatisticsExpression Bind(StatisticNames names) => StatisticsExpression.Parse(Expression, names);
}
