namespace MtMcp.Indicators.Tests;

/// <summary>
/// AROON's batch form finds each window's extreme by blocks (van Herk / Gil–Werman); checked here against the plain
/// definition, a rescan of every window, on prices with many ties (the newest equal extreme counts) and on series
/// shorter than two windows.
/// </summary>
public sealed class AroonWindowTests
{
    [Theory]
    [InlineData(2, 7)]
    [InlineData(3, 4)]
    [InlineData(5, 9)]
    [InlineData(14, 15)]
    [InlineData(14, 29)]
    [InlineData(14, 1000)]
    [InlineData(25, 61)]
    [InlineData(40, 500)]
    public void Compute_TiedPrices_EqualsRescanOfEveryWindow(int period, int length)
    {
        // Prices on a coarse grid, so equal highs and lows within a window are common.
        var random = new Random(period * 7919 + length);
        var high = new double[length];
        var low = new double[length];
        for (var i = 0; i < length; i++)
        {
            low[i] = random.Next(0, 6);
            high[i] = low[i] + random.Next(0, 4);
        }

        var down = new double[length];
        var up = new double[length];
        Aroon.Compute(high, low, period, down, up);

        for (var today = period; today < length; today++)
        {
            int newestHigh = today - period, newestLow = today - period;
            for (var i = today - period; i <= today; i++)
            {
                newestHigh = high[i] >= high[newestHigh] ? i : newestHigh;
                newestLow = low[i] <= low[newestLow] ? i : newestLow;
            }

            Assert.Equal(100.0 / period * (period - (today - newestHigh)), up[today]);
            Assert.Equal(100.0 / period * (period - (today - newestLow)), down[today]);
        }
    }
}
