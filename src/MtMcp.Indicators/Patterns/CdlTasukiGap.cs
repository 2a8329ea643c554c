using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Tasuki gap (TA-Lib CDLTASUKIGAP): a body gapping away, then a candle of the other colour of about its size
/// opening inside it and closing inside the gap. +100 upside, −100 downside.
/// </summary>
public static class CdlTasukiGap
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdltasukigap", "Tasuki Gap", "+100 upside tasuki gap, −100 downside",
        barsBefore: 2, [new(CandleSetting.Near, 1)], _ => new Stream());

    /// <summary>Bars without a value at the start (7).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming tasuki gap: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c)
        {
            var similar = Math.Abs(c.Body(1) - c.Body(0)) < c.Average(0);
            var upside = c.BodyGapUp(1, 2) && c.IsWhite(1) && c.IsBlack(0)
                && c.Open(0) < c.Close(1) && c.Open(0) > c.Open(1) && c.Close(0) < c.Open(1) && c.Close(0) > c.BodyTop(2);
            var downside = c.BodyGapDown(1, 2) && c.IsBlack(1) && c.IsWhite(0)
                && c.Open(0) < c.Open(1) && c.Open(0) > c.Close(1) && c.Close(0) > c.Open(1) && c.Close(0) < c.BodyBottom(2);
            return (upside || downside) && similar ? 100 * c.Color(1) : 0;
        }
    }
}
