using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Stalled pattern (TA-Lib CDLSTALLEDPATTERN): two long rising white candles, then a short white one opening near
/// the second close. −100 where found.
/// </summary>
public static class CdlStalledPattern
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlstalledpattern", "Stalled Pattern", "−100 on a stalled pattern",
        barsBefore: 2, [
            new(CandleSetting.BodyLong, 2), new(CandleSetting.BodyLong, 1), new(CandleSetting.BodyShort, 0),
            new(CandleSetting.ShadowVeryShort, 1), new(CandleSetting.Near, 2), new(CandleSetting.Near, 1),
        ], _ => new Stream());

    /// <summary>Bars without a value at the start (12).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming stalled pattern: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            CandleShapes.ThreeRisingWhites(c, near: 4)
            && c.Body(2) > c.Average(0) && c.Body(1) > c.Average(1) && c.UpperShadow(1) < c.Average(3)
            && c.Body(0) < c.Average(2) && c.Open(0) >= c.Close(1) - c.Body(0) - c.Average(5) ? -100 : 0;
    }
}
