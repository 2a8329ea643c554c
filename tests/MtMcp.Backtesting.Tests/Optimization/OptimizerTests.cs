namespace MtMcp.Backtesting.Tests.Optimization;

/// <summary>The optimiser on real data (GOOG daily) with the C# SmaCross, checked against independent single backtests.</summary>
public sealed class OptimizerTests
{
    private const double Cash = 10_000;
    private static readonly CompatPassEvaluator s_evaluator = new(static () => new SmaCross(), new CompatOptions { Cash = Cash });
    private static readonly ParameterSpace s_small = new([new("fast", 5, 20, 5), new("slow", 20, 50, 10)]);
    private static readonly ParameterSpace s_medium = new([new("fast", 3, 24, 3), new("slow", 25, 60, 5)]);

    private static OptimizationResult Run(
        ParameterSpace space, IPassEvaluator evaluator, OptimizationOptions? options = null, IProgress<OptimizationProgress>? progress = null, CancellationToken? cancellationToken = null) =>
        Optimizer.Run(TestData.Goog, space, evaluator, options, progress, cancellationToken ?? TestContext.Current.CancellationToken);

    /// <summary>Net profit of one plain backtest per combination: the reference the optimiser must agree with.</summary>
    private static Dictionary<(double Fast, double Slow), double> Independent(ParameterSpace space)
    {
        var profits = new Dictionary<(double, double), double>();
        for (long k = 0; k < space.Count; k++)
        {
            var v = space.Values(k);
            var run = CompatBacktest.Run(TestData.Goog, new SmaCross(), new StrategyParameters().Set("fast", v[0]).Set("slow", v[1]));
            profits[(v[0], v[1])] = run.Statistics.EquityFinal - Cash;
        }

        return profits;
    }

    [Fact]
    public void Run_Grid_FindsTheBestOfIndependentBacktests()
    {
        var reference = Independent(s_small);

        var result = Run(s_small, s_evaluator);

        Assert.Equal(16, result.Passes.Count);
        var best = reference.MaxBy(p => p.Value);
        Assert.Equal([best.Key.Fast, best.Key.Slow], result.Best!.Values);
        Assert.Equal(best.Value, result.Best.Score, 6);
        foreach (var pass in result.Passes)
        {
            Assert.Equal(reference[(pass.Values[0], pass.Values[1])], pass.Statistics.NetProfit, 6);
        }

        Assert.Equal(reference.Values.OrderDescending(), result.Passes.Select(p => p.Score), new Tolerance(1e-6));
    }

    [Fact]
    public void Run_MinimisedCriterion_RanksTheSmallestDrawdownFirst()
    {
        var result = Run(s_small, s_evaluator, new OptimizationOptions { Criterion = OptimizationCriterion.Parse("max_drawdown") });

        var drawdowns = result.Passes.Select(p => Math.Abs(p.Statistics["max_drawdown_pct"])).ToList();
        Assert.Equal(drawdowns.Order(), drawdowns);
        Assert.Equal(drawdowns[0], result.Best!.Score);
    }

    [Fact]
    public void Run_CustomExpression_ScoresEachPassByTheFormula()
    {
        var result = Run(s_small, s_evaluator, new OptimizationOptions { Criterion = OptimizationCriterion.Parse("net_profit / trades") });

        foreach (var pass in result.Passes)
        {
            Assert.Equal(pass.Statistics.NetProfit / pass.Statistics.Trades, pass.Score, 9);
            Assert.Equal(pass.Statistics["expected_payoff"], pass.Score, 9);
        }
    }

    [Fact]
    public void Run_Constraints_ExcludePassesThatFailThem()
    {
        var reference = Independent(s_small);
        var trades = Run(s_small, s_evaluator).Passes.ToDictionary(p => (p.Values[0], p.Values[1]), p => p.Statistics.Trades);
        var minTrades = trades.Values.Order().ElementAt(8);

        var result = Run(s_small, s_evaluator,
            new OptimizationOptions { Constraints = new OptimizationConstraints { MinTrades = minTrades } });

        Assert.All(result.Passes, p => Assert.Equal(p.Statistics.Trades >= minTrades, p.Feasible));
        Assert.Contains(result.Passes, p => !p.Feasible);
        var best = reference.Where(p => trades[p.Key] >= minTrades).MaxBy(p => p.Value);
        Assert.Equal([best.Key.Fast, best.Key.Slow], result.Best!.Values);
        var firstExcluded = result.Passes.ToList().FindIndex(p => !p.Feasible);
        Assert.All(result.Passes.Skip(firstExcluded), p => Assert.False(p.Feasible));
    }

