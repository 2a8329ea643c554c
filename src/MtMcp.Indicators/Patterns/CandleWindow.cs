using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MtMcp.Indicators;

/// <summary>
/// The bars a pattern rule sees: the candle being classified (back 0) and those before it, with the
/// geometry TA-Lib's patterns are written in (real body, shadows, colour, gaps) and the thresholds of the
/// pattern's rolling averages at that bar. The batch form points it into the whole series (the averages'
/// values for a block of bars, one row per bar), the streaming form into its ring of recent bars (the values
/// for the newest bar), so one rule serves both.
/// </summary>
internal ref struct CandleWindow
{
    // References to the first bar of each series and the first scale: the rules read prices a few bars back
    // from the classified one on every bar, and the pattern's lookback keeps those reads within the series,
    // so they go without bounds checks.
    private readonly ref readonly double _open;
    private readonly ref readonly double _high;
    private readonly ref readonly double _low;
    private readonly ref readonly double _close;
    private readonly ref readonly CandleScale _scales;
    private readonly ref readonly double _values;
    private readonly int _stride;
    private readonly ref PatternMemory _memory;
    private int _at;
    private int _column;

    /// <param name="candles">The bars.</param>
    /// <param name="scales">How each of the pattern's averages turns its value into a threshold.</param>
    /// <param name="values">
    /// The averages' values (running totals, or own ranges for averages without a period): one row per average,
    /// <paramref name="stride"/> apart, one value per bar in a row.
    /// </param>
    /// <param name="stride">The distance between rows.</param>
    /// <param name="penetration">The pattern's penetration (0 for patterns without one).</param>
    /// <param name="memory">The state carried from bar to bar.</param>
    public CandleWindow(in CandleSeries candles, ReadOnlySpan<CandleScale> scales, ReadOnlySpan<double> values, int stride, double penetration, ref PatternMemory memory)
    {
        _open = ref MemoryMarshal.GetReference(candles.Open);
        _high = ref MemoryMarshal.GetReference(candles.High);
        _low = ref MemoryMarshal.GetReference(candles.Low);
        _close = ref MemoryMarshal.GetReference(candles.Close);
        _scales = ref MemoryMarshal.GetReference(scales);
        _values = ref MemoryMarshal.GetReference(values);
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
    /// series, whose averages' values are at <paramref name="column"/> of their rows. The position must leave
    /// room for the rule's bars before it.
    /// </summary>
    public void MoveTo(int position, int bar, int column)
    {
        _at = position;
        Bar = bar;
        _column = column;
    }

    public readonly double Open(int back) => Unsafe.Add(ref Unsafe.AsRef(in _open), unchecked(_at - back));

    public readonly double High(int back) => Unsafe.Add(ref Unsafe.AsRef(in _high), unchecked(_at - back));

    public readonly double Low(int back) => Unsafe.Add(ref Unsafe.AsRef(in _low), unchecked(_at - back));

    public readonly double Close(int back) => Unsafe.Add(ref Unsafe.AsRef(in _close), unchecked(_at - back));

    /// <summary>|close − open|.</summary>
    public readonly double Body(int back) => Math.Abs(Close(back) - Open(back));

    public readonly double HighLow(int back) => High(back) - Low(back);

    /// <summary>The higher of open and close.</summary>
    public readonly double BodyTop(int back) => WhiteOrBlack(Close(back), Open(back), Close(back), Open(back));

    /// <summary>The lower of open and close.</summary>
    public readonly double BodyBottom(int back) => WhiteOrBlack(Close(back), Open(back), Open(back), Close(back));

    public readonly double UpperShadow(int back) => High(back) - BodyTop(back);

    public readonly double LowerShadow(int back) => BodyBottom(back) - Low(back);

    /// <summary>The shadow at the open's end: the lower one of a white candle, the upper one of a black candle.</summary>
    public readonly double OpeningShadow(int back) => WhiteOrBlack(Close(back), Open(back), LowerShadow(back), UpperShadow(back));

    /// <summary>The shadow at the close's end: the upper one of a white candle, the lower one of a black candle.</summary>
    public readonly double ClosingShadow(int back) => WhiteOrBlack(Close(back), Open(back), UpperShadow(back), LowerShadow(back));

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

    /// <summary>
    /// The threshold of the pattern's average <paramref name="index"/> at this bar, worked out only when a rule
    /// asks for it (as TA-Lib does): most bars fail a rule before it reads every average.
    /// </summary>
    public readonly double Average(int index) =>
        Unsafe.Add(ref Unsafe.AsRef(in _scales), index).Of(Unsafe.Add(ref Unsafe.AsRef(in _values), unchecked((index * _stride) + _column)));

    /// <summary>
    /// <paramref name="white"/> when close ≥ open, else <paramref name="black"/> (also for a NaN price, as the
    /// plain comparison), chosen without a branch: a candle's colour is a coin toss on market data, and a
    /// mispredicted branch per bar costs more than the whole rule.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double WhiteOrBlack(double close, double open, double white, double black) =>
        Vector128.ConditionalSelect(
            Vector128.GreaterThanOrEqual(Vector128.CreateScalarUnsafe(close), Vector128.CreateScalarUnsafe(open)),
            Vector128.CreateScalarUnsafe(white),
            Vector128.CreateScalarUnsafe(black)).ToScalar();
}
