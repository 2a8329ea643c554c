using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Mat hold (TA-Lib CDLMATHOLD): a long white candle, three short bodies drifting down within it after an upward
/// gap, then a white candle closing above their highs. <c>penetration</c> limits how deep the small bodies may
/// reach into the first. +100 where found.
/// </summary>
public static class CdlMatHold
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlmathold", "Mat Hold", "+100 on a mat hold",
        barsBefore: 4, [
            new(CandleSetting.BodyLong, 4), new(CandleSetting.BodyShort, 3), new(CandleSetting.BodyShort, 2),
            new(CandleSetting.BodyShort, 1),
        ], penetration => new Stream(penetration), penetration: 0.5);

    /// <summary>Bars without a value at the start (14).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="penetration"/> is not from 0 to 3e37.</exception>
    public static void Compute(
        ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, double penetration, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, penetration, output);

    /// <summary>Streaming mat hold: O(1) per bar.</summary>
    /// <param name="penetration">The penetration (TA-Lib's default 0.5).</param>
    public sealed class Stream(double penetration = 0.5) : CandlePatternStream(s_pattern, penetration);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c)
        {
            if (!(CandleShapes.LongThenThreeShort(c) && c.IsWhite(4) && c.IsBlack(3) && c.IsWhite(0) && c.BodyGapUp(3, 4)))
            {
                return 0;
            }

            var floor = c.Close(4) - (c.Body(4) * c.Penetration);
            double second = c.BodyBottom(2), third = c.BodyBottom(1);
            return second < c.Close(4) && third < c.Close(4) && second > floor && third > floor
                && c.BodyTop(2) < c.Open(3) && c.BodyTop(1) < c.BodyTop(2)
                && c.Open(0) > c.Close(1) && c.Close(0) > Math.Max(Math.Max(c.High(3), c.High(2)), c.High(1)) ? 100 : 0;
        }
    }
}
