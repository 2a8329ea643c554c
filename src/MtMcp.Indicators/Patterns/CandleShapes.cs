using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Candle formations several TA-Lib patterns share, written once. Each states which of the pattern's
/// averages (by index) it reads; the patterns that use it list their averages in that order.
/// </summary>
internal static class CandleShapes
{
    /// <summary>
    /// Hammer and hanging man: a short body (average 0) with a long lower shadow (average 1) and a very short
    /// upper shadow (average 2).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HammerShape(in CandleWindow c) =>
        c.Body(0) < c.Average(0) && c.LowerShadow(0) > c.Average(1) && c.UpperShadow(0) < c.Average(2);

    /// <summary>
    /// Inverted hammer and shooting star: a short body (average 0) with a long upper shadow (average 1) and a
    /// very short lower shadow (average 2).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool InvertedHammerShape(in CandleWindow c) =>
        c.Body(0) < c.Average(0) && c.UpperShadow(0) > c.Average(1) && c.LowerShadow(0) < c.Average(2);

    /// <summary>
    /// In-neck, on-neck and thrusting: a long black candle (average 1) followed by a white one opening below
    /// its low.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LongBlackThenWhiteBelow(in CandleWindow c) =>
        c.IsBlack(1) && c.Body(1) > c.Average(1) && c.IsWhite(0) && c.Open(0) < c.Low(1);

    /// <summary>
    /// Three black crows and identical three crows: three black candles with falling closes, each lower shadow
    /// very short (averages 0, 1, 2 for the oldest to the newest).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ThreeFallingShavenBlacks(in CandleWindow c) =>
        c.IsBlack(2) && c.LowerShadow(2) < c.Average(0)
        && c.IsBlack(1) && c.LowerShadow(1) < c.Average(1)
        && c.IsBlack(0) && c.LowerShadow(0) < c.Average(2)
        && c.Close(2) > c.Close(1) && c.Close(1) > c.Close(0);

    /// <summary>
    /// Three white soldiers, advance block and stalled pattern: three white candles with rising closes, the
    /// second opening above the first's open and no further than near (average <paramref name="near"/>) above
    /// its close.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ThreeRisingWhites(in CandleWindow c, int near) =>
        c.IsWhite(2) && c.IsWhite(1) && c.IsWhite(0)
        && c.Close(0) > c.Close(1) && c.Close(1) > c.Close(2)
        && c.Open(1) > c.Open(2) && c.Open(1) <= c.Close(2) + c.Average(near);

    /// <summary>
    /// Mat hold and rising/falling three methods: a long body (average 0) followed by three short ones
    /// (averages 1, 2, 3).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LongThenThreeShort(in CandleWindow c) =>
        c.Body(4) > c.Average(0) && c.Body(3) < c.Average(1) && c.Body(2) < c.Average(2) && c.Body(1) < c.Average(3);

    /// <summary>
    /// Kicking: two marubozu of opposite colours, a gap between them: long bodies (averages 2 and 3), very
    /// short shadows (averages 0 and 1), the older first in each pair.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Kicking(in CandleWindow c) =>
        c.Color(1) == -c.Color(0)
        && c.Body(1) > c.Average(2) && c.UpperShadow(1) < c.Average(0) && c.LowerShadow(1) < c.Average(0)
        && c.Body(0) > c.Average(3) && c.UpperShadow(0) < c.Average(1) && c.LowerShadow(0) < c.Average(1)
        && (c.IsBlack(1) ? c.GapUp(0, 1) : c.GapDown(0, 1));
}
