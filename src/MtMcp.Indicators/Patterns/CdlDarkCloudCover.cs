using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Dark cloud cover (TA-Lib CDLDARKCLOUDCOVER): a long white candle, then a black one opening above its high and
/// closing more than <c>penetration</c> of its body into it, above its open. −100 where found.
/// </summary>
public static class CdlDarkCloudCover
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdldarkcloudcover", "Dark Cloud Cover", "−100 on a dark cloud cover",
        barsBefore: 1, [new(CandleSetting.BodyLong, 1)], penetration => new Stream(penetration), penetration: 0.5);

    /// <summary>Bars without a value at the start (11).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="penetration"/> is not from 0 to 3e37.</exception>
    public static void Compute(
        ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, double penetration, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, penetration, output);

    /// <summary>Streaming dark cloud cover: O(1) per bar.</summary>
    /// <param name="penetration">The penetration (TA-Lib's default 0.5).</param>
    public sealed class Stream(double penetration = 0.5) : CandlePatternStream(s_pattern, penetration);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c) =>
            c.IsWhite(1) && c.Body(1) > c.Average(0) && c.IsBlack(0) && c.Open(0) > c.High(1)
            && c.Close(0) > c.Open(1) && c.Close(0) < c.Close(1) - (c.Body(1) * c.Penetration) ? -100 : 0;
    }
}
