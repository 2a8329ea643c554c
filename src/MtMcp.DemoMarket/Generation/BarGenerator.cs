using MtMcp.DemoMarket.Model;
using MtMcp.DemoMarket.Random;
using MtMcp.Domain;

namespace MtMcp.DemoMarket.Generation;

/// <summary>
/// Generates M1 bars of one symbol straight from the minute walk, without ticks.
/// </summary>
/// <remarks>
/// Open and close are the walk's values at the minute's boundaries, the same values the tick stream's
/// paths pass through, so history and live ticks join without a jump. High and low are drawn from the exact
/// law of the maximum and minimum of a Brownian bridge between open and close with the minute's variance,
/// moved towards the open/close by the Broadie–Glasserman–Kou correction for the minute's finite tick count.
/// The tick volume is the arrival count the tick stream draws for that minute; the spread is the lowest
/// level the minute's ticks can show. Bars are bid bars; minutes without arrivals or outside the quote
/// sessions have no bar.
/// </remarks>
internal static class BarGenerator
{
    /// <summary>The bars opening in [<paramref name="fromMs"/>, <paramref name="toMs"/>) (Unix ms), oldest first.</summary>
    /// <param name="model">The market.</param>
    /// <param name="checkpoints">Checkpoints of <paramref name="model"/>'s walk, or null to walk from the start.</param>
    /// <param name="symbol">The symbol.</param>
    /// <param name="fromMs">Start of the range.</param>
    /// <param name="toMs">End of the range (exclusive).</param>
    public static Bar[] Generate(MarketModel model, WalkCheckpoints? checkpoints, SymbolModel symbol, long fromMs, long toMs)
    {
        var firstMinute = Math.Max(model.StartMinute, CeilDiv(fromMs, 60_000));
        var lastMinute = CeilDiv(toMs, 60_000) - 1;
        if (lastMinute < firstMinute)
        {
            return [];
        }

        var bars = new Bar[CountQuotedMinutes(symbol, firstMinute, lastMinute)];
        var process = checkpoints?.ProcessAt(firstMinute - 1, symbol.Sources, symbol.Drivers)
            ?? new MarketProcess(model, symbol.Sources, symbol.Drivers);
        process.AdvanceTo(firstMinute - 1);

        var count = 0;
        for (var minute = firstMinute; minute <= lastMinute; minute++)
        {
            process.AdvanceTo(minute);
            var w = Seasonality.MinuteOfWeek(minute);
            var intensity = symbol.TicksPerMinute[w];
            if (intensity <= 0)
            {
                continue;
            }

            // The same stream and first draw as the tick stream's arrival count for this minute.
            var random = StreamSeeds.ForMinute(symbol.StreamSeed, minute);
            var ticks = random.NextPoisson(intensity);
            if (ticks > 0)
            {
                bars[count++] = MakeBar(symbol, process, minute, w, ticks, ref random);
            }
        }

        return count == bars.Length ? bars : bars[..count];
    }

    private static Bar MakeBar(SymbolModel symbol, MarketProcess process, long minute, int w, int ticks, ref Xoshiro256StarStar random)
    {
        var open = LogMid(symbol, process, end: false);
        var close = LogMid(symbol, process, end: true);

        // Extremes of a Brownian bridge from open to close: P(max > m) = exp(−2 (m − open)(m − close) / σ²).
        var variance = symbol.MinuteVariance[w];
        var move2 = (close - open) * (close - open);
        var high = (open + close + Math.Sqrt(move2 - (2 * variance * DeterministicMath.Log(random.NextOpenDouble())))) / 2;
        var low = (open + close - Math.Sqrt(move2 - (2 * variance * DeterministicMath.Log(random.NextOpenDouble())))) / 2;
        var correction = ModelParameters.DiscreteExtremeCorrection * Math.Sqrt(variance / ticks);
        high = Math.Max(Math.Max(open, close), high - correction);
        low = Math.Min(Math.Min(open, close), low + correction);

        // The spread level is monotone between the minute's ends (rollover ramps turn on minute boundaries,
        // post-jump widening only decays), so its minimum is at one of them.
        var startMs = minute * 60_000;
        var level = Math.Min(symbol.SpreadLevel(w, startMs, process), symbol.SpreadLevel(w, startMs + 59_999, process));
        var spreadTicks = Pricing.LevelTicks(level);
        return new Bar(
            minute * 60,
            Bid(open, spreadTicks, symbol),
            Bid(high, spreadTicks, symbol),
            Bid(low, spreadTicks, symbol),
            Bid(close, spreadTicks, symbol),
            ticks,
            (int)(spreadTicks * symbol.PointsPerTick),
            0);
    }

    private static double Bid(double logMid, long spreadTicks, SymbolModel symbol) =>
        Pricing.Price(Pricing.BidTicks(DeterministicMath.Exp(logMid), spreadTicks, symbol.TickSize), symbol);

    private static double LogMid(SymbolModel symbol, MarketProcess process, bool end)
    {
        double Value(int driver) => driver < 0 ? 0 : end ? process.LogEnd(driver) : process.LogStart(driver);
        return Value(symbol.BaseDriver) - Value(symbol.QuoteDriver);
    }

    private static int CountQuotedMinutes(SymbolModel symbol, long firstMinute, long lastMinute)
    {
        var table = symbol.TicksPerMinute;
        var fullWeeks = (lastMinute - firstMinute + 1) / Seasonality.MinutesPerWeek;
        var perWeek = 0;
        foreach (var rate in table)
        {
            perWeek += rate > 0 ? 1 : 0;
        }

        var count = fullWeeks * perWeek;
        for (var minute = firstMinute + (fullWeeks * Seasonality.MinutesPerWeek); minute <= lastMinute; minute++)
        {
            count += table[Seasonality.MinuteOfWeek(minute)] > 0 ? 1 : 0;
        }

        return checked((int)count);
    }

    private static long CeilDiv(long value, long divisor) => value >= 0 ? (value + divisor - 1) / divisor : value / divisor;
}
