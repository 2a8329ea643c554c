using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Long-legged doji (TA-Lib CDLLONGLEGGEDDOJI): a doji with at least one shadow longer than its real body. +100
/// where found.
/// </summary>
public static class CdlLongLeggedDoji
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdllongleggeddoji", "Long Legged Doji", "+100 on a long-legged doji",
        barsBefore: 0, [new(CandleSetting.BodyDoji, 0), new(CandleSetting.ShadowLong, 0)], _ => new Stream());

    /// <summary>Bars without a value at the start (10).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming long legged doji: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.Body(0) <= c.Average(0) && (c.LowerShadow(0) > c.Average(1) || c.UpperShadow(0) > c.Average(1)) ? 100 : 0;
    }
}
