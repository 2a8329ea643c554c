using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Abandoned baby (TA-Lib CDLABANDONEDBABY): a long candle, a doji gapping away from it (shadows included), then
/// a candle of the other colour gapping back and closing more than <c>penetration</c> of the first body into it.
/// +100 bullish, −100 bearish.
/// </summary>
public static class CdlAbandonedBaby
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlabandonedbaby", "Abandoned Baby", "+100 bullish (black, doji, white), −100 bearish abandoned baby",
        barsBefore: 2, [new(CandleSetting.BodyLong, 2), new(CandleSetting.BodyDoji, 1), new(CandleSetting.BodyShort, 0)], penetration => new Stream(penetration), penetration: 0.3);

    /// <summary>Bars without a value at the start (12).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="penetration"/> is not from 0 to 3e37.</exception>
    public static void Compute(
        ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, double penetration, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, penetration, output);

    /// <summary>Streaming abandoned baby: O(1) per bar.</summary>
    /// <param name="penetration">The penetration (TA-Lib's default 0.3).</param>
    public sealed class Stream(double penetration = 0.3) : CandlePatternStream(s_pattern, penetration);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c)
        {
            if (!(c.Body(2) > c.Average(0) && c.Body(1) <= c.Average(1) && c.Body(0) > c.Average(2)))
            {
                return 0;
            }

            var reach = c.Body(2) * c.Penetration;
            var bearish = c.IsWhite(2) && c.IsBlack(0) && c.Close(0) < c.Close(2) - reach && c.GapUp(1, 2) && c.GapDown(0, 1);
            var bullish = c.IsBlack(2) && c.IsWhite(0) && c.Close(0) > c.Close(2) + reach && c.GapDown(1, 2) && c.GapUp(0, 1);
            return bearish || bullish ? 100 * c.Color(0) : 0;
        }
    }
}
