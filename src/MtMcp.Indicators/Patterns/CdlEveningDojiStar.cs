using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Evening doji star (TA-Lib CDLEVENINGDOJISTAR): a long white candle, a doji gapping up, then a black candle
/// closing more than <c>penetration</c> of the first body into it. −100 where found.
/// </summary>
public static class CdlEveningDojiStar
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdleveningdojistar", "Evening Doji Star", "−100 on an evening doji star",
        barsBefore: 2, StarPattern.Averages(CandleSetting.BodyDoji), penetration => new Stream(penetration), penetration: 0.3);

    /// <summary>Bars without a value at the start (12).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="penetration"/> is not from 0 to 3e37.</exception>
    public static void Compute(
        ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, double penetration, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, penetration, output);

    /// <summary>Streaming evening doji star: O(1) per bar.</summary>
    /// <param name="penetration">The penetration (TA-Lib's default 0.3).</param>
    public sealed class Stream(double penetration = 0.3) : CandlePatternStream(s_pattern, penetration);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            StarPattern.Evaluate(c, -1);
    }
}
