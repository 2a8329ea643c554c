using System.Globalization;

namespace MtMcp.Backtesting;

/// <summary>Conditions a pass must meet to count; a pass that fails one is kept in the table but never ranked best.</summary>
public sealed record OptimizationConstraints
{
    /// <summary>No constraint.</summary>
    public static OptimizationConstraints None { get; } = new();

    /// <summary>Fewest closed trades (0 = no limit).</summary>
    public int MinTrades { get; init; }

    /// <summary>Largest maximum drawdown in % (e.g. 20 for 20 %), or null for no limit.</summary>
    public double? MaxDrawdownPct { get; init; }

    /// <summary>Further conditions as <see cref="StatisticsExpression"/>s that must be true, e.g. <c>sharpe_ratio &gt; 0.5</c>.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];

    /// <summary>All constraints as one list of expressions bound to <paramref name="names"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is negative or not finite.</exception>
    /// <exception cref="FormatException">A condition is invalid.</exception>
    public IReadOnlyList<StatisticsExpression> Bind(StatisticNames names)
    {
        Validate();
        var texts = new List<string>(Conditions);
        if (MinTrades > 0)
        {
            texts.Add(string.Create(CultureInfo.InvariantCulture, $"trades >= {MinTrades}"));
        }

        if (MaxDrawdownPct is { } limit)
        {
            texts.Add(string.Create(CultureInfo.InvariantCulture, $"abs(max_drawdown_pct) <= {limit:R}"));
        }

        return [.. texts.Select(t => StatisticsExpression.Parse(t, names))];
    }

    /// <summary>Checks the limits.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is negative or not finite.</exception>
    public void Validate()
    {
        if (MinTrades < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MinTrades), MinTrades, "The minimum number of trades cannot be negative.");
        }

        if (MaxDrawdownPct is { } dd && !(dd >= 0 && dd <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDrawdownPct), dd, "The maximum drawdown limit is a percentage in [0, 100].");
        }
    }
}