    [Fact]
    public void Run_MaxDrawdownConstraint_ExcludesDeeperDrawdowns()
    {
        var result = Run(s_small, s_evaluator,
            new OptimizationOptions { Constraints = new OptimizationConstraints { MaxDrawdownPct = 45 } });

        Assert.All(result.Passes, p => Assert.Equal(Math.Abs(p.Statistics["max_drawdown_pct"]) <= 45, p.Feasible));
        Assert.Contains(result.Passes, p => !p.Feasible);
        Assert.Contains(result.Passes, p => p.Feasible);
    }

    [Fact]
    public void Run_OneThreadOrMany_GivesIdenticalTables()
    {
        var one = Run(s_small, s_evaluator, new OptimizationOptions { MaxDegreeOfParallelism = 1 });
        var many = Run(s_small, s_evaluator, new OptimizationOptions { MaxDegreeOfParallelism = 4 });

        Assert.Equal(one.Passes.Select(p => (p.Combination, p.Score)), many.Passes.Select(p => (p.Combination, p.Score)));
        Assert.Equal(one.Passes.Select(p => p.Statistics.Values.ToArray()), many.Passes.Select(p => p.Statistics.Values.ToArray()));
    }

    [Fact]
    public void Run_GridOverTheLimit_ThrowsBeforeRunning()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Run(s_small, s_evaluator, new OptimizationOptions { MaxPasses = 15 }));

        Assert.Contains("16 combinations", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PassRefused_NamesTheParameters()
    {
        var space = new ParameterSpace([new("fast", 5, 5, 0), new("slwo", 20, 20, 0)]);

        var error = Assert.Throws<ArgumentException>(() => Run(space, s_evaluator));

        Assert.Contains("fast=5 slwo=20", error.Message, StringComparison.Ordinal);
        Assert.Contains("slwo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Cancelled_StopsAndThrows()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new Counter(at: 3, cancel.Cancel);
        var space = new ParameterSpace([new("fast", 2, 40, 1), new("slow", 41, 60, 1)]);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Run(space, s_evaluator, new OptimizationOptions { MaxDegreeOfParallelism = 2 }, progress, cancel.Token));

        // 780 passes planned; the running ones finish, nothing new starts.
        Assert.InRange(progress.Count, 3, 20);
    }

    [Fact]
    public void Run_Progress_CountsEveryPassOnce()
    {
        var progress = new Counter(at: int.MaxValue, () => { });

        Run(s_small, s_evaluator, progress: progress);

        Assert.Equal(16, progress.Count);
        Assert.Equal(16, progress.Max);
        Assert.Equal(16, progress.Total);
    }

    [Fact]
    public void Run_Genetic_SameSeedSamePassesWhateverTheThreads()
    {
        var options = new OptimizationOptions { Method = OptimizationMethod.Genetic, Genetic = new GeneticOptions { Seed = 7, PopulationSize = 8, StallGenerations = 3 } };

        var a = Run(s_medium, s_evaluator, options with { MaxDegreeOfParallelism = 1 });
        var b = Run(s_medium, s_evaluator, options with { MaxDegreeOfParallelism = 3 });
        var c = Run(s_medium, s_evaluator, options with { Genetic = options.Genetic with { Seed = 8 } });

        Assert.Equal(a.Passes.Select(p => (p.Combination, p.Score)), b.Passes.Select(p => (p.Combination, p.Score)));
        Assert.Equal(a.Generations, b.Generations);
        Assert.True(a.Passes.Count < s_medium.Count);
        Assert.NotEqual(a.Passes.Select(p => p.Combination).Order(), c.Passes.Select(p => p.Combination).Order());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Run_Genetic_FindsTheGridBestOnASmallSpace(int seed)
    {
        var grid = Run(s_medium, s_evaluator);

        var genetic = Run(s_medium, s_evaluator,
            new OptimizationOptions { Method = OptimizationMethod.Genetic, Genetic = new GeneticOptions { Seed = seed, PopulationSize = 16 } });

        Assert.Equal(grid.Best!.Values, genetic.Best!.Values);
        Assert.True(genetic.Passes.Count <= s_medium.Count);
    }

    [Fact]
    public void Run_GeneticWithPassLimit_StopsAtTheLimit()
    {
        var result = Run(s_medium, s_evaluator,
            new OptimizationOptions { Method = OptimizationMethod.Genetic, MaxPasses = 20, Genetic = new GeneticOptions { PopulationSize = 8 } });

        Assert.Equal(20, result.Passes.Count);
    }

    private sealed class Counter(int at, Action action) : IProgress<OptimizationProgress>
    {
        private int _count;
        private int _max;

        public int Count => Volatile.Read(ref _count);

        public int Max => Volatile.Read(ref _max);

        public long Total { get; private set; }

        public void Report(OptimizationProgress value)
        {
            if (Interlocked.Increment(ref _count) == at)
            {
                action();
            }

            int seen;
            while ((seen = Volatile.Read(ref _max)) < value.Completed && Interlocked.CompareExchange(ref _max, value.Completed, seen) != seen)
            {
            }

            Total = value.Total;
        }
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
