using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Up/down-gap side-by-side white lines (TA-Lib CDLGAPSIDESIDEWHITE): two similar white candles opening at about
/// the same price, both gapping away from the candle before. +100 after an upward gap, −100 after a downward one.
/// </summary>
public static class CdlGapSideSideWhite
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlgapsidesidewhite", "Up/Down-gap side-by-side white lines", "+100 after an upward gap, −100 after a downward gap",
        barsBefore: 2, [new(CandleSetting.Near, 1), new(CandleSetting.Equal, 1)], _ => new Stream());

    /// <summary>Bars without a value at the start (7).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming up/down-gap side-by-side white lines: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c)
        {
            var up = c.BodyGapUp(1, 2);
            var found = ((up && c.BodyGapUp(0, 2)) || (c.BodyGapDown(1, 2) && c.BodyGapDown(0, 2)))
                && c.IsWhite(1) && c.IsWhite(0)
                && c.Body(0) >= c.Body(1) - c.Average(0) && c.Body(0) <= c.Body(1) + c.Average(0)
                && c.Open(0) >= c.Open(1) - c.Average(1) && c.Open(0) <= c.Open(1) + c.Average(1);
            return found ? (up ? 100 : -100) : 0;
        }
    }
}
