using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Upside/downside gap three methods (TA-Lib CDLXSIDEGAP3METHODS): two candles of one colour with a gap between
/// their bodies, then one of the other colour opening in the second body and closing in the first, filling the
/// gap. +100 upside, −100 downside.
/// </summary>
public static class CdlXSideGap3Methods
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlxsidegap3methods", "Upside/Downside Gap Three Methods", "+100 upside gap three methods, −100 downside",
        barsBefore: 2, [], _ => new Stream());

    /// <summary>Bars without a value at the start (2).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming upside/downside gap three methods: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.Color(2) == c.Color(1) && c.Color(1) == -c.Color(0)
            && c.Open(0) < c.BodyTop(1) && c.Open(0) > c.BodyBottom(1)
            && c.Close(0) < c.BodyTop(2) && c.Close(0) > c.BodyBottom(2)
            && (c.IsWhite(2) ? c.BodyGapUp(1, 2) : c.BodyGapDown(1, 2)) ? 100 * c.Color(2) : 0;
    }
}
