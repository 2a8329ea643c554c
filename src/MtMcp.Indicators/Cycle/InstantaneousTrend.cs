namespace MtMcp.Indicators;

/// <summary>
/// TA-Lib's instantaneous trendline (HT_TRENDLINE, and part of HT_TRENDMODE): the mean price over the
/// current cycle, smoothed by a 4-bar weighted average of those means.
/// </summary>
/// <remarks>
/// Copying the struct snapshots it; the price history is shared, which update-in-place allows (see
/// <see cref="CycleHistory"/>).
/// </remarks>
internal struct InstantaneousTrend
{
    private readonly CycleHistory _prices = new();
    private double _mean1;
    private double _mean2;
    private double _mean3;

    public InstantaneousTrend()
    {
    }

    /// <summary>Remembers the raw price of <paramref name="bar"/>; call on every bar, before <see cref="Next"/>.</summary>
    public readonly void Record(int bar, double price) => _prices.Set(bar, price);

    /// <summary>The trendline at <paramref name="bar"/> for the smoothed period of that bar.</summary>
    public double Next(int bar, double smoothPeriod)
    {
        var bars = DominantCycle.CycleBars(smoothPeriod);
        var prices = _prices.Window(bar, bars);
        var mean = 0.0;
        for (var i = prices.Length - 1; i >= 0; i--)
        {
            // Newest first, TA-Lib's order of summation.
            mean += prices[i];
        }

        if (bars > 0)
        {
            mean /= bars;
        }

        var trendline = ((4.0 * mean) + (3.0 * _mean1) + (2.0 * _mean2) + _mean3) / 10.0;
        _mean3 = _mean2;
        _mean2 = _mean1;
        _mean1 = mean;
        return trendline;
    }
}
