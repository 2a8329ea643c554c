namespace MtMcp.Indicators.Tests;

/// <summary>Statistic functions against properties with known answers, and the parameter quirks TA-Lib has.</summary>
public sealed class StatisticsTests
{
    [Fact]
    public void Beta_ReturnsExactlyTwiceAsLarge_IsTwo()
    {
        var random = new Random(11);
        var market = new double[200];
        var stock = new double[200];
        market[0] = stock[0] = 100;
        for (var i = 1; i < market.Length; i++)
        {
            var r = (random.NextDouble() - 0.5) * 0.02;
            market[i] = market[i - 1] * (1 + r);
            stock[i] = stock[i - 1] * (1 + (2 * r));
        }

        var output = new double[market.Length];
        Beta.Compute(market, stock, 5, output);
        for (var i = Beta.Lookback(5); i < output.Length; i++)
        {
            Assert.Equal(2.0, output[i], 9);
        }
    }

    [Fact]
    public void Correl_LinearTransforms_AreOneAndMinusOne()
    {
        var x = Enumerable.Range(0, 100).Select(i => Math.Sin(i * 0.3) + (i * 0.01)).ToArray();
        var output = new double[x.Length];

        Correl.Compute(x, [.. x.Select(v => (3 * v) + 1)], 20, output);
        Assert.All(output[19..], r => Assert.Equal(1.0, r, 9));

        Correl.Compute(x, [.. x.Select(v => 5 - v)], 20, output);
        Assert.All(output[19..], r => Assert.Equal(-1.0, r, 9));
    }

    [Fact]
    public void Var_NbDev_IsIgnoredAsInTaLib()
    {
        double[] real = [1, 2, 4, 8, 16];
        var withOne = Var.Definition.Compute(new IndicatorInputs { Real0 = real }, IndicatorParameters.FromValues(Var.Info, 3, 1))[0];
        var withThree = Var.Definition.Compute(new IndicatorInputs { Real0 = real }, IndicatorParameters.FromValues(Var.Info, 3, 3))[0];

        Assert.Equal(withOne, withThree);
        Assert.Equal(14.0 / 9 * 1, withOne[2], 12); // population variance of 1, 2, 4
    }

    [Fact]
    public void StdDev_NbDev_ScalesTheDeviation()
    {
        double[] real = [1, 2, 4, 8, 16];
        var output = new double[real.Length];
        StdDev.Compute(real, 3, 2.5, output);
        Assert.Equal(2.5 * Math.Sqrt(14.0 / 9), output[2], 12);
    }

    [Fact]
    public void StdDev_FlatWindow_IsZeroNotNoise()
    {
        var real = Enumerable.Repeat(1.1, 10).Concat([1.2]).ToArray();
        var output = new double[real.Length];
        StdDev.Compute(real, 5, 1, output);
        Assert.All(output[4..10], s => Assert.Equal(0.0, s));
        Assert.True(output[10] > 0);
    }

    [Fact]
    public void AvgDev_MatchesHandValue()
    {
        // Mean of 1, 2, 6 is 3; deviations 2, 1, 3.
        var output = new double[3];
        AvgDev.Compute([1, 2, 6], 3, output);
        Assert.Equal(2.0, output[2], 12);
    }
}
