namespace MtMcp.Backtesting;

/// <summary>
/// Settings of a backtesting.py-compatible run, named and defaulted as backtesting.py v0.6.6's <c>Backtest</c>, except
/// <see cref="FinalizeTrades"/> (true here: open trades are closed at the end so they count in the statistics).
/// </summary>
public sealed record CompatOptions
{
    /// <summary>Starting cash.</summary>
    public double Cash { get; init; } = 10_000;

    /// <summary>Relative spread applied to entry prices: buys at <c>price × (1 + spread)</c>, sells at <c>price × (1 − spread)</c>.</summary>
    public double Spread { get; init; }

    /// <summary>Fixed commission per fill, in cash.</summary>
    public double CommissionFixed { get; init; }

    /// <summary>Relative commission per fill: <c>relative × |size| × price</c>.</summary>
    public double CommissionRelative { get; init; }

    /// <summary>A commission function <c>(size, price) → cash</c> replacing the fixed and relative parts when set.</summary>
    public Func<double, double, double>? Commission { get; init; }

    /// <summary>Required margin ratio (1 / leverage), in (0, 1].</summary>
    public double Margin { get; init; } = 1;

    /// <summary>Market orders fill at the close of the bar they were placed on instead of the next open.</summary>
    public bool TradeOnClose { get; init; }

    /// <summary>Allow trades in both directions at once; otherwise opposite orders close trades first (FIFO).</summary>
    public bool Hedging { get; init; }

    /// <summary>Every new order first cancels the other orders and closes every trade.</summary>
    public bool ExclusiveOrders { get; init; }

    /// <summary>Close the trades still open after the last bar (at its open) so they count in the statistics.</summary>
    public bool FinalizeTrades { get; init; } = true;

    /// <summary>Risk-free rate for Sharpe, Sortino and Alpha, as a fraction in (−1, 1).</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>The commission of one fill of <paramref name="size"/> units at <paramref name="price"/>.</summary>
    public double CommissionOf(double size, double price) =>
        Commission is { } f ? f(size, price) : CommissionFixed + Math.Abs(size) * price * CommissionRelative;

    /// <summary>Checks the ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!(Cash > 0) || !double.IsFinite(Cash))
        {
            throw new ArgumentOutOfRangeException(nameof(Cash), Cash, "Cash must be a positive number.");
        }

        if (!(Spread >= 0 && Spread < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Spread), Spread, "Spread is a relative fraction in [0, 1), e.g. 0.0002.");
        }

        if (!(CommissionRelative > -1 && CommissionRelative < 1) || !(CommissionFixed >= 0) || !double.IsFinite(CommissionFixed))
        {
            throw new ArgumentOutOfRangeException(nameof(CommissionRelative), CommissionRelative,
                "Commission is a relative fraction in (−1, 1) (e.g. 0.002) plus an optional fixed amount ≥ 0 per fill.");
        }

        if (!(Margin > 0 && Margin <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "Margin is 1 / leverage, in (0, 1].");
        }

        if (!(RiskFreeRate > -1 && RiskFreeRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RiskFreeRate), RiskFreeRate, "The risk-free rate is a fraction in (−1, 1).");
        }
    }
}
