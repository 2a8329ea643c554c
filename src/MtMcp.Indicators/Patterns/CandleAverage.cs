using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MtMcp.Indicators;

/// <summary>
/// One of a pattern's rolling averages: <see cref="Setting"/>'s range over the setting's period of candles
/// before the candle <see cref="Back"/> bars before the one classified (TA-Lib's "period total"). TA-Lib seeds
/// each total with the period before the first classified bar and then rolls it bar by bar, adding the
/// candle that enters minus the one that leaves; the batch and streaming forms both advance it through
/// <see cref="Seed"/> and then <see cref="Roll"/> (streaming) or <see cref="Fill"/> and a running sum
/// (batch), so they compute the same bits as TA-Lib and each other.
/// </summary>
/// <remarks>
/// Totals that look alike (the same setting one candle apart) are separate sums that can differ in the last
/// bit, and a threshold comparison can hinge on that bit, so every average keeps its own.
/// </remarks>
/// <param name="Setting">The setting averaged.</param>
/// <param name="Back">Which candle of the pattern it judges: 0 the newest, 1 the one before, ...</param>
internal readonly record struct CandleAverage(CandleSetting Setting, int Back)
{
    /// <summary>
    /// Adds the candle at <paramref name="at"/> (bar <paramref name="bar"/> of the series) to
    /// <paramref name="total"/> if it belongs to the seed (oldest first, as TA-Lib sums).
    /// </summary>
    /// <param name="total">The running total.</param>
    /// <param name="candles">The bars; index <paramref name="at"/> is the one added.</param>
    /// <param name="at">The bar's index in <paramref name="candles"/>.</param>
    /// <param name="bar">The bar's index in the series.</param>
    /// <param name="start">The first bar the pattern classifies.</param>
    public void Seed(ref double total, in CandleSeries candles, int at, int bar, int start)
    {
        var end = unchecked(start - Back);
        if (bar >= unchecked(end - Setting.Period) && bar < end)
        {
            total += candles.Range(Setting.RangeType, at);
        }
    }

    /// <summary>
    /// The streaming form's step at the bar at <paramref name="at"/> of <paramref name="candles"/> (bar
    /// <paramref name="bar"/> of the series): rolls <paramref name="value"/> on by one bar, adding the candle that
    /// enters and taking out the one that leaves (the first classified bar, <paramref name="first"/>, is not
    /// rolled: the seed covers it); with no period, sets it to the judged candle's own range.
    /// </summary>
    public void Roll(ref double value, in CandleSeries candles, int at, int bar, int first)
    {
        unchecked
        {
            if (Setting.Period == 0)
            {
                value = candles.Range(Setting.RangeType, at - Back);
            }
            else if (bar > first)
            {
                var enters = at - Back - 1;
                value += candles.Range(Setting.RangeType, enters) - candles.Range(Setting.RangeType, enters - Setting.Period);
            }
        }
    }

    /// <summary>
    /// The batch form's step over a block of bars from the one at <paramref name="at"/>: writes into
    /// <paramref name="values"/> (one per bar) what the total changes by at each bar (0 at the first classified
    /// bar when <paramref name="first"/>), which a running sum then turns into the totals; or, for an average
    /// without a period, the judged candles' own ranges.
    /// </summary>
    public void Fill(in CandleSeries candles, int at, bool first, Span<double> values)
    {
        // One loop per kind of range, so each reads only the prices it needs.
        switch (Setting.RangeType)
        {
            case CandleRangeType.HighLow:
                Fill<HighLowRange>(candles, at, first, values);
                break;
            case CandleRangeType.RealBody:
                Fill<RealBodyRange>(candles, at, first, values);
                break;
            default:
                Fill<ShadowsRange>(candles, at, first, values);
                break;
        }
    }

    private void Fill<TRange>(in CandleSeries candles, int at, bool first, Span<double> values)
        where TRange : struct, ICandleRange
    {
        // Indexes stay within the series (the pattern's lookback guarantees it), so the reads go without bounds
        // or overflow checks; the prices are read four bars at a time.
        unchecked
        {
            ref var open = ref MemoryMarshal.GetReference(candles.Open);
            ref var high = ref MemoryMarshal.GetReference(candles.High);
            ref var low = ref MemoryMarshal.GetReference(candles.Low);
            ref var close = ref MemoryMarshal.GetReference(candles.Close);
            ref var value = ref MemoryMarshal.GetReference(values);
            var count = values.Length;
            if (Setting.Period == 0)
            {
                var judged = at - Back;
                var j = 0;
                for (; j + 4 <= count; j += 4)
                {
                    TRange.Of(ref open, ref high, ref low, ref close, (nuint)(judged + j)).StoreUnsafe(ref value, (nuint)j);
                }

                for (; j < count; j++)
                {
                    Unsafe.Add(ref value, j) = TRange.Of(ref open, ref high, ref low, ref close, judged + j);
                }

                return;
            }

            // The first classified bar is not rolled (and the candle that would leave there precedes the series).
            var from = 0;
            if (first)
            {
                value = 0;
                from = 1;
            }

            var enters = at - Back - 1;
            var leaves = enters - Setting.Period;
            var k = from;
            for (; k + 4 <= count; k += 4)
            {
                (TRange.Of(ref open, ref high, ref low, ref close, (nuint)(enters + k))
                    - TRange.Of(ref open, ref high, ref low, ref close, (nuint)(leaves + k))).StoreUnsafe(ref value, (nuint)k);
            }

            for (; k < count; k++)
            {
                Unsafe.Add(ref value, k) =
                    TRange.Of(ref open, ref high, ref low, ref close, enters + k) - TRange.Of(ref open, ref high, ref low, ref close, leaves + k);
            }
        }
    }
}

