using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Three-line strike (TA-Lib CDL3LINESTRIKE): three candles of one colour, each opening within or near the
/// previous body and closing further on, then one of the other colour opening beyond the third close and closing
/// beyond the first open. +100 after three whites, −100 after three blacks.
/// </summary>
public static class Cdl3LineStrike
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdl3linestrike", "Three-Line Strike", "+100 bullish (after three white candles), −100 bearish",
        barsBefore: 3, [new(CandleSetting.Near, 3), new(CandleSetting.Near, 2)], _ => new Stream());

    /// <summary>Bars without a value at the start (8).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming three-line strike: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c)
        {
            if (!(c.Color(3) == c.Color(2) && c.Color(2) == c.Color(1) && c.Color(0) == -c.Color(1)
                && c.Open(2) >= c.BodyBottom(3) - c.Average(0) && c.Open(2) <= c.BodyTop(3) + c.Average(0)
                && c.Open(1) >= c.BodyBottom(2) - c.Average(1) && c.Open(1) <= c.BodyTop(2) + c.Average(1)))
            {
                return 0;
            }

            var strike = c.IsWhite(1)
                ? c.Close(1) > c.Close(2) && c.Close(2) > c.Close(3) && c.Open(0) > c.Close(1) && c.Close(0) < c.Open(3)
                : c.Close(1) < c.Close(2) && c.Close(2) < c.Close(3) && c.Open(0) < c.Close(1) && c.Close(0) > c.Open(3);
            return strike ? 100 * c.Color(1) : 0;
        }
    }
}
