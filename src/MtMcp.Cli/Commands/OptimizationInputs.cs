using System.CommandLine;
using MtMcp.Backtesting;

namespace MtMcp.Cli.Commands;

/// <summary>The search settings shared by <c>optimize</c> and <c>walk-forward</c>: ranges, criterion, method, constraints, limits.</summary>
internal sealed class OptimizationInputs
{
    private readonly Option<string[]> _parameters = new("--param", "-p")
    {
        Description = "Parameter range name=start:stop:step, name=start:stop (the declared step) or name=value (fixed); repeatable. Declared parameters with a step are searched over their declared range unless given here.",
    };

    private readonly Option<string> _criterion = new("--criterion", "-c")
    {
        Description = "What to optimise: net_profit, sharpe, profit_factor, recovery_factor, expected_payoff, max_drawdown (minimised), or an expression over the statistics, e.g. \"net_profit / (1 + abs(max_drawdown_pct))\".",
        DefaultValueFactory = _ => "net_profit",
    };

    private readonly Option<string> _method = new("--method") { Description = "grid (every combination) or genetic.", DefaultValueFactory = _ => "grid" };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the genetic search (and Monte Carlo): the same seed gives the same result.", DefaultValueFactory = _ => 1 };
    private readonly Option<int> _minTrades = new("--min-trades") { Description = "Exclude passes with fewer closed trades." };
    private readonly Option<double?> _maxDrawdown = new("--max-drawdown") { Description = "Exclude passes whose maximum drawdown exceeds this many %, e.g. 25.", CustomParser = r => InvariantNumbers.Double(r) };
    private readonly Option<string[]> _constraints = new("--constraint") { Description = "Exclude passes for which this expression is false, e.g. \"sharpe_ratio > 0.5\"; repeatable." };
    private readonly Option<int> _maxPasses = new("--max-passes") { Description = "Most passes: a larger grid is refused, a genetic search stops there.", DefaultValueFactory = _ => 100_000 };
    private readonly Option<int> _threads = new("--threads") { Description = "Worker threads (0 = one per core); the results do not depend on it." };

    public OptimizationInputs() => _method.AcceptOnlyFromAmong("grid", "genetic");

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[_parameters, _criterion, _method, _seed, _minTrades, _maxDrawdown, _constraints, _maxPasses, _threads])
        {
            command.Options.Add(option);
        }
    }

    public int Seed(ParseResult result) => result.GetValue(_seed);

    /// <summary>The parameter space from the declared parameters and the --param overrides.</summary>
    public ParameterSpace Space(ParseResult result, IReadOnlyList<ParameterLimits> declared)
    {
        try
        {
            var space = ParameterSpace.Create(declared, result.GetValue(_parameters) ?? []);
            return space.Ranges.Count > 0 ? space : throw new UserErrorException("The strategy declares no parameters: give the ranges to search with --param name=start:stop:step.");
        }
        catch (ArgumentException error)
        {
            throw new UserErrorException(error.Message);
        }
    }

    public OptimizationOptions Options(ParseResult result)
    {
        var options = new OptimizationOptions
        {
            Method = result.GetValue(_method) == "genetic" ? OptimizationMethod.Genetic : OptimizationMethod.Grid,
            Criterion = OptimizationCriterion.Parse(result.GetValue(_criterion)!),
            Constraints = new OptimizationConstraints
            {
                MinTrades = result.GetValue(_minTrades),
                MaxDrawdownPct = result.GetValue(_maxDrawdown),
                Conditions = result.GetValue(_constraints) ?? [],
            },
            Genetic = new GeneticOptions { Seed = result.GetValue(_seed) },
            MaxPasses = result.GetValue(_maxPasses),
            MaxDegreeOfParallelism = result.GetValue(_threads),
        };
        try
        {
            options.Validate();
            options.Constraints.Validate();
        }
        catch (ArgumentException error)
        {
            throw new UserErrorException(error.Message);
        }

        return options;
    }

    /// <summary>Runs <paramref name="work"/> with a progress bar of <paramref name="steps"/> passes, turning refusals into user errors.</summary>
    public static Task<T> RunAsync<T>(ParseResult result, string title, long steps, Func<IProgress<OptimizationProgress>, T> work) =>
        Progress.RunAsync(result, title, (int)Math.Min(steps, int.MaxValue), progress =>
        {
            try
            {
                return work(new Passes(progress));
            }
            catch (ArgumentException error)
            {
                throw new UserErrorException(error.Message);
            }
        });

    private sealed class Passes(IProgress<int> inner) : IProgress<OptimizationProgress>
    {
        public void Report(OptimizationProgress value) => inner.Report(value.Completed);
    }
}
