using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Rising/falling three methods (TA-Lib CDLRISEFALL3METHODS): a long candle, three short counter-trend bodies
/// within its range, then a long candle of the first colour closing beyond the first close. +100 rising, −100
/// falling.
/// </summary>
public static class CdlRiseFall3Methods
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlrisefall3methods", "Rising/Falling Three Methods", "+100 rising three methods, −100 falling",
        barsBefore: 4, [
            new(CandleSetting.BodyLong, 4), new(CandleSetting.BodyShort, 3), new(CandleSetting.BodyShort, 2),
            new(CandleSetting.BodyShort, 1), new(CandleSetting.BodyLong, 0),
        ], _ => new Stream());

    /// <summary>Bars without a value at the start (14).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming rising/falling three methods: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c)
        {
            if (!(CandleShapes.LongThenThreeShort(c) && c.Body(0) > c.Average(4)
                && c.Color(4) == -c.Color(3) && c.Color(3) == c.Color(2) && c.Color(2) == c.Color(1) && c.Color(1) == -c.Color(0)))
            {
                return 0;
            }

            // Multiplying by the first colour turns the falling case into the rising one, as TA-Lib does.
            double high = c.High(4), low = c.Low(4), side = c.Color(4);
            var held = c.BodyBottom(3) < high && c.BodyTop(3) > low
                && c.BodyBottom(2) < high && c.BodyTop(2) > low
                && c.BodyBottom(1) < high && c.BodyTop(1) > low;
            return held
                && c.Close(2) * side < c.Close(3) * side && c.Close(1) * side < c.Close(2) * side
                && c.Open(0) * side > c.Close(1) * side && c.Close(0) * side > c.Close(4) * side ? 100 * c.Color(4) : 0;
        }
    }
}
