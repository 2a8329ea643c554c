namespace MtMcp.DemoMarket.Model;

/// <summary>The fixed constants of the demo market's price, spread and tick-arrival model.</summary>
internal static class ModelParameters
{
    /// <summary>Minutes in a mean Julian year (365.25 days): the unit that turns annual variance into per-minute variance.</summary>
    public const double MinutesPerYear = 525_960;

    /// <summary>Share of every source's variance delivered by news-like jumps instead of diffusion.</summary>
    public const double JumpVarianceShare = 0.08;

    /// <summary>Expected jumps per year of each source, placed preferably in its busy hours.</summary>
    public const double JumpsPerYear = 18;

    /// <summary>
    /// Pull of each log price towards its start per year (half-life of two years): keeps multi-year runs in a
    /// realistic range while changing a year's volatility by well under 1 %.
    /// </summary>
    public const double MeanReversionPerYear = 0.34657359027997264;

    /// <summary>Spread at the busiest hours relative to the symbol's typical spread, before the random widening.</summary>
    public const double BaseSpreadFactor = 0.9;

    /// <summary>How much wider the spread is in the quietest hours than in the busiest (0.5 = 50 %).</summary>
    public const double QuietSpreadWidening = 0.5;

    /// <summary>Mean of the random, exponentially distributed widening of each tick's spread, relative to its level.</summary>
    public const double SpreadNoise = 0.12;

    /// <summary>Extra spread, as a multiple of the level, right after a jump of a source that moves the symbol.</summary>
    public const double JumpSpreadBoost = 2.5;

    /// <summary>Decay time of the post-jump widening, in milliseconds.</summary>
    public const double JumpSpreadDecayMs = 120_000;

    /// <summary>A source counts as moving a symbol when it carries at least this share of the symbol's variance.</summary>
    public const double JumpSourceMinShare = 0.05;

    /// <summary>The daily rollover, in UTC minutes after midnight.</summary>
    public const int RolloverMinute = 22 * 60;

    /// <summary>Within this many minutes of the rollover the spread is at its peak.</summary>
    public const double RolloverFullMinutes = 3;

    /// <summary>Beyond this many minutes of the rollover the spread is back to normal.</summary>
    public const double RolloverEndMinutes = 8;

    /// <summary>Continuity correction of Broadie, Glasserman and Kou (−ζ(½)/√(2π)): how far the maximum of N samples of a Brownian path falls below the continuous maximum, in units of σ√(Δt).</summary>
    public const double DiscreteExtremeCorrection = 0.5826;
}
