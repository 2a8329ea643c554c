using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Piercing (TA-Lib CDLPIERCING): a long black candle, then a long white one opening below its low and closing
/// above its body's middle, below its open. +100 where found.
/// </summary>
public static class CdlPiercing
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlpiercing", "Piercing Pattern", "+100 on a piercing pattern",
        barsBefore: 1, [new(CandleSetting.BodyLong, 1), new(CandleSetting.BodyLong, 0)], _ => new Stream());

    /// <summary>Bars without a value at the start (11).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming piercing pattern: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.IsBlack(1) && c.Body(1) > c.Average(0) && c.IsWhite(0) && c.Body(0) > c.Average(1) && c.Open(0) < c.Low(1)
            && c.Close(0) < c.Open(1) && c.Close(0) > c.Close(1) + (c.Body(1) * 0.5) ? 100 : 0;
    }
}
