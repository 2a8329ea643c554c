using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Tristar (TA-Lib CDLTRISTAR): three dojis, the middle one gapping away. −100 when it gaps up and the third body
/// is lower, +100 when it gaps down and the third is higher.
/// </summary>
public static class CdlTristar
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdltristar", "Tristar Pattern", "+100 bullish (middle doji gaps down), −100 bearish tristar",
        barsBefore: 2, [new(CandleSetting.BodyDoji, 2)], _ => new Stream());

    /// <summary>Bars without a value at the start (12).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming tristar pattern: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c)
        {
            // TA-Lib judges all three bodies against the first doji's threshold.
            var doji = c.Average(0);
            if (!(c.Body(2) <= doji && c.Body(1) <= doji && c.Body(0) <= doji))
            {
                return 0;
            }

            if (c.BodyGapDown(1, 2) && c.BodyBottom(0) > c.BodyBottom(1))
            {
                return 100;
            }

            return c.BodyGapUp(1, 2) && c.BodyTop(0) < c.BodyTop(1) ? -100 : 0;
        }
    }
}
