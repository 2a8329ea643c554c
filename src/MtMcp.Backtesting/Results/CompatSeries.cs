namespace MtMcp.Backtesting;

/// <summary>
/// The parts of <see cref="CompatStatistics"/> that depend only on the bars (times and closes), not on the equity: the
/// annualisation, the period boundaries of the returns and the close's log returns for the beta. Computed once per bar
/// series and shared by every pass of an optimisation, so a pass only runs the equity-dependent arithmetic.
/// </summary>
/// <remarks>Immutable after construction; safe to share between threads.</remarks>
internal sealed class CompatSeries
{
    private const long SecondsPerDay = 86_400;

    /// <summary>Builds the series from bar times (Unix seconds) and closes, which it keeps (no copy).</summary>
    /// <exception cref="ArgumentException">The arrays differ in length or are empty.</exception>
    public CompatSeries(long[] times, double[] close)
    {
        var n = times.Length;
        if (n == 0 || close.Length != n)
        {
            throw new ArgumentException("Times, closes and equity must be non-empty and of one length.");
        }

        Times = times;
        Close = close;
        Duration = times[n - 1] - times[0];

        // Annualisation from the bar period (median spacing of the last 100 bars) and weekend trading.
        var period = MedianPeriod(times);
        FreqDays = period / SecondsPerDay;
        Annual = FreqDays switch
        {
            7 => 52,
            31 => 12,
            365 => 1,
            _ => WeekendShare(times) > 2.0 / 7 * 0.6 ? 365 : 252,
        };
        Unit = ResolutionSeconds(period);
        PeriodEnds = LastOfEachPeriod(times, FreqDays);
        (CloseLogDeviation, CloseLogVariance) = CloseLogReturns(close);
    }

    /// <summary>The series of <paramref name="bars"/> (at least one).</summary>
    public static CompatSeries Of(ReadOnlySpan<Bar> bars)
    {
        var times = new long[bars.Length];
        var close = new double[bars.Length];
        for (var i = 0; i < bars.Length; i++)
        {
            times[i] = bars[i].Time;
            close[i] = bars[i].Close;
        }

        return new CompatSeries(times, close);
    }

    /// <summary>Bar open times, Unix seconds.</summary>
    public long[] Times { get; }

    /// <summary>Bar closes.</summary>
    public double[] Close { get; }

    /// <summary>Number of bars.</summary>
    public int Length => Times.Length;

    /// <summary>Last time − first time, seconds.</summary>
    public long Duration { get; }

    /// <summary>The bar period in whole days (0 for intraday data).</summary>
    public long FreqDays { get; }

    /// <summary>Periods per year for annualising.</summary>
    public int Annual { get; }

    /// <summary>The unit durations are rounded up to, seconds.</summary>
    public long Unit { get; }

    /// <summary>Index of the last bar of each calendar period (day, week, month or year), in order.</summary>
    public int[] PeriodEnds { get; }

    /// <summary>Per bar i ≥ 1: <c>log(close[i] / close[i−1])</c> less its mean; empty below three bars (beta undefined).</summary>
    public double[] CloseLogDeviation { get; }

    /// <summary>Sum of the squared <see cref="CloseLogDeviation"/>.</summary>
    public double CloseLogVariance { get; }

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
    /// The bars whose equity <c>E.resample(D|W|ME|YE).last()</c> keeps: the last bar of each calendar day (weeks ending
    /// Sunday, months, years for weekly, monthly, yearly data).
    /// </summary>
    private static int[] LastOfEachPeriod(ReadOnlySpan<long> times, long freqDays)
    {
        var ends = new List<int>();
        var previousKey = long.MinValue;
        for (var i = 0; i < times.Length; i++)
        {
            var key = PeriodKey(times[i], freqDays);
            if (key != previousKey)
            {
                ends.Add(i);
                previousKey = key;
            }
            else
            {
                ends[^1] = i;
            }
        }

        return [.. ends];
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

    /// <summary>The close half of the log-return beta: deviations from the mean log return and their sum of squares.</summary>
    private static (double[] Deviation, double Variance) CloseLogReturns(ReadOnlySpan<double> close)
    {
        var m = close.Length - 1;
        if (m < 2)
        {
            return ([], double.NaN);
        }

        var deviation = new double[close.Length];
        var mean = 0.0;
        for (var i = 1; i <= m; i++)
        {
            deviation[i] = Math.Log(close[i] / close[i - 1]);
            mean += deviation[i];
        }

        mean /= m;
        var variance = 0.0;
        for (var i = 1; i <= m; i++)
        {
            deviation[i] -= mean;
            variance += deviation[i] * deviation[i];
        }

        return (deviation, variance);
    }

    /// <summary>The unit backtesting.py rounds durations up to: the coarsest of day, hour, minute, second dividing the period.</summary>
    private static long ResolutionSeconds(long period) =>
        period <= 0 ? 1
        : period % SecondsPerDay == 0 ? SecondsPerDay
        : period % 3600 == 0 ? 3600
        : period % 60 == 0 ? 60
        : 1;
}
