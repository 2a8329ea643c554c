namespace MtMcp.Indicators.Tests.MetaTrader;

/// <summary>
/// MetaTrader 5's ZigZag.mq5 as it runs over a whole history at once (prev_calculated = 0), written from the MQL5
/// source: the non-causal reference whose drawn points the causal ZigZag must reproduce.
/// </summary>
internal static class ZigZagReference
{
    /// <summary>
    /// The drawn points (bar, price), oldest first; the last one is still moving. The final pass links the bars
    /// before <paramref name="linkedBars"/> (all when null).
    /// </summary>
    public static List<(int Bar, double Price)> Points(
        IReadOnlyList<double> high, IReadOnlyList<double> low, int depth, double deviation, int backstep, int? linkedBars = null)
    {
        var n = high.Count;
        var zigzag = new double[n];
        var highMap = new double[n];
        var lowMap = new double[n];
        double lastLow = 0, lastHigh = 0;
        for (var shift = depth; shift < n; shift++)
        {
            var val = Lowest(low, depth, shift);
            if (val == lastLow)
            {
                val = 0;
            }
            else
            {
                lastLow = val;
                if (low[shift] - val > deviation)
                {
                    val = 0;
                }
                else
                {
                    for (var back = 1; back <= backstep; back++)
                    {
                        if (lowMap[shift - back] != 0 && lowMap[shift - back] > val)
                        {
                            lowMap[shift - back] = 0;
                        }
                    }
                }
            }

            lowMap[shift] = low[shift] == val ? val : 0;

            val = Highest(high, depth, shift);
            if (val == lastHigh)
            {
                val = 0;
            }
            else
            {
                lastHigh = val;
                if (val - high[shift] > deviation)
                {
                    val = 0;
                }
                else
                {
                    for (var back = 1; back <= backstep; back++)
                    {
                        if (highMap[shift - back] != 0 && highMap[shift - back] < val)
                        {
                            highMap[shift - back] = 0;
                        }
                    }
                }
            }

            highMap[shift] = high[shift] == val ? val : 0;
        }

        // Final pass: 0 = looking for the first extremum, 1 = for a peak (last was a low), -1 = for a bottom.
        var lookFor = 0;
        int lastHighPos = 0, lastLowPos = 0;
        lastLow = 0;
        lastHigh = 0;
        for (var shift = depth; shift < (linkedBars ?? n); shift++)
        {
            switch (lookFor)
            {
                case 0:
                    if (highMap[shift] != 0)
                    {
                        (lastHigh, lastHighPos, lookFor, zigzag[shift]) = (high[shift], shift, -1, high[shift]);
                    }

                    if (lowMap[shift] != 0)
                    {
                        (lastLow, lastLowPos, lookFor, zigzag[shift]) = (low[shift], shift, 1, low[shift]);
                    }

                    break;
                case 1:
                    if (lowMap[shift] != 0 && lowMap[shift] < lastLow && highMap[shift] == 0)
                    {
                        zigzag[lastLowPos] = 0;
                        (lastLowPos, lastLow, zigzag[shift]) = (shift, lowMap[shift], lowMap[shift]);
                    }

                    if (highMap[shift] != 0 && lowMap[shift] == 0)
                    {
                        (lastHigh, lastHighPos, zigzag[shift], lookFor) = (highMap[shift], shift, highMap[shift], -1);
                    }

                    break;
                default:
                    if (highMap[shift] != 0 && highMap[shift] > lastHigh && lowMap[shift] == 0)
                    {
                        zigzag[lastHighPos] = 0;
                        (lastHighPos, lastHigh, zigzag[shift]) = (shift, highMap[shift], highMap[shift]);
                    }

                    if (lowMap[shift] != 0 && highMap[shift] == 0)
                    {
                        (lastLow, lastLowPos, zigzag[shift], lookFor) = (lowMap[shift], shift, lowMap[shift], 1);
                    }

                    break;
            }
        }

        return [.. zigzag.Select((price, bar) => (bar, price)).Where(p => p.price != 0)];
    }

    // MetaTrader's iLowest / iHighest over the depth bars ending at start.
    private static double Lowest(IReadOnlyList<double> values, int depth, int start) =>
        Enumerable.Range(start - depth + 1, depth).Min(i => values[i]);

    private static double Highest(IReadOnlyList<double> values, int depth, int start) =>
        Enumerable.Range(start - depth + 1, depth).Max(i => values[i]);
}
