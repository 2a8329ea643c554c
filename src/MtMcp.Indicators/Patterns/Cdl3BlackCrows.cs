using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Three black crows (TA-Lib CDL3BLACKCROWS): after a white candle, three black candles with very short lower
/// shadows, each opening inside the previous body and closing lower. −100 where found.
/// </summary>
public static class Cdl3BlackCrows
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdl3blackcrows", "Three Black Crows", "−100 on three black crows",
        barsBefore: 3, [
            new(CandleSetting.ShadowVeryShort, 2), new(CandleSetting.ShadowVeryShort, 1), new(CandleSetting.ShadowVeryShort, 0),
        ], _ => new Stream());

    /// <summary>Bars without a value at the start (13).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming three black crows: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.IsWhite(3) && CandleShapes.ThreeFallingShavenBlacks(c)
            && c.Open(1) < c.Open(2) && c.Open(1) > c.Close(2) && c.Open(0) < c.Open(1) && c.Open(0) > c.Close(1)
            && c.High(3) > c.Close(2) ? -100 : 0;
    }
}
