using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Modified hikkake (TA-Lib CDLHIKKAKEMOD): a hikkake whose inside bar is itself inside the bar before, that bar
/// closing near its low (bullish) or high (bearish). +100/−100 on the set-up, ±200 on its confirmation within
/// three bars.
/// </summary>
public static class CdlHikkakeMod
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlhikkakemod", "Modified Hikkake Pattern", "+100/−100 on a bullish/bearish modified hikkake, +200/−200 on its confirmation",
        barsBefore: 5, [new(CandleSetting.Near, 2)], _ => new Stream(), memoryBars: 3);

    /// <summary>Bars without a value at the start (10).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming modified hikkake pattern: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c)
        {
            if (c.High(2) < c.High(3) && c.Low(2) > c.Low(3) && c.High(1) < c.High(2) && c.Low(1) > c.Low(2)
                && ((c.High(0) < c.High(1) && c.Low(0) < c.Low(1) && c.Close(2) <= c.Low(2) + c.Average(0))
                    || (c.High(0) > c.High(1) && c.Low(0) > c.Low(1) && c.Close(2) >= c.High(2) - c.Average(0))))
            {
                return c.Memory.SetUp(c.Bar, c.High(0) < c.High(1) ? 100 : -100, c.High(1), c.Low(1));
            }

            return c.Memory.Confirm(c.Bar, c.Close(0));
        }
    }
}
