using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Stick sandwich (TA-Lib CDLSTICKSANDWICH): a black candle, a white one trading above its close, then a black
/// one closing at about the first close. +100 where found.
/// </summary>
public static class CdlStickSandwich
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlsticksandwich", "Stick Sandwich", "+100 on a stick sandwich",
        barsBefore: 2, [new(CandleSetting.Equal, 2)], _ => new Stream());

    /// <summary>Bars without a value at the start (7).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming stick sandwich: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.IsBlack(2) && c.IsWhite(1) && c.IsBlack(0) && c.Low(1) > c.Close(2)
            && c.Close(0) <= c.Close(2) + c.Average(0) && c.Close(0) >= c.Close(2) - c.Average(0) ? 100 : 0;
    }
}
