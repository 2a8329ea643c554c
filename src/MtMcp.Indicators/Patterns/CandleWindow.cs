namespace MtMcp.Indicators;

/// <summary>
/// The bars a pattern rule sees: the candle being classified (back 0) and those before it, with the
/// geometry TA-Lib's patterns are written in (real body, shadows, colour, gaps) and the thresholds of the
/// pattern's rolling averages at that bar. The batch form points it into the whole series (thresholds for a
/// block of bars, one row per average, <c>stride</c> apart), the streaming form into its ring of recent bars
/// (thresholds for the newest bar), so one rule serves both.
/// </summary>
internal ref struct CandleWindow
{
    private readonly ReadOnlySpan<double> _open;
    private readonly ReadOnlySpan<double> _high;
    private readonly ReadOnlySpan<double> _low;
    private readonly ReadOnlySpan<double> _close;
    private readonly ReadOnlySpan<double> _thresholds;
    private readonly int _stride;
    private readonly ref PatternMemory _memory;
    private int _at;
    private int _row;

    public CandleWindow(in CandleSeries candles, ReadOnlySpan<double> thresholds, int stride, double penetration, ref PatternMemory memory)
    {
        _open = candles.Open;
        _high = candles.High;
        _low = candles.Low;
        _close = candles.Close;
        _thresholds = thresholds;
        _stride = stride;
        Penetration = penetration;
        _memory = ref memory;
    }

    /// <summary>The pattern's penetration parameter (0 for patterns without one).</summary>
    public readonly double Penetration { get; }

    /// <summary>The index of the classified bar in the whole series.</summary>
    public int Bar { readonly get; private set; }

    /// <summary>State carried from bar to bar by the few patterns that wait for a confirmation.</summary>
    public readonly ref PatternMemory Memory => ref _memory;

    /// <summary>
    /// Points the window at the bar stored at <paramref name="position"/>, bar <paramref name="bar"/> of the
    /// series, whose thresholds are at <paramref name="row"/> of each average's row.
    /// </summary>
    public void MoveTo(int position, int bar, int row)
    {
        _at = position;
        Bar = bar;
        _row = row;
    }

    public readonly double Open(int back) => _open[unchecked(_at - back)];

    public readonly double High(int back) => _high[unchecked(_at - back)];

    public readonly double Low(int back) => _low[unchecked(_at - back)];

    public readonly double Close(int back) => _close[unchecked(_at - back)];

    /// <summary>|close − open|.</summary>
    public readonly double Body(int back) => Math.Abs(Close(back) - Open(back));

    public readonly double HighLow(int back) => High(back) - Low(back);

    /// <summary>The higher of open and close.</summary>
    public readonly double BodyTop(int back) => Close(back) >= Open(back) ? Close(back) : Open(back);

    /// <summary>The lower of open and close.</summary>
    public readonly double BodyBottom(int back) => Close(back) >= Open(back) ? Open(back) : Close(back);

    public readonly double UpperShadow(int back) => High(back) - BodyTop(back);

    public readonly double LowerShadow(int back) => BodyBottom(back) - Low(back);

    /// <summary>The shadow at the open's end: the lower one of a white candle, the upper one of a black candle.</summary>
    public readonly double OpeningShadow(int back) => IsWhite(back) ? LowerShadow(back) : UpperShadow(back);

    /// <summary>The shadow at the close's end: the upper one of a white candle, the lower one of a black candle.</summary>
    public readonly double ClosingShadow(int back) => IsWhite(back) ? UpperShadow(back) : LowerShadow(back);

    /// <summary>+1 for a white candle (close ≥ open, dojis included, as TA-Lib), −1 for a black one.</summary>
    public readonly int Color(int back) => Close(back) >= Open(back) ? 1 : -1;

    public readonly bool IsWhite(int back) => Close(back) >= Open(back);

    public readonly bool IsBlack(int back) => Close(back) < Open(back);

    /// <summary>The real body of <paramref name="back"/> lies wholly above that of <paramref name="earlier"/>.</summary>
    public readonly bool BodyGapUp(int back, int earlier) => BodyBottom(back) > BodyTop(earlier);

    /// <summary>The real body of <paramref name="back"/> lies wholly below that of <paramref name="earlier"/>.</summary>
    public readonly bool BodyGapDown(int back, int earlier) => BodyTop(back) < BodyBottom(earlier);

    /// <summary>The low of <paramref name="back"/> is above the high of <paramref name="earlier"/>.</summary>
    public readonly bool GapUp(int back, int earlier) => Low(back) > High(earlier);

    /// <summary>The high of <paramref name="back"/> is below the low of <paramref name="earlier"/>.</summary>
    public readonly bool GapDown(int back, int earlier) => High(back) < Low(earlier);

    /// <summary>The threshold of the pattern's rolling average <paramref name="index"/> at this bar.</summary>
    public readonly double Average(int index) => _thresholds[unchecked((index * _stride) + _row)];
}
