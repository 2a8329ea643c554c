using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// On-neck (TA-Lib CDLONNECK): a long black candle, then a white one opening below its low and closing at about
/// that low. −100 where found.
/// </summary>
public static class CdlOnNeck
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlonneck", "On-Neck Pattern", "−100 on an on-neck pattern",
        barsBefore: 1, [new(CandleSetting.Equal, 1), new(CandleSetting.BodyLong, 1)], _ => new Stream());

    /// <summary>Bars without a value at the start (11).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming on-neck pattern: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            CandleShapes.LongBlackThenWhiteBelow(c) && c.Close(0) <= c.Low(1) + c.Average(0) && c.Close(0) >= c.Low(1) - c.Average(0) ? -100 : 0;
    }
}
