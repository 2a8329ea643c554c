using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Counterattack (TA-Lib CDLCOUNTERATTACK): two long candles of opposite colours closing at about the same price.
/// +100 when the second is white, −100 when black.
/// </summary>
public static class CdlCounterattack
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlcounterattack", "Counterattack", "+100 bullish (white second candle), −100 bearish",
        barsBefore: 1, [new(CandleSetting.Equal, 1), new(CandleSetting.BodyLong, 1), new(CandleSetting.BodyLong, 0)], _ => new Stream());

    /// <summary>Bars without a value at the start (11).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming counterattack: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.Color(1) == -c.Color(0) && c.Body(1) > c.Average(1) && c.Body(0) > c.Average(2)
            && c.Close(0) <= c.Close(1) + c.Average(0) && c.Close(0) >= c.Close(1) - c.Average(0) ? 100 * c.Color(0) : 0;
    }
}
