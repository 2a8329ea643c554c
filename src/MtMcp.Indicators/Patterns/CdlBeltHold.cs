using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Belt-hold (TA-Lib CDLBELTHOLD): a long real body with a very short shadow at the open. +100 white (bullish),
/// −100 black.
/// </summary>
public static class CdlBeltHold
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlbelthold", "Belt-hold", "+100 bullish (white) belt-hold, −100 bearish",
        barsBefore: 0, [new(CandleSetting.BodyLong, 0), new(CandleSetting.ShadowVeryShort, 0)], _ => new Stream());

    /// <summary>Bars without a value at the start (10).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming belt-hold: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.Body(0) > c.Average(0) && c.OpeningShadow(0) < c.Average(1) ? 100 * c.Color(0) : 0;
    }
}
