namespace MtMcp.Indicators;

/// <summary>
/// Spinning top (TA-Lib CDLSPINNINGTOP): a short real body with both shadows longer than the body. +100 white,
/// −100 black.
/// </summary>
public static class CdlSpinningTop
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<CdlHighWave.Rule>(
        "cdlspinningtop", "Spinning Top", "+100 white spinning top, −100 black",
        barsBefore: 0, [new(CandleSetting.BodyShort, 0), new(CandleSetting.ShadowLong, 0)], _ => new Stream());

    /// <summary>Bars without a value at the start (10).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming spinning top: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);
}
