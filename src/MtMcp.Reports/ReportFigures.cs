namespace MtMcp.Reports;

/// <summary>The computations behind a report's figures, over plain spans (one pass each, no per-point allocation).</summary>
public static class ReportFigures
{
    private const int MaxBins = 50;

    /// <summary>
    /// Drawdown from the running peak in percent: <c>(v / max(v[0..t]) − 1) × 100</c> (bit for bit backtesting.py's
    /// <c>−100 × DrawdownPct</c>, as IEEE subtraction is symmetric), so its minimum equals <c>Max. Drawdown [%]</c> when
    /// <paramref name="values"/> is the equity. 0 while the peak is not positive.
    /// </summary>
    public static double[] DrawdownPct(ReadOnlySpan<double> values)
    {
        var result = new double[values.Length];
        var peak = double.NegativeInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            peak = Math.Max(peak, values[i]);
            result[i] = peak > 0 ? ((values[i] / peak) - 1) * 100 : 0;
        }

        return result;
    }

    /// <summary>
    /// A return index that ignores cash flows (deposits, withdrawals): starts at 1 and grows by
    /// <c>(equity[i] − flows[i]) / equity[i − 1]</c> at each point, so money paid in or out is not a gain or a drawdown.
    /// A point after a non-positive equity leaves the index unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double[] ReturnIndex(ReadOnlySpan<double> equity, ReadOnlySpan<double> flows)
    {
        if (flows.Length != equity.Length)
        {
            throw new ArgumentException($"Flows ({flows.Length}) and equity ({equity.Length}) must have one value per point.", nameof(flows));
        }

        var index = new double[equity.Length];
        var level = 1.0;
        for (var i = 0; i < equity.Length; i++)
        {
            if (i > 0 && equity[i - 1] > 0)
            {
                level *= (equity[i] - flows[i]) / equity[i - 1];
            }

            index[i] = level;
        }

        return index;
    }

    /// <summary>
    /// Calendar-month returns (UTC) of <paramref name="values"/>: the month's last value over the previous month's last value
    /// (the first value for the first month), less 1, in percent. Months without a point are absent.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length, or the times decrease.</exception>
    public static PeriodReturn[] MonthlyReturns(ReadOnlySpan<long> timesMs, ReadOnlySpan<double> values) => PeriodReturns(timesMs, values, monthly: true);

    /// <summary>Calendar-year returns (UTC), as <see cref="MonthlyReturns"/> with years.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or the times decrease.</exception>
    public static PeriodReturn[] YearlyReturns(ReadOnlySpan<long> timesMs, ReadOnlySpan<double> values) => PeriodReturns(timesMs, values, monthly: false);

    /// <summary>
    /// Histogram of trade returns (percent) with <paramref name="bins"/> bins (0: Sturges' rule, ⌈log2 n⌉ + 1, at most 50).
    /// The width is (max − min) / bins and the edges are its multiples, so 0 separates losses from wins.
    /// </summary>
    /// <exception cref="ArgumentException">A value is not finite, or bins is negative.</exception>
    public static TradeHistogram Histogram(ReadOnlySpan<double> returnsPct, int bins = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bins);
        if (returnsPct.IsEmpty)
        {
            return TradeHistogram.Empty;
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var r in returnsPct)
        {
            if (!double.IsFinite(r))
            {
                throw new ArgumentException($"Trade returns must be finite; got {r.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", nameof(returnsPct));
            }

            (min, max) = (Math.Min(min, r), Math.Max(max, r));
        }

        var wanted = bins > 0 ? bins : Math.Min(MaxBins, (int)Math.Ceiling(Math.Log2(returnsPct.Length)) + 1);
        var width = (max - min) / wanted;
        if (width <= 0)
        {
            // Every trade returned the same: one bin of width 1 % around it.
            return new TradeHistogram([min - 0.5, min + 0.5], [returnsPct.Length]);
        }

        var first = Math.Floor(min / width);
        var count = Math.Max(1, (int)Math.Ceiling((max / width) - first));
        // max may sit exactly on the last edge: it belongs to the last bin; a value that rounding puts one bin too far is clamped.
        var counts = new int[count];
        foreach (var r in returnsPct)
        {
            counts[Math.Clamp((int)Math.Floor((r / width) - first), 0, count - 1)]++;
        }

        var edges = new double[count + 1];
        for (var k = 0; k <= count; k++)
        {
            edges[k] = (first + k) * width;
        }

        return new TradeHistogram(edges, counts);
    }

    private static PeriodReturn[] PeriodReturns(ReadOnlySpan<long> timesMs, ReadOnlySpan<double> values, bool monthly)
    {
        if (timesMs.Length != values.Length)
        {
            throw new ArgumentException($"Times ({timesMs.Length}) and values ({values.Length}) must have the same length.", nameof(values));
        }

        var result = new List<PeriodReturn>();
        if (values.IsEmpty)
        {
            return [];
        }

        var baseValue = values[0];
        var period = Period(timesMs[0], monthly);
        for (var i = 1; i <= values.Length; i++)
        {
            if (i < values.Length)
            {
                if (timesMs[i] < timesMs[i - 1])
                {
                    throw new ArgumentException($"Times must not decrease: point {i} is before point {i - 1}.", nameof(timesMs));
                }

                var next = Period(timesMs[i], monthly);
                if (next == period)
                {
                    continue;
                }

                Add(result, period, baseValue, values[i - 1], monthly);
                (period, baseValue) = (next, values[i - 1]);
            }
            else
            {
                Add(result, period, baseValue, values[i - 1], monthly);
            }
        }

        return [.. result];
    }

    private static void Add(List<PeriodReturn> result, int period, double from, double to, bool monthly)
    {
        var pct = from > 0 ? ((to / from) - 1) * 100 : double.NaN;
        result.Add(monthly ? new PeriodReturn(period / 12, (period % 12) + 1, pct) : new PeriodReturn(period, null, pct));
    }

    // Months are counted as year × 12 + (month − 1); years as the year.
    private static int Period(long timeMs, bool monthly)
    {
        var date = DateTimeOffset.FromUnixTimeMilliseconds(timeMs).UtcDateTime;
        return monthly ? (date.Year * 12) + date.Month - 1 : date.Year;
    }
}
