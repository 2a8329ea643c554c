namespace MtMcp.Indicators;

/// <summary>
/// Harami cross (TA-Lib CDLHARAMICROSS): a long candle followed by a doji inside its body. +100 bullish (after a
/// black candle), −100 bearish; ±80 when an end of the bodies coincides.
/// </summary>
public static class CdlHaramiCross
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<CdlHarami.Rule>(
        "cdlharamicross", "Harami Cross Pattern", "+100 bullish, −100 bearish harami cross; ±80 when the doji touches an end of the first body",
        barsBefore: 1, [new(CandleSetting.BodyLong, 1), new(CandleSetting.BodyDoji, 0)], _ => new Stream());

    /// <summary>Bars without a value at the start (11).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming harami cross pattern: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);
}
