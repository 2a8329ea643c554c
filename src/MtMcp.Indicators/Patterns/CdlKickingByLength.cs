using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Kicking by length (TA-Lib CDLKICKINGBYLENGTH): a kicking pattern whose direction is the colour of the longer
/// marubozu. +100 bullish, −100 bearish.
/// </summary>
public static class CdlKickingByLength
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlkickingbylength", "Kicking - bull/bear determined by the longer marubozu", "+100 when the longer marubozu is white, −100 when black",
        barsBefore: 1, [
            new(CandleSetting.ShadowVeryShort, 1), new(CandleSetting.ShadowVeryShort, 0), new(CandleSetting.BodyLong, 1),
            new(CandleSetting.BodyLong, 0),
        ], _ => new Stream());

    /// <summary>Bars without a value at the start (11).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming kicking - bull/bear determined by the longer marubozu: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            CandleShapes.Kicking(c) ? 100 * c.Color(c.Body(0) > c.Body(1) ? 0 : 1) : 0;
    }
}
