using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Engulfing (TA-Lib CDLENGULFING): a real body that engulfs the previous one of the opposite colour. +100
/// bullish (white engulfs black), −100 bearish; ±80 when one end of the bodies coincides.
/// </summary>
public static class CdlEngulfing
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info => s_pattern.Info;

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition => s_pattern.Definition;

    private static readonly CandlePattern s_pattern = CandlePattern.Create<Rule>(
        "cdlengulfing", "Engulfing Pattern", "+100 bullish, −100 bearish engulfing; ±80 when an open or close equals the other body's end",
        barsBefore: 2, [], _ => new Stream());

    /// <summary>Bars without a value at the start (2).</summary>
    public static int Lookback() => s_pattern.Lookback;

    /// <summary>Writes each bar's signal from the lookback on into <paramref name="output"/>; earlier entries are left as they are.</summary>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output) =>
        s_pattern.Compute(open, high, low, close, 0, output);

    /// <summary>Streaming engulfing pattern: O(1) per bar.</summary>
    public sealed class Stream() : CandlePatternStream(s_pattern, 0);

    private readonly struct Rule : ICandleRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Evaluate(in CandleWindow c)
        {
            double open = c.Open(0), close = c.Close(0), priorOpen = c.Open(1), priorClose = c.Close(1);

            // Engulfing with at most one end touching: a body equal to the prior one does not count. Colours and
            // engulfing are a coin toss on market data, so the conditions are combined without branches (&, |).
            var white = close >= open;
            var priorWhite = priorClose >= priorOpen;
            var bullish = white & !priorWhite
                & ((close >= priorOpen & open < priorClose) | (close > priorOpen & open <= priorClose));
            var bearish = !white & priorWhite
                & ((open >= priorClose & close < priorOpen) | (open > priorClose & close <= priorOpen));
            var sign = (bullish ? 1 : 0) - (bearish ? 1 : 0);
            return sign * (open != priorClose & close != priorOpen ? 100 : 80);
        }
    }
}
