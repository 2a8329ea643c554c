using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Unique three river (TA-Lib CDLUNIQUE3RIVER): a long black candle, a black harami with a lower low, then a
/// short white candle opening above that low. +100 where found.
/// </summary>
public static class CdlUnique3River
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlunique3river", "Unique 3 River", "+100 on a unique three river",
        barsBefore: 2, [new(CandleSetting.BodyLong, 2), new(CandleSetting.BodyShort, 0)], _ => new Stream());

    /// <summary>Bars without a value at the start (12).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming unique 3 river: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.Body(2) > c.Average(0) && c.IsBlack(2) && c.IsBlack(1)
            && c.Close(1) > c.Close(2) && c.Open(1) <= c.Open(2) && c.Low(1) < c.Low(2)
            && c.Body(0) < c.Average(1) && c.IsWhite(0) && c.Open(0) > c.Low(1) ? 100 : 0;
    }
}
