using System.Buffers;

namespace MtMcp.Backtesting;

public sealed partial record CompatStatistics
{
    private const long SecondsPerDay = 86_400;

    /// <summary>
    /// Computes the statistics (reference/backtest-stats.md A.3) from bar times (Unix seconds), closes, the equity per
    /// bar, the closed trades, the warm-up bar <paramref name="warmup"/> and the risk-free rate (a fraction).
    /// </summary>
    /// <exception cref="ArgumentException">The arrays differ in length or are empty.</exception>
    public static CompatStatistics Compute(
        ReadOnlySpan<long> times, ReadOnlySpan<double> close, ReadOnlySpan<double> equity, IReadOnlyList<TradeRecord> trades, int warmup, double riskFreeRate = 0) =>
        Compute(new CompatSeries(times.ToArray(), close.ToArray()), equity, trades, warmup, riskFreeRate);

    /// <summary>
    /// <see cref="Compute(ReadOnlySpan{long}, ReadOnlySpan{double}, ReadOnlySpan{double}, IReadOnlyList{TradeRecord}, int, double)"/>
    /// over a precomputed <paramref name="series"/>: the only path, so a pass of the optimiser and a full run give the same
    /// bits. Per-bar work arrays are pooled, so a call allocates only the result and one value per trade.
    /// </summary>
    /// <exception cref="ArgumentException">The equity is not one value per bar.</exception>
    internal static CompatStatistics Compute(
        CompatSeries series, ReadOnlySpan<double> equity, IReadOnlyList<TradeRecord> trades, int warmup, double riskFreeRate)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var n = series.Length;
        if (equity.Length != n)
        {
            throw new ArgumentException("Times, closes and equity must be non-empty and of one length.");
        }

        var times = series.Times.AsSpan();
        var close = series.Close.AsSpan();
        var duration = series.Duration;
        var (exposedCount, commissions) = Exposure(n, trades);

        var peak = double.NegativeInfinity;
        foreach (var e in equity)
        {
            peak = Math.Max(peak, e);
        }

        var returnPct = (equity[n - 1] - equity[0]) / equity[0] * 100;
        var buyHold = (close[n - 1] - close[warmup]) / close[warmup] * 100;

        var annual = series.Annual;
        var rBuffer = ArrayPool<double>.Shared.Rent(series.PeriodEnds.Length);
        var r = PeriodReturns(series.PeriodEnds, equity, rBuffer);
        var g = GeometricMean(r);
        var annualReturn = Math.Pow(1 + g, annual) - 1;
        var annualVolatility = Math.Sqrt(Math.Pow(Variance(r) + ((1 + g) * (1 + g)), annual) - Math.Pow(1 + g, 2 * annual));
        var years = duration / (double)SecondsPerDay / 365.25;
        var cagr = years != 0 ? (Math.Pow(equity[n - 1] / equity[0], 1 / years) - 1) * 100 : double.NaN;
        var sharpe = (annualReturn * 100 - riskFreeRate * 100) / NanIfZero(annualVolatility * 100);
        var downside = 0.0;
        foreach (var x in r)
        {
            var m = Math.Min(x, 0);
            downside += m * m;
        }

        var sortino = (annualReturn - riskFreeRate) / (Math.Sqrt(downside / r.Length) * Math.Sqrt(annual));
        ArrayPool<double>.Shared.Return(rBuffer);

        var drawdown = DrawdownSummary(times, equity);
        var calmar = annualReturn / NanIfZero(drawdown.Max);
        var beta = LogReturnBeta(series, equity);
        var alpha = returnPct - riskFreeRate * 100 - beta * (buyHold - riskFreeRate * 100);
        var unit = series.Unit;

