using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Breakaway (TA-Lib CDLBREAKAWAY): a long candle, a gap on in its direction, two more candles extending the
/// move, then a candle of the other colour closing inside the gap. +100 bullish, −100 bearish.
/// </summary>
public static class CdlBreakaway
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlbreakaway", "Breakaway", "+100 bullish breakaway (after a fall), −100 bearish",
        barsBefore: 4, [new(CandleSetting.BodyLong, 4)], _ => new Stream());

    /// <summary>Bars without a value at the start (14).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming breakaway: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c)
        {
            if (!(c.Body(4) > c.Average(0) && c.Color(4) == c.Color(3) && c.Color(3) == c.Color(1) && c.Color(1) == -c.Color(0)))
            {
                return 0;
            }

            var bullish = c.IsBlack(4) && c.BodyGapDown(3, 4)
                && c.High(2) < c.High(3) && c.Low(2) < c.Low(3) && c.High(1) < c.High(2) && c.Low(1) < c.Low(2)
                && c.Close(0) > c.Open(3) && c.Close(0) < c.Close(4);
            var bearish = c.IsWhite(4) && c.BodyGapUp(3, 4)
                && c.High(2) > c.High(3) && c.Low(2) > c.Low(3) && c.High(1) > c.High(2) && c.Low(1) > c.Low(2)
                && c.Close(0) < c.Open(3) && c.Close(0) > c.Close(4);
            return bullish || bearish ? 100 * c.Color(0) : 0;
        }
    }
}
