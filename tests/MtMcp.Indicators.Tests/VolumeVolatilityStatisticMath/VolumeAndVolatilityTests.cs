namespace MtMcp.Indicators.Tests;

/// <summary>Volume and volatility cases the golden files do not reach: gaps, period 1, swapped ADOSC periods.</summary>
public sealed class VolumeAndVolatilityTests
{
    [Theory]
    [InlineData(1.20, 1.10, 1.00, 0.20)] // gap up: previous close to high
    [InlineData(1.20, 1.10, 1.35, 0.25)] // gap down: previous close to low
    [InlineData(1.20, 1.10, 1.15, 0.10)] // inside: the bar's own range
    public void TRangeOf_GapsCountAsRange(double high, double low, double previousClose, double expected) =>
        Assert.Equal(expected, TRange.Of(high, low, previousClose), 12);

    [Fact]
    public void Natr_PeriodOne_IsTheTrueRangeAsAPercentageOfTheClose()
    {
        // TA-Lib returns the raw true range for a period of 1 (its shortcut skips the normalisation); we keep NATR's definition.
        double[] high = [1.2, 1.3, 1.25];
        double[] low = [1.0, 1.1, 1.05];
        double[] close = [1.1, 1.2, 1.10];
        var natr = new double[3];
        var atr = new double[3];

        Natr.Compute(high, low, close, 1, natr);
        Atr.Compute(high, low, close, 1, atr);

        Assert.Equal(0.2, atr[1], 12);
        Assert.Equal(0.2 / 1.2 * 100, natr[1], 10);
        Assert.Equal(0.2 / 1.1 * 100, natr[2], 10);
    }

    [Fact]
    public void AdOsc_FastPeriodLongerThanSlow_IsFirstEmaMinusSecond()
    {
        var (high, low, close, volume) = Bars(60);
        var ad = new double[high.Length];
        Ad.Compute(high, low, close, volume, ad);

        var output = new double[high.Length];
        AdOsc.Compute(high, low, close, volume, 10, 3, output);

        // Both EMAs start at the first A/D value, k = 2 / (n + 1).
        double ema10 = ad[0], ema3 = ad[0];
        for (var i = 1; i < ad.Length; i++)
        {
            ema10 += 2.0 / 11 * (ad[i] - ema10);
            ema3 += 2.0 / 4 * (ad[i] - ema3);
            if (i >= 9)
            {
                Assert.Equal(ema10 - ema3, output[i], 9);
            }
        }

        Assert.Equal(9, AdOsc.Lookback(10, 3));
    }

    [Fact]
    public void Ad_BarWithoutRange_AddsNothing()
    {
        var output = new double[2];
        Ad.Compute([1.2, 1.1], [1.0, 1.1], [1.15, 1.1], [100, 500], output);

        // Close at 75 % of the range: (0.15 − 0.05) / 0.2 = +0.5 of the volume; the flat bar adds 0.
        Assert.Equal(50, output[0], 9);
        Assert.Equal(50, output[1], 9);
    }

    [Fact]
    public void Obv_StartsAtTheFirstVolume()
    {
        var output = new double[4];
        Obv.Compute([1.0, 1.1, 1.1, 1.0], [10, 20, 30, 40], output);
        Assert.Equal([10, 30, 30, -10], output);
    }

    private static (double[] High, double[] Low, double[] Close, double[] Volume) Bars(int length)
    {
        var random = new Random(3);
        var high = new double[length];
        var low = new double[length];
        var close = new double[length];
        var volume = new double[length];
        var price = 1.1;
        for (var i = 0; i < length; i++)
        {
            price += (random.NextDouble() - 0.5) * 0.002;
            high[i] = price + (random.NextDouble() * 0.001);
            low[i] = price - (random.NextDouble() * 0.001);
            close[i] = low[i] + (random.NextDouble() * (high[i] - low[i]));
            volume[i] = random.Next(1, 1000);
        }

        return (high, low, close, volume);
    }
}
