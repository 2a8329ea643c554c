namespace MtMcp.Backtesting.Tests.Optimization;

public sealed class ForwardTestTests
{
    private static readonly CompatPassEvaluator s_evaluator = new(static () => new SmaCross(), new CompatOptions());
    private static readonly ParameterSpace s_space = new([new("fast", 5, 15, 5), new("slow", 20, 40, 10)]);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Run_Divisor_OptimisesOnTheFirstPartAndReRunsTheBestOnTheRest(int divisor)
    {
        var bars = TestData.Goog;

        var result = ForwardTest.Run(bars, s_space, s_evaluator, new OptimizationOptions(), divisor, top: 3, cancellationToken: TestContext.Current.CancellationToken);

        var forward = bars.Length / divisor;
        Assert.Equal(forward, result.ForwardBars);
        Assert.Equal(bars.Length - forward, result.InSampleBars);
        Assert.Equal(3, result.Rows.Count);
        for (var i = 0; i < 3; i++)
        {
            var row = result.Rows[i];
            Assert.Same(result.Optimization.Passes[i], row.Pass);
            var parameters = new StrategyParameters().Set("fast", row.Pass.Values[0]).Set("slow", row.Pass.Values[1]);
            var held = CompatBacktest.Run(bars.AsMemory(bars.Length - forward), new SmaCross(), parameters);
            Assert.Equal(held.Statistics.EquityFinal - 10_000, row.Forward.NetProfit, 9);
            Assert.Equal(row.Forward.NetProfit, row.ForwardScore);
            Assert.Equal(bars[bars.Length - forward].Time, (long)row.Forward["start"]);
            Assert.Equal(bars[bars.Length - forward - 1].Time, (long)row.Pass.Statistics["end"]);
        }
    }

    [Fact]
    public void Run_OtherDivisor_Throws() =>
        Assert.Throws<ArgumentException>(() => ForwardTest.Run(TestData.Goog, s_space, s_evaluator, new OptimizationOptions(), 5, 1,
            cancellationToken: TestContext.Current.CancellationToken));
}
