using MtMcp.Domain;

namespace MtMcp.DemoMarket.Model;

/// <summary>
/// A symbol as the generators use it: mid = driver(base) / driver(quote), its tick grid, and weekly tables
/// of tick intensity, spread liquidity and variance.
/// </summary>
internal sealed class SymbolModel
{
    /// <summary>The specification.</summary>
    public required SymbolSpec Spec { get; init; }

    /// <summary>Position in <see cref="MarketModel.Symbols"/>.</summary>
    public required int Index { get; init; }

    /// <summary>Driver of the numerator, or −1 for the dollar.</summary>
    public required int BaseDriver { get; init; }

    /// <summary>Driver of the denominator, or −1 for the dollar (and for instruments priced by their own driver).</summary>
    public required int QuoteDriver { get; init; }

    /// <summary>Seed of the per-minute streams of tick arrivals, spreads and bar extremes.</summary>
    public required ulong StreamSeed { get; init; }

    /// <summary>The tick size (cached: the spec computes it on each call).</summary>
    public required double TickSize { get; init; }

    /// <summary>Price digits.</summary>
    public required int Digits { get; init; }

    /// <summary>Points in one tick (1 unless the tick size is coarser than the point).</summary>
    public required int PointsPerTick { get; init; }

    /// <summary>Typical spread in ticks.</summary>
    public required double TypicalSpreadTicks { get; init; }

    /// <summary>Spread multiplier at the rollover peak.</summary>
    public required double RolloverPeak { get; init; }

    /// <summary>Per minute of the week: expected tick arrivals, 0 when the symbol is not quoted.</summary>
    public required float[] TicksPerMinute { get; init; }

    /// <summary>Per minute of the week: spread multiplier for the hour's liquidity (1 at the busiest hour).</summary>
    public required float[] Liquidity { get; init; }

    /// <summary>Per minute of the week: variance of the diffusive log move of the mid over the minute.</summary>
    public required double[] MinuteVariance { get; init; }

    /// <summary>Sources whose jumps move the symbol enough to widen its spread.</summary>
    public required int[] JumpSources { get; init; }

    /// <summary>The sources of the symbol's drivers, for simulating this symbol alone.</summary>
    public required int[] Sources { get; init; }

    /// <summary>The symbol's one or two drivers.</summary>
    public int[] Drivers => (BaseDriver, QuoteDriver) switch
    {
        ( >= 0, >= 0) => [BaseDriver, QuoteDriver],
        ( >= 0, _) => [BaseDriver],
        _ => [QuoteDriver],
    };

    /// <summary>The spread level (in ticks, before the random widening) at <paramref name="timeMs"/>.</summary>
    /// <param name="minuteOfWeek">The minute of the week of <paramref name="timeMs"/>.</param>
    /// <param name="timeMs">Unix milliseconds.</param>
    /// <param name="process">The market process, for the time of the last jumps.</param>
    public double SpreadLevel(int minuteOfWeek, long timeMs, MarketProcess process)
    {
        var level = TypicalSpreadTicks * ModelParameters.BaseSpreadFactor * Liquidity[minuteOfWeek] * Rollover(timeMs);
        var boost = 0.0;
        foreach (var source in JumpSources)
        {
            var since = timeMs - process.LastJumpBefore(source, timeMs);
            if (since < 10 * ModelParameters.JumpSpreadDecayMs)
            {
                boost = Math.Max(boost, ModelParameters.JumpSpreadBoost * DeterministicMath.Exp(-since / ModelParameters.JumpSpreadDecayMs));
            }
        }

        return level * (1 + boost);
    }

    private double Rollover(long timeMs)
    {
        const long MsPerDay = 86_400_000;
        var minuteOfDay = (timeMs % MsPerDay) / 60_000.0;
        var distance = Math.Abs(minuteOfDay - ModelParameters.RolloverMinute);
        distance = Math.Min(distance, 1440 - distance);
        var weight = Math.Clamp(
            (ModelParameters.RolloverEndMinutes - distance) / (ModelParameters.RolloverEndMinutes - ModelParameters.RolloverFullMinutes), 0, 1);
        return 1 + ((RolloverPeak - 1) * weight);
    }
}
