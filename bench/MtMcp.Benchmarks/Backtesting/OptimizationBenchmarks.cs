using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MtMcp.Backtesting;
using MtMcp.Domain;
using MtMcp.Strategies;

namespace MtMcp.Benchmarks;

/// <summary>
/// The optimisation target: a 1,000-combination grid (fast 2..41 × slow 50..170 step 5) of the strategy-language
/// <c>builtin:sma_cross</c> in the backtesting.py-compatible mode on 100 k synthetic M1 bars, on every core. One operation
/// takes seconds, so the job runs each once per iteration (monitoring strategy), in process: on the loaded shared machine
/// the generated per-job project does not build within BenchmarkDotNet's two-minute limit.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MonitoringInProcess))]
public class OptimizationBenchmarks
{
    private const int BarCount = 100_000;
    private static readonly ParameterSpace s_space = new([new("fast", 2, 41, 1), new("slow", 50, 170, 5)]);
    private Bar[] _bars = [];
    private CompatPassEvaluator _language = null!;
    private CompatPassEvaluator _csharp = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bars = SyntheticSeries.M1Bars(BarCount);
        var document = StrategyResolver.Builtin("sma_cross");
        _language = new CompatPassEvaluator(() => new LanguageStrategy(document), new CompatOptions());
        _csharp = new CompatPassEvaluator(static () => new SmaCross(), new CompatOptions());
        if (s_space.Count != 1000)
        {
            throw new InvalidOperationException($"The grid must have 1000 combinations, not {s_space.Count}.");
        }
    }

    [Benchmark(Baseline = true)]
    [Headline("grid optimisation, 1,000 passes × 100 k bars", HeadlineUnit.Milliseconds, 10_000)]
    public double LanguageGrid() => Optimizer.Run(_bars, s_space, _language).Passes[0].Score;

    [Benchmark]
    public double CSharpGrid() => Optimizer.Run(_bars, s_space, _csharp).Passes[0].Score;

    private sealed class MonitoringInProcess : ManualConfig
    {
        public MonitoringInProcess() =>
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
                .WithToolchain(InProcessEmitToolchain.Instance));
    }
}
