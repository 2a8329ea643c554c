using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Identical three crows (TA-Lib CDLIDENTICAL3CROWS): three black candles with very short lower shadows, each
/// opening at about the previous close and closing lower. −100 where found.
/// </summary>
public static class CdlIdentical3Crows
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlidentical3crows", "Identical Three Crows", "−100 on identical three crows",
        barsBefore: 2, [
            new(CandleSetting.ShadowVeryShort, 2), new(CandleSetting.ShadowVeryShort, 1), new(CandleSetting.ShadowVeryShort, 0),
            new(CandleSetting.Equal, 2), new(CandleSetting.Equal, 1),
        ], _ => new Stream());

    /// <summary>Bars without a value at the start (12).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming identical three crows: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            CandleShapes.ThreeFallingShavenBlacks(c)
            && c.Open(1) <= c.Close(2) + c.Average(3) && c.Open(1) >= c.Close(2) - c.Average(3)
            && c.Open(0) <= c.Close(1) + c.Average(4) && c.Open(0) >= c.Close(1) - c.Average(4) ? -100 : 0;
    }
}
