using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Marubozu (TA-Lib CDLMARUBOZU): a long real body with very short shadows at both ends. +100 white, −100 black.
/// </summary>
public static class CdlMarubozu
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlmarubozu", "Marubozu", "+100 white marubozu, −100 black",
        barsBefore: 0, [new(CandleSetting.BodyLong, 0), new(CandleSetting.ShadowVeryShort, 0)], _ => new Stream());

    /// <summary>Bars without a value at the start (10).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming marubozu: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    internal readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.Body(0) > c.Average(0) && c.UpperShadow(0) < c.Average(1) && c.LowerShadow(0) < c.Average(1) ? 100 * c.Color(0) : 0;
    }
}
