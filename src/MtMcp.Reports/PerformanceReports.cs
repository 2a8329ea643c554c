using System.Globalization;
using MtMcp.Backtesting;

namespace MtMcp.Reports;

/// <summary>
/// Builds <see cref="PerformanceReport"/>s from a backtesting.py-compatible run, a native (MT5-semantics) run, or an account's
/// deals over a period. Pure functions of their inputs: the same input gives the same report.
/// </summary>
public static partial class PerformanceReports
{
    /// <summary>
    /// The report of a backtesting.py-compatible run over <paramref name="bars"/>: its equity per bar, balance = starting cash
    /// plus the results of the trades closed so far, drawdown and monthly returns of the equity, its trades and statistics.
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="bars">The bars it ran on (one per equity point).</param>
    /// <param name="symbol">Symbol of the bars.</param>
    /// <param name="subtitle">Line under the heading (timeframe, parameters…).</param>
    /// <exception cref="ArgumentException">The bars do not match the run's equity curve.</exception>
    public static PerformanceReport FromBacktest(BacktestResult run, ReadOnlySpan<Bar> bars, string symbol, string subtitle = "")
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(symbol);
        var n = run.Equity.Count;
        if (bars.Length != n || run.Times.Count != n)
        {
            throw new ArgumentException($"The run has {n} equity points and {run.Times.Count} times but {bars.Length} bars were given: pass the bars it ran on.", nameof(bars));
        }

        var times = new long[n];
        var equity = new double[n];
        var balance = new double[n];
        var close = new double[n];
        var cash = n > 0 ? run.Equity[0] : 0;
        var realised = 0.0;
        var next = 0;
        for (var i = 0; i < n; i++)
        {
            times[i] = bars[i].Time * 1000;
            close[i] = bars[i].Close;
            equity[i] = run.Equity[i];
            // Trades are in closing order, so their exit bars do not decrease.
            for (; next < run.Trades.Count && run.Trades[next].ExitBar <= i; next++)
            {
                realised += run.Trades[next].Profit;
            }

            balance[i] = cash + realised;
        }

        var trades = new List<ReportTrade>(run.Trades.Count + run.OpenTrades.Count);
        var returns = new double[run.Trades.Count];
        for (var i = 0; i < run.Trades.Count; i++)
        {
            var t = run.Trades[i];
            trades.Add(new ReportTrade(symbol, t.Size, t.EntryTime * 1000, t.EntryPrice, t.ExitTime * 1000, t.ExitPrice, t.Profit, t.ReturnPct * 100));
            returns[i] = t.ReturnPct * 100;
        }

        foreach (var t in run.OpenTrades)
        {
            trades.Add(new ReportTrade(symbol, t.Size, t.EntryTime * 1000, t.EntryPrice, null, null, t.Profit, t.ReturnPct * 100));
        }

        var summary = new List<ReportFigure>();
        foreach (var (key, value) in run.Statistics.ToPairs())
        {
            summary.Add(key is "start" or "end" ? ReportFigure.Of(key, Label(key), IsoTime((long)value * 1000)) : ReportFigure.Of(key, Label(key), value));
        }

