namespace MtMcp.Backtesting;

/// <summary>
/// Monte Carlo of a trade sequence: the trades' money results are replayed in random orders (resampled or shuffled,
/// seeded) from the starting capital, added one after another (no compounding of sizes), and the distribution of the final
/// return and of the maximum drawdown gives confidence bands.
/// </summary>
public static class MonteCarlo
{
    /// <summary>Simulates <paramref name="tradeProfits"/> (money per trade) from <paramref name="capital"/>.</summary>
    /// <exception cref="ArgumentException">No trades, a non-finite profit, a capital not positive, or an option out of range.</exception>
    public static MonteCarloResult Run(IReadOnlyList<double> tradeProfits, double capital, MonteCarloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tradeProfits);
        options ??= new MonteCarloOptions();
        if (tradeProfits.Count == 0)
        {
            throw new ArgumentException("Monte Carlo needs at least one trade.", nameof(tradeProfits));
        }

        if (!(capital > 0) || !double.IsFinite(capital))
        {
            throw new ArgumentException("The starting capital must be a positive amount.", nameof(capital));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.Simulations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Simulations, 1_000_000);
        foreach (var p in options.Percentiles)
        {
            if (!(p >= 0 && p <= 100))
            {
                throw new ArgumentException($"Percentiles are in [0, 100], not {p}.", nameof(options));
            }
        }

        var trades = new double[tradeProfits.Count];
        for (var i = 0; i < trades.Length; i++)
        {
            trades[i] = double.IsFinite(tradeProfits[i]) ? tradeProfits[i] : throw new ArgumentException($"Trade {i} has no finite profit.", nameof(tradeProfits));
        }

        var random = new Random(options.Seed);
        var order = new double[trades.Length];
        var returns = new double[options.Simulations];
        var drawdowns = new double[options.Simulations];
        for (var s = 0; s < options.Simulations; s++)
        {
            if (options.Method == MonteCarloMethod.Shuffle)
            {
                trades.CopyTo(order, 0);
                random.Shuffle(order);
            }
            else
            {
                for (var i = 0; i < order.Length; i++)
                {
                    order[i] = trades[random.Next(trades.Length)];
                }
            }

            (returns[s], drawdowns[s]) = Path(order, capital);
        }

        Array.Sort(returns);
        Array.Sort(drawdowns);
        var bands = new MonteCarloBand[options.Percentiles.Count];
        for (var i = 0; i < bands.Length; i++)
        {
            var p = options.Percentiles[i];
            bands[i] = new MonteCarloBand(p, Percentile(returns, p), Percentile(drawdowns, p));
        }

        return new MonteCarloResult(options.Simulations, trades.Length, bands);
    }

    /// <summary>
    /// The final return and the maximum drawdown (both %) of the balance that starts at <paramref name="capital"/> and adds
    /// <paramref name="profits"/> in order; the drawdown is the largest fall from a running peak, in % of that peak.
    /// </summary>
    public static (double ReturnPct, double MaxDrawdownPct) Path(ReadOnlySpan<double> profits, double capital)
    {
        double balance = capital, peak = capital, worst = 0;
        foreach (var p in profits)
        {
            balance += p;
            peak = Math.Max(peak, balance);
            worst = Math.Max(worst, (peak - balance) / peak);
        }

        return ((balance - capital) / capital * 100, worst * 100);
    }

    /// <summary>
    /// Percentile <paramref name="p"/> (0 to 100) of ascending <paramref name="sorted"/> values by linear interpolation between
    /// closest ranks (numpy's default): rank <c>p/100 × (n − 1)</c>.
    /// </summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var rank = p / 100 * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((rank - lo) * (sorted[hi] - sorted[lo]));
    }
}
