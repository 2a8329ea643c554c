using System.Globalization;
using System.Runtime.ExceptionServices;

namespace MtMcp.Backtesting;

/// <summary>
/// Searches a <see cref="ParameterSpace"/> for the parameter set that optimises a criterion: every combination (grid) or a
/// seeded genetic search. Passes run on all cores (or <see cref="OptimizationOptions.MaxDegreeOfParallelism"/>), each on
/// its own strategy instance; the results are the same whatever the thread count.
/// </summary>
/// <remarks>
/// Progress is reported from the worker threads after every pass, so the <see cref="IProgress{T}"/> must be thread-safe.
/// Cancellation stops scheduling passes at once, lets the running ones finish (a pass is not interruptible) and then throws
/// <see cref="OperationCanceledException"/>: a cancelled optimisation returns no partial table.
/// </remarks>
public static partial class Optimizer
{
    /// <summary>Runs the optimisation over <paramref name="bars"/>.</summary>
    /// <exception cref="ArgumentException">A grid larger than <see cref="OptimizationOptions.MaxPasses"/>, an empty space, or a pass the strategy refused (named by its parameters).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="FormatException">The criterion or a constraint is not a valid expression.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static OptimizationResult Run(
        ReadOnlyMemory<Bar> bars, ParameterSpace space, IPassEvaluator evaluator, OptimizationOptions? options = null,
        IProgress<OptimizationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(evaluator);
        options ??= new OptimizationOptions();
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var session = new Session(bars, space, evaluator, options, progress, cancellationToken);
        var generations = 1;
        if (options.Method == OptimizationMethod.Grid)
        {
            if (space.Count > options.MaxPasses)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The grid has {space.Count} combinations, more than the limit of {options.MaxPasses}: narrow the ranges, use larger steps, or use the genetic method."));
            }

            var all = new long[space.Count];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = i;
            }

            session.Evaluate(all);
        }
        else
        {
            generations = RunGenetic(session, space, options.Genetic);
        }

        var passes = session.Passes.ToArray();
        Array.Sort(passes, Compare);
        return new OptimizationResult(space, options.Method, options.Criterion, passes, generations);
    }

    /// <summary>The ranking order: feasible first, then by score (NaN last), then by combination number. Negative when <paramref name="a"/> ranks before <paramref name="b"/>.</summary>
    internal static int Compare(OptimizationPass? a, OptimizationPass? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : 1) : -1;
        }

        if (a.Feasible != b.Feasible)
        {
            return a.Feasible ? -1 : 1;
        }

        var (x, y) = (a.Score, b.Score);
        if (double.IsNaN(x) != double.IsNaN(y))
        {
            return double.IsNaN(x) ? 1 : -1;
        }

        var byScore = double.IsNaN(x) ? 0 : (a.Minimise ? x.CompareTo(y) : y.CompareTo(x));
        return byScore != 0 ? byScore : a.Combination.CompareTo(b.Combination);
    }

    /// <summary>Evaluates passes in parallel and remembers every result, so a combination runs at most once.</summary>
    private sealed class Session(
        ReadOnlyMemory<Bar> bars, ParameterSpace space, IPassEvaluator evaluator, OptimizationOptions options,
        IProgress<OptimizationProgress>? progress, CancellationToken cancellationToken)
    {
        private readonly Dictionary<long, OptimizationPass> _done = [];
        private readonly StatisticsExpression _criterion = options.Criterion.Bind(evaluator.Names);
        private readonly IReadOnlyList<StatisticsExpression> _constraints = options.Constraints.Bind(evaluator.Names);
        private readonly long _total = Math.Min(space.Count, options.MaxPasses);
        private int _completed;

        public IEnumerable<OptimizationPass> Passes => _done.Values;

        public int Count => _done.Count;

        /// <summary>Passes the budget still allows.</summary>
        public long Remaining => _total - _done.Count;

        public bool IsDone(long combination) => _done.ContainsKey(combination);

        public OptimizationPass Get(long combination) => _done[combination];

        /// <summary>Runs the combinations not yet run (in order, within the budget) and records them.</summary>
        public void Evaluate(IReadOnlyList<long> combinations)
        {
            var todo = new List<long>(combinations.Count);
            var seen = new HashSet<long>();
            foreach (var c in combinations)
            {
                if (todo.Count < Remaining && !_done.ContainsKey(c) && seen.Add(c))
                {
                    todo.Add(c);
                }
            }

            var results = new OptimizationPass[todo.Count];
            var parallel = new ParallelOptions
            {
                CancellationToken = cancellationToken,
                MaxDegreeOfParallelism = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount,
            };
            try
            {
                Parallel.For(0, todo.Count, parallel, i => results[i] = Run(todo[i]));
            }
            catch (AggregateException error) when (error.InnerExceptions.Count > 0)
            {
                ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
            }

            foreach (var pass in results)
            {
                _done.Add(pass.Combination, pass);
            }
        }

        private OptimizationPass Run(long combination)
        {
            var values = space.Values(combination);
            PassStatistics statistics;
            try
            {
                statistics = evaluator.Evaluate(bars, space.Parameters(values));
            }
            catch (ArgumentException error)
            {
                throw new ArgumentException($"Pass {space.Describe(values)}: {error.Message}", error);
            }

            var feasible = true;
            foreach (var constraint in _constraints)
            {
                var v = constraint.Evaluate(statistics);
                feasible &= v != 0 && !double.IsNaN(v);
            }

            var pass = new OptimizationPass(combination, values, statistics, _criterion.Evaluate(statistics), feasible) { Minimise = options.Criterion.Minimise };
            progress?.Report(new OptimizationProgress(Interlocked.Increment(ref _completed), _total));
            return pass;
        }
    }
}