        return new PerformanceReport
        {
            Kind = ReportKind.Backtest,
            Title = run.Strategy,
            Subtitle = subtitle,
            Notes =
            [
                "backtesting.py-compatible run (v0.6.6 semantics and statistics): sizes in units, prices and money in the data's units.",
                "Equity marks open trades at each bar's close; balance is the starting cash plus the results of the trades closed so far.",
                "Drawdown and monthly returns are computed from the equity per bar.",
            ],
            Summary = summary,
            Curve = new EquityCurve(times, equity, balance, ReportFigures.DrawdownPct(equity)),
            MonthlyReturns = ReportFigures.MonthlyReturns(times, equity),
            YearlyReturns = ReportFigures.YearlyReturns(times, equity),
            Histogram = ReportFigures.Histogram(returns),
            Trades = trades,
            Prices = new PriceSeries(symbol, times, close),
        };
    }

    /// <summary>
    /// The report of a native run over <paramref name="bars"/>: equity per bar from the run, balance per bar from its deals,
    /// trades paired from the deals (entry deal to closing deal of each position), the MT5 tester report figures.
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="bars">The bars the strategy saw (one per equity point).</param>
    /// <param name="strategy">Strategy name for the heading.</param>
    /// <param name="symbol">Symbol traded.</param>
    /// <param name="currency">Account currency.</param>
    /// <param name="subtitle">Line under the heading.</param>
    /// <exception cref="ArgumentException">The bars do not match the run's equity curve.</exception>
    public static PerformanceReport FromNative(NativeResult run, ReadOnlySpan<Bar> bars, string strategy, string symbol, string currency, string subtitle = "")
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(symbol);
        var n = run.Equity.Count;
        if (bars.Length != n)
        {
            throw new ArgumentException($"The run has {n} equity points but {bars.Length} bars were given: pass the bars the strategy saw.", nameof(bars));
        }

        var times = new long[n];
        var equity = new double[n];
        var balance = new double[n];
        var close = new double[n];
        var ledger = 0m;
        var next = 0;
        for (var i = 0; i < n; i++)
        {
            times[i] = bars[i].Time * 1000;
            close[i] = bars[i].Close;
            equity[i] = run.Equity[i];
            // A bar's equity is taken when the next bar opens (the last one after the end-of-test close): the deals before then count.
            var until = i + 1 < n ? bars[i + 1].Time * 1000 : long.MaxValue;
            for (; next < run.Deals.Count && (run.Deals[next].TimeMs < until || i + 1 == n); next++)
            {
                ledger += Result(run.Deals[next]);
            }

            balance[i] = (double)ledger;
        }

        var (trades, returns) = Trades(run.Deals, 0, long.MaxValue);
        var drawdown = ReportFigures.DrawdownPct(equity);
        var summary = new List<ReportFigure>
        {
            ReportFigure.Of("model", "Model", run.Model.ToString()),
            ReportFigure.Of("bars", "Bars", run.Bars),
            ReportFigure.Of("ticks", "Ticks", run.Ticks),
        };
        var returnPct = run.InitialDeposit > 0 ? (double)((run.FinalBalance - run.InitialDeposit) / run.InitialDeposit) * 100 : double.NaN;
        AddLedgerFigures(summary, run.Report, run.InitialDeposit, run.FinalBalance, 0m, returnPct, Min(drawdown));
        summary.Add(ReportFigure.Of("equity_drawdown_maximal", "Equity drawdown maximal", run.Report.EquityDrawdownMaximal.Money));
        summary.Add(ReportFigure.Of("equity_drawdown_maximal_pct", "Equity drawdown maximal [%]", run.Report.EquityDrawdownMaximal.Pct));
        summary.Add(ReportFigure.Of("rejections", "Rejected requests", run.Rejections.Count));

        return new PerformanceReport
        {
            Kind = ReportKind.Backtest,
            Title = strategy,
            Subtitle = subtitle,
            Currency = currency,
            Notes =
            [
                "Native run (MT5 semantics: bid/ask fills, lots, margin, commission, swaps); figures as the MT5 tester report.",
                "Equity per bar is taken when the next bar opens; balance counts the deals made until then.",
                "Trade returns are each closing deal's result over the balance before it.",
            ],
            Summary = summary,
            Curve = new EquityCurve(times, equity, balance, drawdown),
            MonthlyReturns = ReportFigures.MonthlyReturns(times, equity),
            YearlyReturns = ReportFigures.YearlyReturns(times, equity),
            Histogram = ReportFigures.Histogram(returns),
            Trades = trades,
            Prices = new PriceSeries(symbol, times, close),
        };
    }

    /// <summary>Figure labels from snake_case keys: <c>return_ann_pct</c> → "Return ann [%]".</summary>
    internal static string Label(string key)
    {
        var (stem, unit) = key.EndsWith("_pct", StringComparison.Ordinal) ? (key[..^4], " [%]")
            : key.EndsWith("_days", StringComparison.Ordinal) ? (key[..^5], " [days]")
            : (key, "");
        var words = stem.Replace('_', ' ');
        return words.Length == 0 ? unit : string.Concat(char.ToUpperInvariant(words[0]).ToString(), words[1..], unit);
    }

    internal static string IsoTime(long timeMs)
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(timeMs).UtcDateTime;
        return time.ToString(timeMs % 1000 == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    private static double Min(ReadOnlySpan<double> values)
    {
        var min = 0.0;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
        }

        return min;
    }
}