        var count = trades.Count;
        double wins = 0, returnSum = 0, plSum = 0, best = double.NaN, worst = double.NaN, positive = 0, negative = 0;
        double winSum = 0, lossSum = 0, maxDuration = double.NaN, durationSum = 0;
        int winCount = 0, lossCount = 0;
        var tradeReturns = new double[count];
        for (var k = 0; k < count; k++)
        {
            var t = trades[k];
            tradeReturns[k] = t.ReturnPct;
            wins += t.Profit > 0 ? 1 : 0;
            returnSum += t.ReturnPct;
            plSum += t.Profit;
            best = k == 0 ? t.ReturnPct : Math.Max(best, t.ReturnPct);
            worst = k == 0 ? t.ReturnPct : Math.Min(worst, t.ReturnPct);
            positive += t.ReturnPct > 0 ? t.ReturnPct : 0;
            negative += t.ReturnPct < 0 ? t.ReturnPct : 0;
            (winSum, winCount) = t.Profit > 0 ? (winSum + t.Profit, winCount + 1) : (winSum, winCount);
            (lossSum, lossCount) = t.Profit < 0 ? (lossSum + t.Profit, lossCount + 1) : (lossSum, lossCount);
            maxDuration = k == 0 ? t.DurationSeconds : Math.Max(maxDuration, t.DurationSeconds);
            durationSum += t.DurationSeconds;
        }

        var winRate = count == 0 ? double.NaN : wins / count;
        var plMean = plSum / count;
        var plVar = 0.0;
        foreach (var t in trades)
        {
            plVar += (t.Profit - plMean) * (t.Profit - plMean);
        }

        var plStd = Math.Sqrt(plVar / (count - 1));

