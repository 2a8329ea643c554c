using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Doji star (TA-Lib CDLDOJISTAR): a long candle followed by a doji whose body gaps away from it. −100 after a
/// white candle (bearish), +100 after a black one.
/// </summary>
public static class CdlDojiStar
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdldojistar", "Doji Star", "−100 bearish (after a white candle), +100 bullish doji star",
        barsBefore: 1, [new(CandleSetting.BodyLong, 1), new(CandleSetting.BodyDoji, 0)], _ => new Stream());

    /// <summary>Bars without a value at the start (11).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming doji star: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.Body(1) > c.Average(0) && c.Body(0) <= c.Average(1) && (c.IsWhite(1) ? c.BodyGapUp(0, 1) : c.BodyGapDown(0, 1)) ? -100 * c.Color(1) : 0;
    }
}
