using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Hanging man (TA-Lib CDLHANGINGMAN): a hammer-shaped candle whose body is at or near the previous high. −100
/// where found.
/// </summary>
public static class CdlHangingMan
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlhangingman", "Hanging Man", "−100 on a hanging man",
        barsBefore: 1, [
            new(CandleSetting.BodyShort, 0), new(CandleSetting.ShadowLong, 0), new(CandleSetting.ShadowVeryShort, 0),
            new(CandleSetting.Near, 1),
        ], _ => new Stream());

    /// <summary>Bars without a value at the start (11).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming hanging man: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            CandleShapes.HammerShape(c) && c.BodyBottom(0) >= c.High(1) - c.Average(3) ? -100 : 0;
    }
}
