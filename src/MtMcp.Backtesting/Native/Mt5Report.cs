using MtMcp.Engine;

namespace MtMcp.Backtesting;

/// <summary>
/// MT5 Strategy Tester report fields (reference/backtest-stats.md B.1) from a deal ledger. A trade is a deal with a result
/// (entry OUT, INOUT or OUT_BY); its result is profit + swap + commission of that deal.
/// </summary>
public sealed record Mt5Report
{
    /// <summary>Starting balance.</summary>
    public required decimal InitialDeposit { get; init; }

    /// <summary>Final balance − initial deposit (every deal: profits, swaps, commissions).</summary>
    public required decimal TotalNetProfit { get; init; }

    /// <summary>Sum of winning trade results.</summary>
    public required decimal GrossProfit { get; init; }

    /// <summary>Sum of losing trade results (negative).</summary>
    public required decimal GrossLoss { get; init; }

    /// <summary>Gross profit / |gross loss|; NaN with no loss.</summary>
    public required double ProfitFactor { get; init; }

    /// <summary>Net profit / trades.</summary>
    public required double ExpectedPayoff { get; init; }

    /// <summary>Trades (deals with a result).</summary>
    public required int TotalTrades { get; init; }

    /// <summary>All deals except balance operations.</summary>
    public required int TotalDeals { get; init; }

    /// <summary>Short trades (closing a short) and the share won, %.</summary>
    public required (int Count, double WonPct) ShortTrades { get; init; }

    /// <summary>Long trades and the share won, %.</summary>
    public required (int Count, double WonPct) LongTrades { get; init; }

    /// <summary>Best single trade result.</summary>
    public required decimal LargestProfitTrade { get; init; }

    /// <summary>Worst single trade result.</summary>
    public required decimal LargestLossTrade { get; init; }

    /// <summary>Longest winning streak (count, money).</summary>
    public required (int Count, decimal Money) MaxConsecutiveWins { get; init; }

    /// <summary>Longest losing streak (count, money).</summary>
    public required (int Count, decimal Money) MaxConsecutiveLosses { get; init; }

    /// <summary>Initial deposit − lowest balance below it (0 if never below).</summary>
    public required decimal BalanceDrawdownAbsolute { get; init; }

    /// <summary>Largest money drop of the balance from a high, and that drop in % of the high.</summary>
    public required (decimal Money, double Pct) BalanceDrawdownMaximal { get; init; }

    /// <summary>Largest percentage drop of the balance from a high, and its money value.</summary>
    public required (double Pct, decimal Money) BalanceDrawdownRelative { get; init; }

    /// <summary>Largest money drop of the per-bar equity from a high, and its % of that high.</summary>
    public required (double Money, double Pct) EquityDrawdownMaximal { get; init; }

    /// <summary>Computes the report.</summary>
    public static Mt5Report From(decimal deposit, IReadOnlyList<Deal> deals, IReadOnlyList<double> equity)
    {
        ArgumentNullException.ThrowIfNull(equity);
        var drawdown = new EquityDrawdown();
        foreach (var e in equity)
        {
            drawdown.Add(e);
        }

        return From(deposit, deals, drawdown);
    }

    /// <summary>Computes the report with the equity drawdown measured while the test ran.</summary>
    internal static Mt5Report From(decimal deposit, IReadOnlyList<Deal> deals, in EquityDrawdown equity)
    {
        ArgumentNullException.ThrowIfNull(deals);
        decimal balance = 0, gross = 0, loss = 0, best = 0, worst = 0, high = 0, low = deposit, maxDrop = 0, maxDropHigh = 0, relDrop = 0;
        double relPct = 0;
        int trades = 0, dealCount = 0, longs = 0, longWins = 0, shorts = 0, shortWins = 0;
        (int Count, decimal Money) wins = default, losses = default, run = default;
        var runWin = false;
        foreach (var deal in deals)
        {
            var result = deal.Profit + deal.Swap + deal.Commission;
            balance += result;
            if (deal.Type is DealType.Balance or DealType.Credit or DealType.Correction)
            {
                high = Math.Max(high, balance);
                continue;
            }

            dealCount++;
            if (deal.Entry is DealEntry.Out or DealEntry.InOut or DealEntry.OutBy)
            {
                trades++;
                var win = result > 0;
                // A sell deal closes a long position.
                (longs, longWins, shorts, shortWins) = deal.Type == DealType.Sell
                    ? (longs + 1, longWins + (win ? 1 : 0), shorts, shortWins)
                    : (longs, longWins, shorts + 1, shortWins + (win ? 1 : 0));
                gross += result > 0 ? result : 0;
                loss += result < 0 ? result : 0;
                best = trades == 1 ? result : Math.Max(best, result);
                worst = trades == 1 ? result : Math.Min(worst, result);
                run = run.Count > 0 && runWin == win ? (run.Count + 1, run.Money + result) : (1, result);
                runWin = win;
                if (win && run.Count > wins.Count)
                {
                    wins = run;
                }
                else if (!win && run.Count > losses.Count)
                {
                    losses = run;
                }
            }

            low = Math.Min(low, balance);
            if (high - balance > maxDrop)
            {
                (maxDrop, maxDropHigh) = (high - balance, high);
            }

            if (high > 0 && (double)((high - balance) / high) > relPct)
            {
                (relPct, relDrop) = ((double)((high - balance) / high), high - balance);
            }

            high = Math.Max(high, balance);
        }

        var net = balance - deposit;
        return new Mt5Report
        {
            InitialDeposit = deposit,
            TotalNetProfit = net,
            GrossProfit = gross,
            GrossLoss = loss,
            ProfitFactor = loss == 0 ? double.NaN : (double)(gross / -loss),
            ExpectedPayoff = trades == 0 ? double.NaN : (double)net / trades,
            TotalTrades = trades,
            TotalDeals = dealCount,
            ShortTrades = (shorts, shorts == 0 ? double.NaN : 100.0 * shortWins / shorts),
            LongTrades = (longs, longs == 0 ? double.NaN : 100.0 * longWins / longs),
            LargestProfitTrade = best,
            LargestLossTrade = worst,
            MaxConsecutiveWins = wins,
            MaxConsecutiveLosses = losses,
            BalanceDrawdownAbsolute = Math.Max(0, deposit - low),
            BalanceDrawdownMaximal = (maxDrop, maxDropHigh == 0 ? 0 : (double)(maxDrop / maxDropHigh) * 100),
            BalanceDrawdownRelative = (relPct * 100, relDrop),
            EquityDrawdownMaximal = (equity.Money, equity.Pct),
        };
    }
}
