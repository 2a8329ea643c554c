using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Harami (TA-Lib CDLHARAMI): a long candle followed by a short body inside its body. +100 bullish (after a black
/// candle), −100 bearish; ±80 when an end of the bodies coincides.
/// </summary>
public static class CdlHarami
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlharami", "Harami Pattern", "+100 bullish, −100 bearish harami; ±80 when the second body touches an end of the first",
        barsBefore: 1, [new(CandleSetting.BodyLong, 1), new(CandleSetting.BodyShort, 0)], _ => new Stream());

    /// <summary>Bars without a value at the start (11).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming harami pattern: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    internal readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c)
        {
            if (!(c.Body(1) > c.Average(0) && c.Body(0) <= c.Average(1)))
            {
                return 0;
            }

            if (c.BodyTop(0) < c.BodyTop(1) && c.BodyBottom(0) > c.BodyBottom(1))
            {
                return -100 * c.Color(1);
            }

            return c.BodyTop(0) <= c.BodyTop(1) && c.BodyBottom(0) >= c.BodyBottom(1) ? -80 * c.Color(1) : 0;
        }
    }
}
