using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Matching low (TA-Lib CDLMATCHINGLOW): two black candles closing at about the same price. +100 where found.
/// </summary>
public static class CdlMatchingLow
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlmatchinglow", "Matching Low", "+100 on a matching low",
        barsBefore: 1, [new(CandleSetting.Equal, 1)], _ => new Stream());

    /// <summary>Bars without a value at the start (6).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming matching low: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.IsBlack(1) && c.IsBlack(0) && c.Close(0) <= c.Close(1) + c.Average(0) && c.Close(0) >= c.Close(1) - c.Average(0) ? 100 : 0;
    }
}