/// <summary>
/// One kind of candle range (TA-Lib's TA_CANDLERANGE for one TA_RangeType), as a type so loops over it are
/// compiled for it alone and read only the prices it needs.
/// </summary>
internal interface ICandleRange
{
    /// <summary>The range of bar <paramref name="at"/> of the series starting at the references given.</summary>
    static abstract double Of(ref double open, ref double high, ref double low, ref double close, int at);

    /// <summary>The ranges of the four bars from <paramref name="at"/>, each as the scalar form works it out.</summary>
    static abstract Vector256<double> Of(ref double open, ref double high, ref double low, ref double close, nuint at);
}

/// <summary>high − low.</summary>
internal readonly struct HighLowRange : ICandleRange
{
    public static double Of(ref double open, ref double high, ref double low, ref double close, int at) =>
        Unsafe.Add(ref high, at) - Unsafe.Add(ref low, at);

    public static Vector256<double> Of(ref double open, ref double high, ref double low, ref double close, nuint at) =>
        Vector256.LoadUnsafe(ref high, at) - Vector256.LoadUnsafe(ref low, at);
}

/// <summary>|close − open|.</summary>
internal readonly struct RealBodyRange : ICandleRange
{
    public static double Of(ref double open, ref double high, ref double low, ref double close, int at) =>
        Math.Abs(Unsafe.Add(ref close, at) - Unsafe.Add(ref open, at));

    public static Vector256<double> Of(ref double open, ref double high, ref double low, ref double close, nuint at) =>
        Vector256.Abs(Vector256.LoadUnsafe(ref close, at) - Vector256.LoadUnsafe(ref open, at));
}

/// <summary>Upper plus lower shadow, summed in TA-Lib's order.</summary>
internal readonly struct ShadowsRange : ICandleRange
{
    public static double Of(ref double open, ref double high, ref double low, ref double close, int at)
    {
        double o = Unsafe.Add(ref open, at), c = Unsafe.Add(ref close, at);
        var white = c >= o;
        return (Unsafe.Add(ref high, at) - (white ? c : o)) + ((white ? o : c) - Unsafe.Add(ref low, at));
    }

    public static Vector256<double> Of(ref double open, ref double high, ref double low, ref double close, nuint at)
    {
        Vector256<double> o = Vector256.LoadUnsafe(ref open, at), c = Vector256.LoadUnsafe(ref close, at);
        var white = Vector256.GreaterThanOrEqual(c, o);
        return (Vector256.LoadUnsafe(ref high, at) - Vector256.ConditionalSelect(white, c, o))
            + (Vector256.ConditionalSelect(white, o, c) - Vector256.LoadUnsafe(ref low, at));
    }
}