        return new CompatStatistics
        {
            Start = times[0],
            End = times[n - 1],
            DurationDays = duration / (double)SecondsPerDay,
            ExposureTimePct = (double)exposedCount / n * 100,
            EquityFinal = equity[n - 1],
            EquityPeak = peak,
            Commissions = commissions,
            ReturnPct = returnPct,
            BuyHoldReturnPct = buyHold,
            ReturnAnnPct = annualReturn * 100,
            VolatilityAnnPct = annualVolatility * 100,
            CagrPct = cagr,
            SharpeRatio = sharpe,
            SortinoRatio = sortino,
            CalmarRatio = calmar,
            AlphaPct = alpha,
            Beta = beta,
            MaxDrawdownPct = -drawdown.Max * 100,
            AvgDrawdownPct = -(drawdown.PeakSum / drawdown.Episodes) * 100,
            MaxDrawdownDurationDays = CeilDays(drawdown.LongestSeconds, unit),
            AvgDrawdownDurationDays = CeilDays(drawdown.DurationSum / drawdown.Episodes, unit),
            Trades = count,
            WinRatePct = winRate * 100,
            BestTradePct = best * 100,
            WorstTradePct = worst * 100,
            AvgTradePct = GeometricMean(tradeReturns) * 100,
            MaxTradeDurationDays = CeilDays(maxDuration, unit),
            AvgTradeDurationDays = CeilDays(durationSum / count, unit),
            ProfitFactor = positive / NanIfZero(Math.Abs(negative)),
            ExpectancyPct = returnSum / count * 100,
            Sqn = Math.Sqrt(count) * plMean / NanIfZero(plStd),
            KellyCriterion = winRate - ((1 - winRate) / (winSum / winCount / (-lossSum / lossCount))),
        };
    }

    /// <summary>Drawdown per bar: <c>1 − E_t / max_{s≤t} E_s</c>.</summary>
    public static double[] Drawdown(ReadOnlySpan<double> equity)
    {
        var dd = new double[equity.Length];
        var max = double.NegativeInfinity;
        for (var i = 0; i < equity.Length; i++)
        {
            max = Math.Max(max, equity[i]);
            dd[i] = 1 - (equity[i] / max);
        }

        return dd;
    }

    private static double NanIfZero(double value) => value == 0 ? double.NaN : value;

    /// <summary>backtesting.py's geometric mean: 0 when any 1 + r ≤ 0, NaN for no values.</summary>
    private static double GeometricMean(ReadOnlySpan<double> returns)
    {
        var sum = 0.0;
        foreach (var r in returns)
        {
            var x = (double.IsNaN(r) ? 0 : r) + 1;
            if (x <= 0)
            {
                return 0;
            }

            sum += Math.Log(x);
        }

        return Math.Exp(sum / (returns.Length == 0 ? double.NaN : returns.Length)) - 1;
    }

    private static double Variance(ReadOnlySpan<double> values)
    {
        var mean = Mean(values);
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return sum / (values.Length - 1);
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    /// <summary>Bars with a closed trade open (entry to exit bar inclusive, overlaps counted once) and the total commission.</summary>
    private static (int Count, double Commissions) Exposure(int n, IReadOnlyList<TradeRecord> trades)
    {
        var exposed = ArrayPool<bool>.Shared.Rent(n);
        var span = exposed.AsSpan(0, n);
        span.Clear();
        var commissions = 0.0;
        foreach (var t in trades)
        {
            span.Slice(t.EntryBar, t.ExitBar - t.EntryBar + 1).Fill(true);
            commissions += t.Commission;
        }

        var count = n - span.Count(false);
        ArrayPool<bool>.Shared.Return(exposed);
        return (count, commissions);
    }

    /// <summary>
    /// <c>E.resample(D|W|ME|YE).last().dropna().pct_change().dropna()</c>: the changes between the equity at the last bar
    /// of each period, written to <paramref name="buffer"/> (at least one slot per period).
    /// </summary>
    private static ReadOnlySpan<double> PeriodReturns(ReadOnlySpan<int> periodEnds, ReadOnlySpan<double> equity, Span<double> buffer)
    {
        var count = 0;
        for (var k = 1; k < periodEnds.Length; k++)
        {
            var change = equity[periodEnds[k]] / equity[periodEnds[k - 1]] - 1;
            if (!double.IsNaN(change))
            {
                buffer[count++] = change;
            }
        }

        return buffer[..count];
    }

    /// <summary>Sample covariance of the equity and close log returns over the close's sample variance.</summary>
    private static double LogReturnBeta(CompatSeries series, ReadOnlySpan<double> equity)
    {
        var m = equity.Length - 1;
        if (m < 2)
        {
            return double.NaN;
        }

        // The equity's log returns are kept for the second sum rather than computed twice (a log per bar dominates).
        var buffer = ArrayPool<double>.Shared.Rent(equity.Length);
        var logs = buffer.AsSpan(0, equity.Length);
        var meanE = 0.0;
        for (var i = 1; i <= m; i++)
        {
            logs[i] = Math.Log(equity[i] / equity[i - 1]);
            meanE += logs[i];
        }

        meanE /= m;
        var close = series.CloseLogDeviation.AsSpan(0, equity.Length);
        var cov = 0.0;
        for (var i = 1; i <= m; i++)
        {
            cov += (logs[i] - meanE) * close[i];
        }

        ArrayPool<double>.Shared.Return(buffer);
        return cov / series.CloseLogVariance;
    }

    /// <summary>
    /// The drawdown (<see cref="Drawdown"/>, computed on the fly) summarised: its maximum, and the episodes between
    /// consecutive bars at a peak (and the last bar) with their count, total and longest duration (s) and the sum of their
    /// deepest drawdowns.
    /// </summary>
    private static DrawdownStats DrawdownSummary(ReadOnlySpan<long> times, ReadOnlySpan<double> equity)
    {
        var stats = new DrawdownStats { LongestSeconds = double.NaN };
        var runningMax = double.NegativeInfinity;
        var deepest = double.NegativeInfinity;
        var previous = -1;
        for (var i = 0; i < equity.Length; i++)
        {
            runningMax = Math.Max(runningMax, equity[i]);
            var dd = 1 - (equity[i] / runningMax);
            stats.Max = double.IsNaN(dd) ? stats.Max : Math.Max(stats.Max, dd);
            // The deepest drawdown of the episode so far, from its starting peak bar to this one.
            deepest = Math.Max(deepest, dd);
            if (dd != 0 && i != equity.Length - 1)
            {
                continue;
            }

            if (previous >= 0 && i > previous + 1)
            {
                double seconds = times[i] - times[previous];
                stats.Episodes++;
                stats.DurationSum += seconds;
                stats.LongestSeconds = double.IsNaN(stats.LongestSeconds) ? seconds : Math.Max(stats.LongestSeconds, seconds);
                stats.PeakSum += deepest;
            }

            previous = i;
            deepest = dd;
        }

        return stats;
    }

    private static double CeilDays(double seconds, long unit) =>
        double.IsNaN(seconds) ? double.NaN : Math.Ceiling(seconds / unit) * unit / SecondsPerDay;

    private struct DrawdownStats
    {
        public double Max;
        public int Episodes;
        public double DurationSum;
        public double LongestSeconds;
        public double PeakSum;
    }
}
