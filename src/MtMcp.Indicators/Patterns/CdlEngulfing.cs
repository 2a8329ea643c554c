using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

        public static bool HasVectorForm => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Evaluate4(in CandleVectors c)
        {
            Vector256<double> open = c.Open(0), close = c.Close(0), priorOpen = c.Open(1), priorClose = c.Close(1);

            // The same conditions lane by lane; a comparison with NaN is false in both forms.
            var white = Vector256.GreaterThanOrEqual(close, open);
            var priorWhite = Vector256.GreaterThanOrEqual(priorClose, priorOpen);
            var bullish = Vector256.AndNot(white, priorWhite)
                & ((Vector256.GreaterThanOrEqual(close, priorOpen) & Vector256.LessThan(open, priorClose))
                    | (Vector256.GreaterThan(close, priorOpen) & Vector256.LessThanOrEqual(open, priorClose)));
            var bearish = Vector256.AndNot(priorWhite, white)
                & ((Vector256.GreaterThanOrEqual(open, priorClose) & Vector256.LessThan(close, priorOpen))
                    | (Vector256.GreaterThan(open, priorClose) & Vector256.LessThanOrEqual(close, priorOpen)));
            var touching = Vector256.Equals(open, priorClose) | Vector256.Equals(close, priorOpen);
            var strength = Vector256.ConditionalSelect(touching, Vector256.Create(80.0), Vector256.Create(100.0));
            return (bullish & strength) | (bearish & -strength);
        }
    }
}
