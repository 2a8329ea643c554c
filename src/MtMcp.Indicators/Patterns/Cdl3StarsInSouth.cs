using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Three stars in the south (TA-Lib CDL3STARSINSOUTH): three black candles: a long one with a long lower shadow,
/// a smaller one with a higher low, then a small marubozu inside the second range. +100 where found.
/// </summary>
public static class Cdl3StarsInSouth
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdl3starsinsouth", "Three Stars In The South", "+100 on three stars in the south",
        barsBefore: 2, [
            new(CandleSetting.BodyLong, 2), new(CandleSetting.ShadowLong, 2), new(CandleSetting.ShadowVeryShort, 1),
            new(CandleSetting.ShadowVeryShort, 0), new(CandleSetting.BodyShort, 0),
        ], _ => new Stream());

    /// <summary>Bars without a value at the start (12).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming three stars in the south: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.IsBlack(2) && c.IsBlack(1) && c.IsBlack(0)
            && c.Body(2) > c.Average(0) && c.LowerShadow(2) > c.Average(1)
            && c.Body(1) < c.Body(2) && c.Open(1) > c.Close(2) && c.Open(1) <= c.High(2)
            && c.Low(1) < c.Close(2) && c.Low(1) >= c.Low(2) && c.LowerShadow(1) > c.Average(2)
            && c.Body(0) < c.Average(4) && c.LowerShadow(0) < c.Average(3) && c.UpperShadow(0) < c.Average(3)
            && c.Low(0) > c.Low(1) && c.High(0) < c.High(1) ? 100 : 0;
    }
}
