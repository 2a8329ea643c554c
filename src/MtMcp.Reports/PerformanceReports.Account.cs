using MtMcp.Backtesting;

namespace MtMcp.Reports;

/// <summary>Reports from a deal ledger: an account over a period, and the parts a native run shares with it.</summary>
public static partial class PerformanceReports
{
    /// <summary>
    /// The report of an account over [<paramref name="fromMs"/>, <paramref name="toMs"/>) from its deals ledger. The journal keeps
    /// deals, not quotes, so the curve is <b>rebuilt from the deals</b>: one point at the start (the balance before it) and one
    /// after each deal, with equity = balance at that moment (floating profit of positions open between deals is not known).
    /// Deposits, withdrawals, credit, corrections and bonuses are cash flows: they move the balance but are neither returns nor
    /// drawdowns (returns and drawdown come from a flow-adjusted index, <see cref="ReportFigures.ReturnIndex"/>).
    /// </summary>
    /// <param name="account">Account name (heading).</param>
    /// <param name="currency">Account currency.</param>
    /// <param name="deals">The whole ledger in ticket order (deals before the period give the starting balance and the trades' entries).</param>
    /// <param name="fromMs">Start of the period, Unix ms UTC (inclusive).</param>
    /// <param name="toMs">End of the period, Unix ms UTC (exclusive).</param>
    /// <exception cref="ArgumentException">The period is empty.</exception>
    public static PerformanceReport FromAccount(string account, string currency, IReadOnlyList<Deal> deals, long fromMs, long toMs)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(deals);
        if (toMs <= fromMs)
        {
            throw new ArgumentException($"The period must end after it starts ({IsoTime(fromMs)} .. {IsoTime(toMs)}).", nameof(toMs));
        }

        var opening = 0m;
        var inPeriod = new List<Deal>();
        foreach (var deal in deals)
        {
            if (deal.TimeMs < fromMs)
            {
                opening += Result(deal);
            }
            else if (deal.TimeMs < toMs)
            {
                inPeriod.Add(deal);
            }
        }

        var n = inPeriod.Count + 1;
        var times = new long[n];
        var balance = new double[n];
        var flows = new double[n];
        (times[0], balance[0]) = (fromMs, (double)opening);
        var ledger = opening;
        var flowTotal = 0m;
        for (var i = 1; i < n; i++)
        {
            var deal = inPeriod[i - 1];
            var result = Result(deal);
            ledger += result;
            times[i] = deal.TimeMs;
            balance[i] = (double)ledger;
            if (IsCashFlow(deal.Type))
            {
                flows[i] = (double)result;
                flowTotal += result;
            }
        }

        var index = ReportFigures.ReturnIndex(balance, flows);
        var drawdown = ReportFigures.DrawdownPct(index);
        var (trades, returns) = Trades(deals, fromMs, toMs);
        // Mt5Report counts from a balance operation: the opening balance stands in for the deposit.
        var ledgerDeals = new List<Deal>(inPeriod.Count + 1) { new() { Ticket = 0, Type = DealType.Balance, Profit = opening, TimeMs = fromMs } };
        ledgerDeals.AddRange(inPeriod);
        var report = Mt5Report.From(opening, ledgerDeals, balance);
        var summary = new List<ReportFigure>
        {
            ReportFigure.Of("from", "From", IsoTime(fromMs)),
            ReportFigure.Of("to", "To", IsoTime(toMs)),
        };
        // Time-weighted: the growth of the flow-adjusted index, defined even when the period starts before the first deposit.
        AddLedgerFigures(summary, report, opening, ledger, flowTotal, (index[^1] - 1) * 100, Min(drawdown));

