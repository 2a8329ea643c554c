using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Hikkake (TA-Lib CDLHIKKAKE): an inside bar followed by a bar breaking out of it on one side (+100 bullish when
/// it breaks lower, −100 bearish when higher); ±200 when, within three bars, a close then breaks the inside bar
/// the other way, confirming.
/// </summary>
public static class CdlHikkake
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlhikkake", "Hikkake Pattern", "+100/−100 on a bullish/bearish hikkake, +200/−200 on its confirmation",
        barsBefore: 5, [], _ => new Stream(), memoryBars: 3);

    /// <summary>Bars without a value at the start (5).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming hikkake pattern: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c)
        {
            if (c.High(1) < c.High(2) && c.Low(1) > c.Low(2)
                && ((c.High(0) < c.High(1) && c.Low(0) < c.Low(1)) || (c.High(0) > c.High(1) && c.Low(0) > c.Low(1))))
            {
                return c.Memory.SetUp(c.Bar, c.High(0) < c.High(1) ? 100 : -100, c.High(1), c.Low(1));
            }

            return c.Memory.Confirm(c.Bar, c.Close(0));
        }
    }
}
