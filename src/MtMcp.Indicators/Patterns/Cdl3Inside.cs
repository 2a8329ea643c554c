using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Three inside up/down (TA-Lib CDL3INSIDE): a harami (long candle, short body inside it) confirmed by a third
/// candle closing beyond the first open. +100 up, −100 down.
/// </summary>
public static class Cdl3Inside
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdl3inside", "Three Inside Up/Down", "+100 three inside up, −100 three inside down",
        barsBefore: 2, [new(CandleSetting.BodyLong, 2), new(CandleSetting.BodyShort, 1)], _ => new Stream());

    /// <summary>Bars without a value at the start (12).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming three inside up/down: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.Body(2) > c.Average(0) && c.Body(1) <= c.Average(1)
            && c.BodyTop(1) < c.BodyTop(2) && c.BodyBottom(1) > c.BodyBottom(2)
            && ((c.IsWhite(2) && c.IsBlack(0) && c.Close(0) < c.Open(2)) || (c.IsBlack(2) && c.IsWhite(0) && c.Close(0) > c.Open(2)))
            ? -100 * c.Color(2) : 0;
    }
}
