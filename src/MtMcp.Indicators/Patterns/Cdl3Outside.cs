using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Three outside up/down (TA-Lib CDL3OUTSIDE): an engulfing pair confirmed by a third candle closing beyond the
/// second. +100 up, −100 down.
/// </summary>
public static class Cdl3Outside
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdl3outside", "Three Outside Up/Down", "+100 three outside up, −100 three outside down",
        barsBefore: 3, [], _ => new Stream());

    /// <summary>Bars without a value at the start (3).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming three outside up/down: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            (c.IsWhite(1) && c.IsBlack(2) && c.Close(1) > c.Open(2) && c.Open(1) < c.Close(2) && c.Close(0) > c.Close(1))
            || (c.IsBlack(1) && c.IsWhite(2) && c.Open(1) > c.Close(2) && c.Close(1) < c.Open(2) && c.Close(0) < c.Close(1))
            ? 100 * c.Color(1) : 0;
    }
}
