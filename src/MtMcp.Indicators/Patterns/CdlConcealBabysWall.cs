using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Concealing baby swallow (TA-Lib CDLCONCEALBABYSWALL): two black marubozu, a black candle gapping down with an
/// upper shadow into the second body, then a black candle engulfing it, shadows included. +100 where found.
/// </summary>
public static class CdlConcealBabysWall
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlconcealbabyswall", "Concealing Baby Swallow", "+100 on a concealing baby swallow",
        barsBefore: 3, [
            new(CandleSetting.ShadowVeryShort, 3), new(CandleSetting.ShadowVeryShort, 2), new(CandleSetting.ShadowVeryShort, 1),
        ], _ => new Stream());

    /// <summary>Bars without a value at the start (13).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming concealing baby swallow: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.IsBlack(3) && c.IsBlack(2) && c.IsBlack(1) && c.IsBlack(0)
            && c.LowerShadow(3) < c.Average(0) && c.UpperShadow(3) < c.Average(0)
            && c.LowerShadow(2) < c.Average(1) && c.UpperShadow(2) < c.Average(1)
            && c.BodyGapDown(1, 2) && c.UpperShadow(1) > c.Average(2) && c.High(1) > c.Close(2)
            && c.High(0) > c.High(1) && c.Low(0) < c.Low(1) ? 100 : 0;
    }
}
