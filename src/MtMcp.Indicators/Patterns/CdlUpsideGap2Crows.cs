using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Upside gap two crows (TA-Lib CDLUPSIDEGAP2CROWS): a long white candle, a short black one gapping up, then a
/// black one engulfing it and closing above the first close. −100 where found.
/// </summary>
public static class CdlUpsideGap2Crows
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlupsidegap2crows", "Upside Gap Two Crows", "−100 on upside gap two crows",
        barsBefore: 2, [new(CandleSetting.BodyLong, 2), new(CandleSetting.BodyShort, 1)], _ => new Stream());

    /// <summary>Bars without a value at the start (12).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming upside gap two crows: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.IsWhite(2) && c.Body(2) > c.Average(0) && c.IsBlack(1) && c.Body(1) <= c.Average(1) && c.BodyGapUp(1, 2)
            && c.IsBlack(0) && c.Open(0) > c.Open(1) && c.Close(0) < c.Close(1) && c.Close(0) > c.Close(2) ? -100 : 0;
    }
}
