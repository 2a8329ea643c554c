using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Ladder bottom (TA-Lib CDLLADDERBOTTOM): three falling black candles, a black one with an upper shadow, then a
/// white one opening above its body and closing above its high. +100 where found.
/// </summary>
public static class CdlLadderBottom
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlladderbottom", "Ladder Bottom", "+100 on a ladder bottom",
        barsBefore: 4, [new(CandleSetting.ShadowVeryShort, 1)], _ => new Stream());

    /// <summary>Bars without a value at the start (14).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming ladder bottom: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.IsBlack(4) && c.IsBlack(3) && c.IsBlack(2)
            && c.Open(4) > c.Open(3) && c.Open(3) > c.Open(2) && c.Close(4) > c.Close(3) && c.Close(3) > c.Close(2)
            && c.IsBlack(1) && c.UpperShadow(1) > c.Average(0)
            && c.IsWhite(0) && c.Open(0) > c.Open(1) && c.Close(0) > c.High(1) ? 100 : 0;
    }
}
