using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Separating lines (TA-Lib CDLSEPARATINGLINES): opposite colours opening at about the same price, the second a
/// belt-hold (long body, very short shadow at the open). +100 when the second is white, −100 when black.
/// </summary>
public static class CdlSeparatingLines
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlseparatinglines", "Separating Lines", "+100 bullish (white second candle), −100 bearish",
        barsBefore: 1, [new(CandleSetting.ShadowVeryShort, 0), new(CandleSetting.BodyLong, 0), new(CandleSetting.Equal, 1)], _ => new Stream());

    /// <summary>Bars without a value at the start (11).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming separating lines: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.Color(1) == -c.Color(0) && c.Open(0) <= c.Open(1) + c.Average(2) && c.Open(0) >= c.Open(1) - c.Average(2)
            && c.Body(0) > c.Average(1) && c.OpeningShadow(0) < c.Average(0) ? 100 * c.Color(0) : 0;
    }
}