        return new PerformanceReport
        {
            Kind = ReportKind.Account,
            Title = account,
            Subtitle = $"{IsoTime(fromMs)} .. {IsoTime(toMs)} · {currency}",
            Currency = currency,
            Notes =
            [
                "Rebuilt from the deals ledger: one point per deal, equity = balance after each deal (floating profit between deals is not in the journal).",
                "Deposits, withdrawals, credit, corrections and bonuses are cash flows: returns, monthly returns and drawdown use a flow-adjusted index.",
                "Trade returns are each closing deal's result over the balance before it; positions still open at the end are not listed.",
            ],
            Summary = summary,
            Curve = new EquityCurve(times, balance, balance, drawdown),
            MonthlyReturns = ReportFigures.MonthlyReturns(times, index),
            YearlyReturns = ReportFigures.YearlyReturns(times, index),
            Histogram = ReportFigures.Histogram(returns),
            Trades = trades,
        };
    }

    private static decimal Result(Deal deal) => deal.Profit + deal.Swap + deal.Commission;

    // Money paid in or out from outside trading; Mt5Report treats the same types as balance operations (plus bonus).
    private static bool IsCashFlow(DealType type) => type is DealType.Balance or DealType.Credit or DealType.Correction or DealType.Bonus;

    /// <summary>Trades closed in [from, to): each closing deal paired with the last entry of its position.</summary>
    private static (List<ReportTrade> Trades, double[] ReturnsPct) Trades(IReadOnlyList<Deal> deals, long fromMs, long toMs)
    {
        var entries = new Dictionary<ulong, Deal>();
        var trades = new List<ReportTrade>();
        var returns = new List<double>();
        var balance = 0m;
        foreach (var deal in deals)
        {
            var result = Result(deal);
            if (deal.Type is DealType.Buy or DealType.Sell)
            {
                if (deal.Entry is DealEntry.Out or DealEntry.InOut or DealEntry.OutBy && deal.TimeMs >= fromMs && deal.TimeMs < toMs)
                {
                    var found = entries.TryGetValue(deal.PositionId, out var entry);
                    // A sell deal closes a long position; a reversal (in/out) closes the volume that was open.
                    var volume = deal.Entry == DealEntry.InOut && found ? entry!.Volume : deal.Volume;
                    var size = (double)volume * (deal.Type == DealType.Sell ? 1 : -1);
                    var pct = balance > 0 ? (double)(result / balance) * 100 : double.NaN;
                    trades.Add(new ReportTrade(deal.Symbol, size, found ? entry!.TimeMs : deal.TimeMs, found ? entry!.Price : deal.Price,
                        deal.TimeMs, deal.Price, (double)result, pct));
                    if (double.IsFinite(pct))
                    {
                        returns.Add(pct);
                    }
                }

                if (deal.Entry is DealEntry.In or DealEntry.InOut)
                {
                    entries[deal.PositionId] = deal;
                }
            }

            balance += result;
        }

        return (trades, [.. returns]);
    }

    private static void AddLedgerFigures(List<ReportFigure> summary, Mt5Report r, decimal initial, decimal final, decimal flows, double returnPct, double maxDrawdownPct)
    {
        summary.Add(ReportFigure.Of("initial_balance", "Initial balance", (double)initial));
        summary.Add(ReportFigure.Of("final_balance", "Final balance", (double)final));
        summary.Add(ReportFigure.Of("deposits_withdrawals", "Deposits − withdrawals", (double)flows));
        var net = final - initial - flows;
        summary.Add(ReportFigure.Of("net_profit", "Net profit", (double)net));
        summary.Add(ReportFigure.Of("return_pct", "Return [%]", returnPct));
        summary.Add(ReportFigure.Of("gross_profit", "Gross profit", (double)r.GrossProfit));
        summary.Add(ReportFigure.Of("gross_loss", "Gross loss", (double)r.GrossLoss));
        summary.Add(ReportFigure.Of("profit_factor", "Profit factor", r.ProfitFactor));
        summary.Add(ReportFigure.Of("expected_payoff", "Expected payoff", r.TotalTrades > 0 ? (double)(r.GrossProfit + r.GrossLoss) / r.TotalTrades : double.NaN));
        summary.Add(ReportFigure.Of("total_trades", "Total trades", r.TotalTrades));
        summary.Add(ReportFigure.Of("total_deals", "Total deals", r.TotalDeals));
        summary.Add(ReportFigure.Of("long_trades", "Long trades", r.LongTrades.Count));
        summary.Add(ReportFigure.Of("long_trades_won_pct", "Long trades won [%]", r.LongTrades.WonPct));
        summary.Add(ReportFigure.Of("short_trades", "Short trades", r.ShortTrades.Count));
        summary.Add(ReportFigure.Of("short_trades_won_pct", "Short trades won [%]", r.ShortTrades.WonPct));
        summary.Add(ReportFigure.Of("largest_profit_trade", "Largest profit trade", (double)r.LargestProfitTrade));
        summary.Add(ReportFigure.Of("largest_loss_trade", "Largest loss trade", (double)r.LargestLossTrade));
        summary.Add(ReportFigure.Of("max_consecutive_wins", "Max consecutive wins", r.MaxConsecutiveWins.Count));
        summary.Add(ReportFigure.Of("max_consecutive_losses", "Max consecutive losses", r.MaxConsecutiveLosses.Count));
        summary.Add(ReportFigure.Of("balance_drawdown_absolute", "Balance drawdown absolute", (double)r.BalanceDrawdownAbsolute));
        summary.Add(ReportFigure.Of("balance_drawdown_maximal", "Balance drawdown maximal", (double)r.BalanceDrawdownMaximal.Money));
        summary.Add(ReportFigure.Of("balance_drawdown_relative_pct", "Balance drawdown relative [%]", r.BalanceDrawdownRelative.Pct));
        summary.Add(ReportFigure.Of("max_drawdown_pct", "Max drawdown [%]", maxDrawdownPct));
    }
}
