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
        ReadOnlySpan<long> times, ReadOnlySpan<double> close, ReadOnlySpan<double> equity, IReadOnlyList<TradeRecord> trades, int warmup, double riskFreeRate = 0)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var n = times.Length;
        if (n == 0 || close.Length != n || equity.Length != n)
        {
            throw new ArgumentException("Times, closes and equity must be non-empty and of one length.");
        }

        var duration = times[n - 1] - times[0];
        var exposed = new bool[n];
        var commissions = 0.0;
        foreach (var t in trades)
        {
            exposed.AsSpan(t.EntryBar, t.ExitBar - t.EntryBar + 1).Fill(true);
            commissions += t.Commission;
        }

        var exposedCount = 0;
        foreach (var e in exposed)
        {
            exposedCount += e ? 1 : 0;
        }

        var peak = double.NegativeInfinity;
        foreach (var e in equity)
        {
            peak = Math.Max(peak, e);
        }

        var returnPct = (equity[n - 1] - equity[0]) / equity[0] * 100;
        var buyHold = (close[n - 1] - close[warmup]) / close[warmup] * 100;

        // Annualisation from the bar period (median spacing of the last 100 bars) and weekend trading.
        var period = MedianPeriod(times);
        var freqDays = period / SecondsPerDay;
        var annual = freqDays switch
        {
            7 => 52,
            31 => 12,
            365 => 1,
            _ => WeekendShare(times) > 2.0 / 7 * 0.6 ? 365 : 252,
        };
        var r = PeriodReturns(times, equity, freqDays);
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

        var dd = Drawdown(equity);
        var maxDd = 0.0;
        foreach (var d in dd)
        {
            maxDd = double.IsNaN(d) ? maxDd : Math.Max(maxDd, d);
        }

        var calmar = annualReturn / NanIfZero(maxDd);
        var beta = LogReturnBeta(equity, close);
        var alpha = returnPct - riskFreeRate * 100 - beta * (buyHold - riskFreeRate * 100);
        var (ddDurations, ddPeaks) = DrawdownEpisodes(times, dd);
        var unit = ResolutionSeconds(period);

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
            MaxDrawdownPct = -maxDd * 100,
            AvgDrawdownPct = -Mean(ddPeaks) * 100,
            MaxDrawdownDurationDays = CeilDays(Max(ddDurations), unit),
            AvgDrawdownDurationDays = CeilDays(Mean(ddDurations), unit),
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

    private static double Max(ReadOnlySpan<double> values)
    {
        var max = double.NaN;
        foreach (var v in values)
        {
            max = double.IsNaN(max) ? v : Math.Max(max, v);
        }

        return max;
    }

    /// <summary>Median spacing of the last 100 bars in seconds (pandas' median of <c>diff(index[-100:])</c>).</summary>
    private static long MedianPeriod(ReadOnlySpan<long> times)
    {
        var tail = times[Math.Max(0, times.Length - 100)..];
        if (tail.Length < 2)
        {
            return 0;
        }

        var diffs = new long[tail.Length - 1];
        for (var i = 1; i < tail.Length; i++)
        {
            diffs[i - 1] = tail[i] - tail[i - 1];
        }

        Array.Sort(diffs);
        var m = diffs.Length / 2;
        return diffs.Length % 2 == 1 ? diffs[m] : (diffs[m - 1] + diffs[m]) / 2;
    }

    private static double WeekendShare(ReadOnlySpan<long> times)
    {
        var weekend = 0;
        foreach (var t in times)
        {
            var day = DateTimeOffset.FromUnixTimeSeconds(t).DayOfWeek;
            weekend += day is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 0;
        }

        return (double)weekend / times.Length;
    }

    /// <summary>
    /// <c>E.resample(D|W|ME|YE).last().dropna().pct_change().dropna()</c>: the last equity of each calendar day
    /// (weeks ending Sunday, months, years for weekly, monthly, yearly data), then the changes between them.
    /// </summary>
    private static double[] PeriodReturns(ReadOnlySpan<long> times, ReadOnlySpan<double> equity, long freqDays)
    {
        var last = new List<double>();
        long previousKey = long.MinValue;
        for (var i = 0; i < times.Length; i++)
        {
            var key = PeriodKey(times[i], freqDays);
            if (key != previousKey)
            {
                last.Add(equity[i]);
                previousKey = key;
            }
            else
            {
                last[^1] = equity[i];
            }
        }

        var returns = new List<double>(Math.Max(0, last.Count - 1));
        for (var k = 1; k < last.Count; k++)
        {
            var change = last[k] / last[k - 1] - 1;
            if (!double.IsNaN(change))
            {
                returns.Add(change);
            }
        }

        return [.. returns];
    }

    private static long PeriodKey(long time, long freqDays)
    {
        var day = Math.DivRem(time, SecondsPerDay, out var rem) - (rem < 0 ? 1 : 0);
        switch (freqDays)
        {
            case 7:
                // 1970-01-01 was a Thursday: weeks Monday..Sunday are floor((day + 3) / 7).
                return (long)Math.Floor((day + 3) / 7.0);
            case 31:
            case 365:
                var date = DateTimeOffset.FromUnixTimeSeconds(time).UtcDateTime;
                return freqDays == 31 ? (date.Year * 12L) + date.Month : date.Year;
            default:
                return day;
        }
    }

    /// <summary>Sample covariance of the equity and close log returns over the close's sample variance.</summary>
    private static double LogReturnBeta(ReadOnlySpan<double> equity, ReadOnlySpan<double> close)
    {
        var m = equity.Length - 1;
        if (m < 2)
        {
            return double.NaN;
        }

        double meanE = 0, meanC = 0;
        for (var i = 1; i <= m; i++)
        {
            meanE += Math.Log(equity[i] / equity[i - 1]);
            meanC += Math.Log(close[i] / close[i - 1]);
        }

        meanE /= m;
        meanC /= m;
        double cov = 0, var = 0;
        for (var i = 1; i <= m; i++)
        {
            var e = Math.Log(equity[i] / equity[i - 1]) - meanE;
            var c = Math.Log(close[i] / close[i - 1]) - meanC;
            cov += e * c;
            var += c * c;
        }

        return cov / var;
    }

    /// <summary>Drawdown episodes between consecutive bars at a peak (and the last bar): duration (s) and deepest drawdown.</summary>
    private static (double[] Durations, double[] Peaks) DrawdownEpisodes(ReadOnlySpan<long> times, ReadOnlySpan<double> dd)
    {
        var durations = new List<double>();
        var peaks = new List<double>();
        var previous = -1;
        for (var i = 0; i < dd.Length; i++)
        {
            if (dd[i] != 0 && i != dd.Length - 1)
            {
                continue;
            }

            if (previous >= 0 && i > previous + 1)
            {
                durations.Add(times[i] - times[previous]);
                var deepest = double.NegativeInfinity;
                for (var k = previous; k <= i; k++)
                {
                    deepest = Math.Max(deepest, dd[k]);
                }

                peaks.Add(deepest);
            }

            previous = i;
        }

        return ([.. durations], [.. peaks]);
    }

    /// <summary>The unit backtesting.py rounds durations up to: the coarsest of day, hour, minute, second dividing the period.</summary>
    private static long ResolutionSeconds(long period) =>
        period <= 0 ? 1
        : period % SecondsPerDay == 0 ? SecondsPerDay
        : period % 3600 == 0 ? 3600
        : period % 60 == 0 ? 60
        : 1;

    private static double CeilDays(double seconds, long unit) =>
        double.IsNaN(seconds) ? double.NaN : Math.Ceiling(seconds / unit) * unit / SecondsPerDay;
}
