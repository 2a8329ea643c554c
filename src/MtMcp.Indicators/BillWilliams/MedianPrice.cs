namespace MtMcp.Indicators;

/// <summary>MetaTrader's PRICE_MEDIAN, <c>(high + low) / 2</c>: the price Bill Williams' indicators read.</summary>
internal static class MedianPrice
{
    /// <summary>The median price of one bar.</summary>
    public static double Of(double high, double low) => (high + low) / 2;

    /// <summary>Writes the median price of each bar into <paramref name="destination"/>.</summary>
    public static void Fill(ReadOnlySpan<double> high, ReadOnlySpan<double> low, Span<double> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (high[i] + low[i]) / 2;
        }
    }
}
