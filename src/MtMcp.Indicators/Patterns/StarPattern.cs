using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// The rule shared by the morning and evening stars, plain and doji (TA-Lib CDLMORNINGSTAR, CDLEVENINGSTAR,
/// CDLMORNINGDOJISTAR, CDLEVENINGDOJISTAR): a long candle, a star whose body gaps away from it, and a
/// candle of the other colour, not short, closing well into the first body.
/// </summary>
internal static class StarPattern
{
    /// <summary>The averages the rule reads: the first body (long), the star's body, the third body (short).</summary>
    public static CandleAverage[] Averages(CandleSetting star) =>
        [new(CandleSetting.BodyLong, 2), new(star, 1), new(CandleSetting.BodyShort, 0)];

    /// <summary>+100 for a morning star (<paramref name="direction"/> +1), −100 for an evening star (−1), else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Evaluate(in CandleWindow c, int direction)
    {
        var reach = c.Body(2) * c.Penetration;
        var found = c.Color(2) == -direction && c.Body(2) > c.Average(0)
            && c.Body(1) <= c.Average(1)
            && (direction > 0 ? c.BodyGapDown(1, 2) : c.BodyGapUp(1, 2))
            && c.Color(0) == direction && c.Body(0) > c.Average(2)
            && (direction > 0 ? c.Close(0) > c.Close(2) + reach : c.Close(0) < c.Close(2) - reach);
        return found ? 100 * direction : 0;
    }
}
