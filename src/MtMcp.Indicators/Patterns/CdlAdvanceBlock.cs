using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Advance block (TA-Lib CDLADVANCEBLOCK): three rising white candles, the first long, losing strength: shrinking
/// bodies or growing upper shadows. −100 where found.
/// </summary>
public static class CdlAdvanceBlock
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdladvanceblock", "Advance Block", "−100 on an advance block",
        barsBefore: 2, [
            new(CandleSetting.ShadowShort, 2), new(CandleSetting.ShadowShort, 1), new(CandleSetting.ShadowShort, 0),
            new(CandleSetting.ShadowLong, 0), new(CandleSetting.Near, 2), new(CandleSetting.Near, 1),
            new(CandleSetting.Far, 2), new(CandleSetting.Far, 1), new(CandleSetting.BodyLong, 2),
        ], _ => new Stream());

    /// <summary>Bars without a value at the start (12).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming advance block: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c)
        {
            if (!(CandleShapes.ThreeRisingWhites(c, near: 4)
                && c.Open(0) > c.Open(1) && c.Open(0) <= c.Close(1) + c.Average(5)
                && c.Body(2) > c.Average(8) && c.UpperShadow(2) < c.Average(0)))
            {
                return 0;
            }

            double first = c.Body(2), second = c.Body(1), third = c.Body(0);
            var weakening =
                (second < first - c.Average(6) && third < second + c.Average(5))
                || third < second - c.Average(7)
                || (third < second && second < first && (c.UpperShadow(0) > c.Average(2) || c.UpperShadow(1) > c.Average(1)))
                || (third < second && c.UpperShadow(0) > c.Average(3));
            return weakening ? -100 : 0;
        }
    }
}
