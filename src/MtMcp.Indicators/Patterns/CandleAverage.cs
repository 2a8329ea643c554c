namespace MtMcp.Indicators;

/// <summary>
/// One of a pattern's rolling averages: <see cref="Setting"/>'s range over the setting's period of candles
/// before the candle <see cref="Back"/> bars before the one classified (TA-Lib's "period total"). TA-Lib seeds
/// each total with the period before the first classified bar and then rolls it bar by bar, adding the
/// candle that enters minus the one that leaves; the batch and streaming forms both advance it through
/// <see cref="Seed"/> and <see cref="Advance"/>, so they compute the same bits as TA-Lib and each other.
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
    /// Rolls <paramref name="total"/> over as many bars as <paramref name="thresholds"/> holds, from the one at
    /// <paramref name="at"/> of <paramref name="candles"/> (bar <paramref name="bar"/> of the series), writing
    /// each bar's threshold for the candle judged. The first classified bar (<paramref name="first"/>) is not
    /// rolled: the seed covers it. With no period, the thresholds are those of the judged candles' own ranges.
    /// </summary>
    public void Advance(ref double total, in CandleSeries candles, int at, int bar, int first, Span<double> thresholds)
    {
        // One loop per kind of range, so each reads only the prices it needs.
        switch (Setting.RangeType)
        {
            case CandleRangeType.HighLow:
                Advance<HighLowRange>(ref total, candles, at, bar, first, thresholds);
                break;
            case CandleRangeType.RealBody:
                Advance<RealBodyRange>(ref total, candles, at, bar, first, thresholds);
                break;
            default:
                Advance<ShadowsRange>(ref total, candles, at, bar, first, thresholds);
                break;
        }
    }

    private void Advance<TRange>(ref double total, in CandleSeries candles, int at, int bar, int first, Span<double> thresholds)
        where TRange : struct, ICandleRange
    {
        // Indexes stay within the series (the pattern's lookback guarantees it), so the checked-arithmetic
        // build setting is lifted: it would cost an overflow test per index in the hottest loop.
        unchecked
        {
            if (Setting.Period == 0)
            {
                for (var j = 0; j < thresholds.Length; j++)
                {
                    thresholds[j] = Setting.Threshold(0, TRange.Of(candles, at + j - Back));
                }

                return;
            }

            // A local copy of the total stays in a register; through the ref every bar would wait on a store.
            var sum = total;
            for (var j = 0; j < thresholds.Length; j++)
            {
                if (bar + j > first)
                {
                    var enters = at + j - Back - 1;
                    sum += TRange.Of(candles, enters) - TRange.Of(candles, enters - Setting.Period);
                }

                thresholds[j] = Setting.Threshold(sum, 0);
            }

            total = sum;
        }
    }
}

/// <summary>
/// One kind of candle range (TA-Lib's TA_CANDLERANGE for one TA_RangeType), as a type so loops over it are
/// compiled for it alone and read only the prices it needs.
/// </summary>
internal interface ICandleRange
{
    /// <summary>The range of bar <paramref name="at"/>.</summary>
    static abstract double Of(in CandleSeries candles, int at);
}

/// <summary>high − low.</summary>
internal readonly struct HighLowRange : ICandleRange
{
    public static double Of(in CandleSeries candles, int at) => candles.High[at] - candles.Low[at];
}

/// <summary>|close − open|.</summary>
internal readonly struct RealBodyRange : ICandleRange
{
    public static double Of(in CandleSeries candles, int at) => Math.Abs(candles.Close[at] - candles.Open[at]);
}

/// <summary>Upper plus lower shadow, summed in TA-Lib's order.</summary>
internal readonly struct ShadowsRange : ICandleRange
{
    public static double Of(in CandleSeries candles, int at)
    {
        double open = candles.Open[at], close = candles.Close[at];
        var white = close >= open;
        return (candles.High[at] - (white ? close : open)) + ((white ? open : close) - candles.Low[at]);
    }
}
