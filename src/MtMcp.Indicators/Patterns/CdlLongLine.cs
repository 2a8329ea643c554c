namespace MtMcp.Indicators;

/// <summary>
/// Long line (TA-Lib CDLLONGLINE): a long real body with short shadows. +100 white, −100 black.
/// </summary>
public static class CdlLongLine
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<CdlMarubozu.Rule>(
        "cdllongline", "Long Line Candle", "+100 white long line, −100 black",
        barsBefore: 0, [new(CandleSetting.BodyLong, 0), new(CandleSetting.ShadowShort, 0)], _ => new Stream());

    /// <summary>Bars without a value at the start (10).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming long line candle: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);
}
