using System.Globalization;
using MtMcp.Domain;

namespace MtMcp.Data.Import;

/// <summary>Infers and checks the timeframe of bars from their times.</summary>
internal static class TimeframeInference
{
    private const long SecondsPerDay = 86_400;

    /// <summary>
    /// The timeframe whose length is the most common gap between consecutive bars (months: 28–31 days;
    /// on a tie the shorter timeframe). Gaps of other lengths (weekends, holidays, missing bars) are ignored.
    /// </summary>
    /// <exception cref="DataImportException">Fewer than two bars, or no gap is the length of a timeframe.</exception>
    public static Timeframe Infer(ReadOnlySpan<Bar> bars, string filePath, out string note)
    {
        if (bars.Length < 2)
        {
            throw ImportErrors.CannotInferTimeframe(filePath, "a single bar has no spacing to infer it from");
        }

        var all = Timeframes.All;
        Span<int> counts = stackalloc int[all.Count];
        for (var i = 1; i < bars.Length; i++)
        {
            var index = IndexOfLength(bars[i].Time - bars[i - 1].Time);
            if (index >= 0)
            {
                counts[index]++;
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        if (counts[best] == 0)
        {
            throw ImportErrors.CannotInferTimeframe(
                filePath,
                string.Create(CultureInfo.InvariantCulture, $"no gap between consecutive bars is one timeframe long (the first gap is {bars[1].Time - bars[0].Time} s)"));
        }

        note = string.Create(
            CultureInfo.InvariantCulture,
            $"timeframe {all[best]} inferred from bar spacing: {counts[best]} of {bars.Length - 1} gaps between consecutive bars are one {all[best]} bar long");
        return all[best];
    }

    /// <summary>Checks that no two consecutive bars fall into the same bar period of <paramref name="timeframe"/>.</summary>
    /// <exception cref="DataImportException">Two bars share a period: the file does not hold bars of that timeframe.</exception>
    public static void CheckDistinctPeriods(ReadOnlySpan<Bar> bars, Timeframe timeframe, string filePath)
    {
        var periodEnd = long.MinValue;
        for (var i = 0; i < bars.Length; i++)
        {
            var time = bars[i].Time;
            if (time < periodEnd)
            {
                throw ImportErrors.BarsTooClose(filePath, timeframe, bars[i - 1].Time, time);
            }

            periodEnd = timeframe.NextBarOpenTime(timeframe.BarOpenTime(time));
        }
    }

    /// <summary>The first bar whose time is not the open time of its period, if any.</summary>
    public static long? FirstUnaligned(ReadOnlySpan<Bar> bars, Timeframe timeframe)
    {
        foreach (var bar in bars)
        {
            if (timeframe.BarOpenTime(bar.Time) != bar.Time)
            {
                return bar.Time;
            }
        }

        return null;
    }

    // The bar length of every timeframe but MN1 (the last), whose months are 28 to 31 days.
    private static readonly long[] s_fixedLengths = [.. Timeframes.All.Take(Timeframes.All.Count - 1).Select(t => t.Seconds())];

    private static int IndexOfLength(long seconds) =>
        seconds is >= 28 * SecondsPerDay and <= 31 * SecondsPerDay ? s_fixedLengths.Length : Array.IndexOf(s_fixedLengths, seconds);
}
