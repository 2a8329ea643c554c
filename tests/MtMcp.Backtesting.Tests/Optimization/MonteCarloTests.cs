namespace MtMcp.Backtesting.Tests.Optimization;

public sealed class MonteCarloTests
{
    private static readonly double[] s_trades = [100, -200, 50];

    [Fact]
    public void Path_HandComputed()
    {
        // 1000 → 1100 (peak) → 900 (drawdown 200 / 1100) → 950: return −5 %.
        var (ret, dd) = MonteCarlo.Path(s_trades, 1000);

        Assert.Equal(-5, ret, 12);
        Assert.Equal(200.0 / 1100 * 100, dd, 12);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(50, 2.5)]
    [InlineData(5, 1.15)]
    [InlineData(100, 4)]
    [InlineData(75, 3.25)]
    public void Percentile_LinearBetweenRanks(double p, double expected) =>
        Assert.Equal(expected, MonteCarlo.Percentile([1, 2, 3, 4], p), 12);

    [Fact]
    public void Run_Shuffle_ReturnFixedAndDrawdownBandsMatchThePermutations()
    {
        // The six orders of +100, −200, +50 from 1000 have drawdowns 200/1150 (twice), 200/1100, 200/1050, 200/1000 (twice):
        // cumulative shares 1/3, 1/2, 2/3, 1, so the 10th, 40th, 60th and 90th percentiles fall on those values.
        var result = MonteCarlo.Run(s_trades, 1000, new MonteCarloOptions { Method = MonteCarloMethod.Shuffle, Simulations = 20_000, Percentiles = [10, 40, 60, 90] });

        Assert.All(result.Bands, b => Assert.Equal(-5, b.ReturnPct, 9));
        Assert.Equal([200.0 / 1150 * 100, 200.0 / 1100 * 100, 200.0 / 1050 * 100, 20], result.Bands.Select(b => b.MaxDrawdownPct), new Close(1e-9));
    }

    [Fact]
    public void Run_Resample_ReturnBandsMatchTheExactDistribution()
    {
        // Exact distribution of the sum of 3 draws with replacement: the 27 equally likely sequences.
        var sums = (from a in s_trades from b in s_trades from c in s_trades select a + b + c).Order().ToArray();
        double Quantile(double p) => sums.First(s => sums.Count(x => x <= s) >= p * 27) / 1000 * 100;

        var result = MonteCarlo.Run(s_trades, 1000, new MonteCarloOptions { Simulations = 20_000, Seed = 3, Percentiles = [10, 50, 90] });

        // p = 0.10, 0.50, 0.90 lie inside a probability mass (cumulative 0.04–0.15, 0.37–0.59, 0.85–0.96), away from its edges.
        Assert.Equal([Quantile(0.10), Quantile(0.50), Quantile(0.90)], result.Bands.Select(b => b.ReturnPct), new Close(1e-9));
        Assert.Equal([-35.0, -5, 25], result.Bands.Select(b => b.ReturnPct), new Close(1e-9));
    }

    [Fact]
    public void Run_SameSeed_SameBands_OtherSeedOther()
    {
        var trades = Enumerable.Range(0, 50).Select(i => (i % 7) * 30.0 - 80).ToArray();

        var a = MonteCarlo.Run(trades, 10_000, new MonteCarloOptions { Seed = 5, Percentiles = [5, 50, 95] });
        var b = MonteCarlo.Run(trades, 10_000, new MonteCarloOptions { Seed = 5, Percentiles = [5, 50, 95] });
        var c = MonteCarlo.Run(trades, 10_000, new MonteCarloOptions { Seed = 6, Percentiles = [5, 50, 95] });

        Assert.Equal(a.Bands, b.Bands);
        Assert.NotEqual(a.Bands, c.Bands);
        Assert.True(a.Bands[0].ReturnPct <= a.Bands[1].ReturnPct && a.Bands[1].ReturnPct <= a.Bands[2].ReturnPct);
        Assert.True(a.Bands[0].MaxDrawdownPct <= a.Bands[2].MaxDrawdownPct);
    }

    [Fact]
    public void Run_RealTrades_MedianReturnNearTheBacktestReturn()
    {
        var run = CompatBacktest.Run(TestData.Goog, new SmaCross(), new StrategyParameters().Set("fast", 10).Set("slow", 30));
        var profits = run.Trades.Select(t => t.Profit).ToArray();
        var total = profits.Sum() / 10_000 * 100;

        var shuffled = MonteCarlo.Run(profits, 10_000, new MonteCarloOptions { Method = MonteCarloMethod.Shuffle });
        var resampled = MonteCarlo.Run(profits, 10_000, new MonteCarloOptions { Simulations = 5000 });

        Assert.All(shuffled.Bands, b => Assert.Equal(total, b.ReturnPct, 6));
        Assert.InRange(resampled.Bands[1].ReturnPct, total * 0.8, total * 1.2);
        Assert.True(resampled.Bands[0].ReturnPct < total && total < resampled.Bands[2].ReturnPct);
    }

    [Fact]
    public void Run_NoTrades_Throws() =>
        Assert.Throws<ArgumentException>(() => MonteCarlo.Run([], 1000));

    private sealed class Close(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
