namespace MtMcp.Risk.Tests;

/// <summary>The statistics against published constants and hand calculations (risk.md §2).</summary>
public sealed class RiskMathTests
{
    [Theory]
    [InlineData(0.95, 1.644854)]
    [InlineData(0.975, 1.959964)]
    [InlineData(0.99, 2.326348)]
    [InlineData(0.01, -2.326348)]
    public void NormalQuantile_MatchesTheTables(double p, double z) => Assert.Equal(z, RiskMath.NormalQuantile(p), 6);

    [Theory]
    [InlineData(0.95, 2.0627)]
    [InlineData(0.975, 2.3378)]
    [InlineData(0.99, 2.6652)]
    public void ParametricVar_EsMultiplesOfSigma_MatchRiskMd(double confidence, double multiple) =>
        Assert.Equal(multiple, RiskMath.ParametricVar(1, confidence).Es, 4);

    [Fact]
    public void ParametricVar_WorkedExample_1535And4855()
    {
        // 1 lot EURUSD, notional 110,000, σ 0.6 % → σ_P 660; VaR99 1d = 2.326348 × 660; 10 d × √10.
        Assert.Equal(1535.39, RiskMath.ParametricVar(660, 0.99).Var, 2);
        Assert.Equal(4855.3, RiskMath.ParametricVar(660, 0.99, horizon: 10).Var, 1);
        Assert.Equal(1543, RiskMath.ParametricVar(660, 0.975).Es, 0);
    }

    [Fact]
    public void EmpiricalVar_N250_ConservativeQuantileAndWeightedTail()
    {
        // Losses 1..250. 99 %: m = 2.5 → VaR = 3rd worst (248), ES = (250 + 249 + ½ 248) / 2.5.
        // 97.5 %: m = 6.25 → VaR = 7th worst (244), ES = (250 + … + 245 + ¼ 244) / 6.25.
        var pnl = Enumerable.Range(1, 250).Select(i => -(double)i).ToArray();

        var (var99, es99) = RiskMath.EmpiricalVar(pnl.ToArray(), 0.99);
        var (var975, es975) = RiskMath.EmpiricalVar(pnl.ToArray(), 0.975);

        Assert.Equal(248, var99);
        Assert.Equal((250 + 249 + (0.5 * 248)) / 2.5, es99, 12);
        Assert.Equal(244, var975);
        Assert.Equal((250 + 249 + 248 + 247 + 246 + 245 + (0.25 * 244)) / 6.25, es975, 12);
    }

    [Fact]
    public void Correlation_Covariance_HandCalculated()
    {
        // a − 2 = (−1, 0, 1), b − 2 = (−1, 1, 0): Σab = 1, Σaa = Σbb = 2 → ρ = 0.5, cov = 1 / 2.
        double[] a = [1, 2, 3];
        double[] b = [1, 3, 2];

        Assert.Equal(0.5, RiskMath.Correlation(a, b), 12);
        Assert.Equal(0.5, RiskMath.Covariance(a, b), 12);
        Assert.Equal(-1, RiskMath.Correlation(a, [3, 2, 1]), 12);
        Assert.True(double.IsNaN(RiskMath.Correlation(a, [2, 2, 2])));
    }

    [Fact]
    public void EwmaVolatility_HandCalculated()
    {
        // λ 0.9: 0.0001 → 0.9 × 0.0001 + 0.1 × 0.0004 = 0.00013 → 0.9 × 0.00013 + 0.1 × 0.0001 = 0.000127.
        Assert.Equal(Math.Sqrt(0.000127), RiskMath.EwmaVolatility([0.01, 0.02, -0.01], 0.9), 15);
    }

    [Fact]
    public void LogReturns_AreLnOfRatios()
    {
        var returns = new double[2];
        RiskMath.LogReturns([100, 110, 99], returns);

        Assert.Equal([Math.Log(1.1), Math.Log(0.9)], returns);
    }

    [Fact]
    public void ValueAtRisk_SmallSeries_HandCalculated()
    {
        // P&L = 1000 × r = 10, −20, 30, −10, 0: mean 2, deviations 8, −22, 28, −12, −2 → variance 1480 / 4 = 370.
        // Parametric VaR99 = 2.326348 × √370. Historical 95 %: m = 0.25 → the worst loss, 20, for VaR and ES.
        var figures = PortfolioRisk.ValueAtRisk([1000], [new double[] { 0.01, -0.02, 0.03, -0.01, 0 }], new RiskReportOptions { Confidence = 0.99 });
        var historical = PortfolioRisk.ValueAtRisk([1000], [new double[] { 0.01, -0.02, 0.03, -0.01, 0 }], new RiskReportOptions { Confidence = 0.95 });

        Assert.Equal(5, figures.Observations);
        Assert.Equal(RiskMath.Z99 * Math.Sqrt(370), figures.ParametricVar, 9);
        Assert.Equal(20, historical.HistoricalVar, 9);
        Assert.Equal(20, historical.HistoricalEs, 9);
    }

    [Fact]
    public void ValueAtRisk_TwoFactors_ParametricIsSqrtXSigmaX()
    {
        // x = (2, −1) on series with var(a) = 1, var(b) = 1, cov = 0.5 (the series of the correlation test):
        // σ² = 4 − 2 × 2 × 0.5 + 1 = 3.
        var figures = PortfolioRisk.ValueAtRisk([2, -1], [new double[] { 1, 2, 3 }, new double[] { 1, 3, 2 }], new RiskReportOptions { Confidence = 0.99 });

        Assert.Equal(RiskMath.Z99 * Math.Sqrt(3), figures.ParametricVar, 9);
    }

    [Fact]
    public void MonteCarlo_ConvergesToParametric_ForNormalReturns_AndIsSeeded()
    {
        var random = new Random(42);
        var a = new double[1000];
        var b = new double[1000];
        for (var i = 0; i < a.Length; i++)
        {
            var z1 = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var z2 = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            a[i] = 0.006 * z1;
            b[i] = 0.008 * ((0.6 * z1) + (0.8 * z2));
        }

        var options = new RiskReportOptions { Confidence = 0.99, Simulations = 200_000, Seed = 7, Horizon = 10 };
        var figures = PortfolioRisk.ValueAtRisk([110_000, -50_000], [a, b], options);
        var again = PortfolioRisk.ValueAtRisk([110_000, -50_000], [a, b], options);

        Assert.Equal(figures.ParametricVar, figures.MonteCarloVar, figures.ParametricVar * 0.01);
        Assert.Equal(figures.ParametricEs, figures.MonteCarloEs, figures.ParametricEs * 0.015);
        Assert.Equal(figures.MonteCarloVar, again.MonteCarloVar);
    }
}
