using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Shooting star (TA-Lib CDLSHOOTINGSTAR): an inverted-hammer-shaped candle gapping up from the previous body.
/// −100 where found.
/// </summary>
public static class CdlShootingStar
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlshootingstar", "Shooting Star", "−100 on a shooting star",
        barsBefore: 1, [new(CandleSetting.BodyShort, 0), new(CandleSetting.ShadowLong, 0), new(CandleSetting.ShadowVeryShort, 0)], _ => new Stream());

    /// <summary>Bars without a value at the start (11).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming shooting star: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            CandleShapes.InvertedHammerShape(c) && c.BodyGapUp(0, 1) ? -100 : 0;
    }
}
