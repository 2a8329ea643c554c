namespace MtMcp.Backtesting.Tests.Optimization;

public sealed class WalkForwardTests
{
    private static readonly CompatPassEvaluator s_evaluator = new(static () => new SmaCross(), new CompatOptions());
    private static readonly ParameterSpace s_space = new([new("fast", 5, 15, 5), new("slow", 20, 40, 10)]);

    [Fact]
    public void Windows_Rolling_HandComputedBoundaries()
    {
        var windows = WalkForward.Windows(100, 40, 20, anchored: false);

        Assert.Equal(
            [new WalkForwardWindow(0, 0, 40, 40, 20), new WalkForwardWindow(1, 20, 40, 60, 20), new WalkForwardWindow(2, 40, 40, 80, 20)],
            windows);
    }

    [Fact]
    public void Windows_Anchored_InSampleGrowsFromTheFirstBar()
    {
        var windows = WalkForward.Windows(105, 40, 20, anchored: true);

        // 105 bars hold three whole windows; the last 5 bars are left out.
        Assert.Equal(
            [new WalkForwardWindow(0, 0, 40, 40, 20), new WalkForwardWindow(1, 0, 60, 60, 20), new WalkForwardWindow(2, 0, 80, 80, 20)],
            windows);
    }

    [Fact]
    public void Lengths_WindowsAndRatio_SplitTheRange()
    {
        // 100 / (5 + 3) = 12 bars out of sample, 36 in sample: windows end at 36 + 5 × 12 = 96 ≤ 100.
        Assert.Equal((36, 12), WalkForward.Lengths(100, 5, 3));
        Assert.Equal(5, WalkForward.Windows(100, 36, 12, anchored: false).Count);
    }

    [Theory]
    [InlineData(100, 90, 20)]
    [InlineData(100, 1, 20)]
    [InlineData(100, 40, 0)]
    public void Windows_DoNotFit_Throws(int bars, int inSample, int outOfSample) =>
        Assert.Throws<ArgumentException>(() => WalkForward.Windows(bars, inSample, outOfSample, anchored: false));

    [Fact]
    public void Run_EachRunSeesOnlyItsOwnBars()
    {
        var bars = TestData.Goog;
        var spy = new Spy(s_evaluator);
        var options = new WalkForwardOptions { InSampleBars = 600, OutOfSampleBars = 300 };

        var result = WalkForward.Run(bars, s_space, spy, options, cancellationToken: TestContext.Current.CancellationToken);

        var windows = WalkForward.Windows(bars.Length, 600, 300, anchored: false);
        Assert.Equal(windows, result.Windows.Select(w => w.Window));
        foreach (var w in windows)
        {
            var inSample = (bars[w.InSampleStart].Time, bars[w.OutOfSampleStart - 1].Time);
            var outOfSample = (bars[w.OutOfSampleStart].Time, bars[w.End - 1].Time);
            Assert.Equal(s_space.Count, spy.Calls.Count(c => c == inSample));
            Assert.Equal(1, spy.Calls.Count(c => c == outOfSample));
        }

        Assert.Equal(windows.Count * (s_space.Count + 1), spy.Calls.Count);
    }

    [Fact]
    public void Run_OutOfSample_EqualsAnIndependentBacktestOfTheBestSet()
    {
        var bars = TestData.Goog;

        var result = WalkForward.Run(bars, s_space, s_evaluator, new WalkForwardOptions { Windows = 3, Anchored = true },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, result.Windows.Count);
        var growth = 1.0;
        foreach (var w in result.Windows)
        {
            var best = Optimizer.Run(bars.AsMemory(w.Window.InSampleStart, w.Window.InSampleCount), s_space, s_evaluator,
                cancellationToken: TestContext.Current.CancellationToken).Best!;
            Assert.Equal(best.Values, w.Best.Values);
            var parameters = new StrategyParameters().Set("fast", best.Values[0]).Set("slow", best.Values[1]);
            var oos = CompatBacktest.Run(bars.AsMemory(w.Window.OutOfSampleStart, w.Window.OutOfSampleCount), new SmaCross(), parameters);
            Assert.Equal(oos.Statistics.ReturnPct, w.OutOfSample.ReturnPct, 9);
            Assert.Equal(oos.Statistics.Trades, w.OutOfSample.Trades);
            var rate = (oos.Statistics.ReturnPct / oos.Statistics.DurationDays) / (best.Statistics.ReturnPct / best.Statistics.DurationDays);
            Assert.Equal(best.Statistics.ReturnPct > 0 ? rate : double.NaN, w.Efficiency, 9);
            growth *= 1 + (oos.Statistics.ReturnPct / 100);
        }

        Assert.Equal((growth - 1) * 100, result.OutOfSampleReturnPct, 9);
        Assert.Equal(result.Windows.Sum(w => w.OutOfSample.Trades), result.OutOfSampleTrades);
    }

    [Fact]
    public void Run_Progress_RunsOnceOverAllWindows()
    {
        var seen = new List<OptimizationProgress>();
        var progress = new Synchronous(seen);

        WalkForward.Run(TestData.Goog, s_space, s_evaluator,
            new WalkForwardOptions { Windows = 2, Optimization = new OptimizationOptions { MaxDegreeOfParallelism = 1 } }, progress, TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(1, 18), seen.Select(p => p.Completed));
        Assert.All(seen, p => Assert.Equal(18, p.Total));
    }

    /// <summary>Records the first and last bar time of every run.</summary>
    private sealed class Spy(IPassEvaluator inner) : IPassEvaluator
    {
        private readonly List<(long, long)> _calls = [];

        public List<(long, long)> Calls => _calls;

        public StatisticNames Names => inner.Names;

        public PassStatistics Evaluate(ReadOnlyMemory<Bar> bars, StrategyParameters parameters)
        {
            lock (_calls)
            {
                _calls.Add((bars.Span[0].Time, bars.Span[^1].Time));
            }

            return inner.Evaluate(bars, parameters);
        }
    }

    private sealed class Synchronous(List<OptimizationProgress> seen) : IProgress<OptimizationProgress>
    {
        public void Report(OptimizationProgress value) => seen.Add(value);
    }
}
