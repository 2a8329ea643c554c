using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Backtesting;
using MtMcp.Domain;
using MtMcp.Server.Market;

namespace MtMcp.Server.Tools;

/// <summary>
/// Optimisation and walk-forward analysis of a strategy (builtin:NAME or inline) in the backtesting.py-compatible mode, on
/// the history <c>get_bars</c> serves, with the same library code as <c>mtmcp optimize</c> and <c>mtmcp walk-forward</c>.
/// The work a call may ask for is bounded (passes and passes × bars).
/// </summary>
[McpServerToolType]
internal sealed class OptimizationTools(ServerSettings settings, MarketHistory history, ToolRunner runner)
{
    private const int DefaultBars = 1000;
    private const int MaxBars = 100_000;
    private const int MaxPasses = 10_000;
    private const int DefaultGeneticPasses = 1000;
    private const long MaxWork = 100_000_000;
    private const int DefaultTop = 10;
    private const int MaxTop = 100;
    private const int MaxSimulations = 10_000;

    [McpServerTool(Name = "optimize_strategy", Title = "Optimize a strategy", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(OptimizationAnswer))]
    [Description("Searches a strategy's parameter ranges (builtin:NAME or an inline document) for the best value of a criterion, in the "
        + "backtesting.py-compatible mode on the symbol's history, on all cores. Ranges: the declared ones, overridden by parameters "
        + "{\"fast\": \"5:50:5\", \"slow\": 30}. criterion: net_profit (default), sharpe, profit_factor, recovery_factor, expected_payoff, "
        + "max_drawdown (minimised) or an expression over the statistics such as \"net_profit / (1 + abs(max_drawdown_pct))\". "
        + "Passes failing min_trades, max_drawdown or constraints are excluded (feasible false). method grid (every combination, at most "
        + "10000) or genetic (seeded; deterministic). forward 2|3|4 holds out the last 1/N of the bars and re-runs the top passes on it. "
        + "monte_carlo N resamples the best pass's closed trades N times (seeded by monte_carlo_seed) and gives 5/50/95 % bands on return "
        + "and maximum drawdown. passes × bars is limited to 100 million.")]
    public ValueTask<CallToolResult> OptimizeStrategy(
        RequestContext<CallToolRequestParams> context,
        [Description(StrategyReferences.Description)] string? strategy = null,
        [Description("An inline strategy document (JSON text) instead of strategy.")] string? document = null,
        [Description("Symbol; default: the strategy's first symbol.")] string? symbol = null,
        [Description("Bar timeframe (M1 … MN1); default: the strategy's timeframe, else H1.")] string? timeframe = null,
        [Description("First bar time, ISO-8601 UTC.")] string? from = null,
        [Description("Last bar time, ISO-8601 UTC; default: now.")] string? to = null,
        [Description("Most recent bars of the range, 2 to 100000, default 1000.")] int? bars = null,
        [Description("Ranges by parameter: \"start:stop:step\", \"start:stop\" (declared step) or a fixed number; others keep their declared range.")] Dictionary<string, JsonElement>? parameters = null,
        [Description("net_profit (default), sharpe, profit_factor, recovery_factor, expected_payoff, max_drawdown, or an expression over the statistics.")] string? criterion = null,
        [Description("grid (default) or genetic.")] string? method = null,
        [Description("genetic only: seed of the search, default 1.")] int? seed = null,
        [Description("genetic only: most passes, 1 to 10000, default 1000.")] int? max_passes = null,
        [Description("Exclude passes with fewer closed trades.")] int? min_trades = null,
        [Description("Exclude passes whose maximum drawdown exceeds this %, e.g. 25.")] double? max_drawdown = null,
        [Description("Further conditions that must hold, e.g. [\"sharpe_ratio > 0.5\"].")] string[]? constraints = null,
        [Description("Forward test: hold out the last 1/N of the bars, N = 2, 3 or 4.")] int? forward = null,
        [Description("Monte Carlo of the best pass: resampled trade sequences, 1 to 10000 (the in-sample trades with forward).")] int? monte_carlo = null,
        [Description("Seed of the Monte Carlo resampling, default 1: the same seed gives the same bands.")] int? monte_carlo_seed = null,
        [Description("Rows of the results table (best first), 1 to 100, default 10.")] int? top = null,
        [Description("Starting cash, default 10000.")] double? cash = null,
        [Description("Relative commission per fill, e.g. 0.002.")] double? commission = null,
        [Description("Relative spread on entry prices, e.g. 0.0002.")] double? spread = null,
        [Description("Margin ratio (1 / leverage) in (0, 1], default 1.")] double? margin = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("optimize_strategy", async () =>
        {
            var setup = Prepare(strategy, document, symbol, timeframe, from, to, bars, parameters, criterion, method, seed, max_passes, min_trades, max_drawdown,
                constraints, cash, commission, spread, margin);
            var rows = Args.Count(top, DefaultTop, 1, MaxTop, "top");
            if (forward is not null and not (2 or 3 or 4))
            {
                throw ToolErrorException.InvalidArgument("forward", "forward is 2, 3 or 4: the last 1/2, 1/3 or 1/4 of the bars is held out.");
            }

            var simulations = monte_carlo is null ? (int?)null : Args.Count(monte_carlo, 0, 1, MaxSimulations, "monte_carlo");
            if (monte_carlo_seed is not null && simulations is null)
            {
                throw ToolErrorException.InvalidArgument("monte_carlo_seed", "monte_carlo_seed applies with monte_carlo only.");
            }

            var total = Math.Min(setup.Space.Count, setup.Options.MaxPasses);
            var (optimised, forwardTest) = await WithProgressAsync(context, total, progress => forward is { } divisor
                ? (null, ForwardTest.Run(setup.Bars, setup.Space, setup.Evaluator, setup.Options, divisor, rows, progress, cancellationToken))
                : (Optimizer.Run(setup.Bars, setup.Space, setup.Evaluator, setup.Options, progress, cancellationToken), (ForwardTestResult?)null), cancellationToken).ConfigureAwait(false);
            optimised ??= forwardTest!.Optimization;
            var data = setup.Bars;
            var carlo = simulations is { } runs && optimised.Best is { } best
                ? MonteCarloBands(setup, forwardTest is null ? data : data[..forwardTest.InSampleBars], best, runs, monte_carlo_seed ?? 1)
                : null;
            var results = optimised.Passes.Take(rows).Select((p, i) => new OptimizationRow(i + 1, Values(setup.Space, p), Finite(p.Score), p.Feasible, Statistics(p.Statistics))).ToList();
            var forwardView = forwardTest is null ? null : new ForwardView(forwardTest.InSampleBars, forwardTest.ForwardBars, Args.FormatSeconds(data[forwardTest.InSampleBars].Time),
                [.. forwardTest.Rows.Select((r, i) => new ForwardRow(i + 1, Values(setup.Space, r.Pass), Finite(r.Pass.Score), r.Pass.Feasible, Finite(r.ForwardScore),
                    Statistics(r.Pass.Statistics), Statistics(r.Forward)))]);
            var c = setup.Options.Criterion;
            return new OptimizationAnswer(setup.Reference, setup.Symbol, setup.Timeframe.ToString(), MarketTools.SourceName(setup.Source), data.Length,
                Args.FormatSeconds(data[0].Time), Args.FormatSeconds(data[^1].Time), Name(optimised.Method), c.Name, c.Expression, c.Minimise, Ranges(setup.Space),
                setup.Space.Count, optimised.Passes.Count, optimised.FeasibleCount, optimised.Generations, results, forwardView, carlo);
        }, ServerJsonContext.Default.OptimizationAnswer);

    [McpServerTool(Name = "walk_forward", Title = "Walk-forward test", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(WalkForwardAnswer))]
    [Description("Walk-forward analysis in the backtesting.py-compatible mode: the bars are cut into windows; each in-sample part is optimised "
        + "(arguments as optimize_strategy) and the best set runs on the out-of-sample bars that follow, which it never saw. Windows roll forward, "
        + "or with anchored every in-sample part starts at the first bar. Give in_sample and out_of_sample (bars) or windows (default 5, "
        + "in-sample = 3 × out-of-sample). Answers each window and the stitched out-of-sample result with the walk-forward efficiency "
        + "(out-of-sample return per day / in-sample return per day).")]
    public ValueTask<CallToolResult> WalkForward(
        RequestContext<CallToolRequestParams> context,
        [Description(StrategyReferences.Description)] string? strategy = null,
        [Description("An inline strategy document (JSON text) instead of strategy.")] string? document = null,
        [Description("Symbol; default: the strategy's first symbol.")] string? symbol = null,
        [Description("Bar timeframe (M1 … MN1); default: the strategy's timeframe, else H1.")] string? timeframe = null,
        [Description("First bar time, ISO-8601 UTC.")] string? from = null,
        [Description("Last bar time, ISO-8601 UTC; default: now.")] string? to = null,
        [Description("Most recent bars of the range, 2 to 100000, default 1000.")] int? bars = null,
        [Description("Ranges by parameter, as optimize_strategy.")] Dictionary<string, JsonElement>? parameters = null,
        [Description("As optimize_strategy; default net_profit.")] string? criterion = null,
        [Description("grid (default) or genetic.")] string? method = null,
        [Description("genetic only: seed, default 1.")] int? seed = null,
        [Description("genetic only: most passes per window, 1 to 10000, default 1000.")] int? max_passes = null,
        [Description("Exclude passes with fewer closed trades.")] int? min_trades = null,
        [Description("Exclude passes whose maximum drawdown exceeds this %.")] double? max_drawdown = null,
        [Description("Further conditions that must hold.")] string[]? constraints = null,
        [Description("Bars per in-sample part (with out_of_sample).")] int? in_sample = null,
        [Description("Bars per out-of-sample part (with in_sample).")] int? out_of_sample = null,
        [Description("Number of windows instead of the lengths, 1 to 50, default 5.")] int? windows = null,
        [Description("In-sample parts all start at the first bar (default false: rolling).")] bool? anchored = null,
        [Description("Starting cash, default 10000.")] double? cash = null,
        [Description("Relative commission per fill, e.g. 0.002.")] double? commission = null,
        [Description("Relative spread on entry prices, e.g. 0.0002.")] double? spread = null,
        [Description("Margin ratio (1 / leverage) in (0, 1], default 1.")] double? margin = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("walk_forward", async () =>
        {
            var setup = Prepare(strategy, document, symbol, timeframe, from, to, bars, parameters, criterion, method, seed, max_passes, min_trades, max_drawdown,
                constraints, cash, commission, spread, margin);
            var data = setup.Bars;
            var options = (in_sample, out_of_sample, windows) switch
            {
                ({ } i, { } o, null) => new WalkForwardOptions { InSampleBars = i, OutOfSampleBars = o },
                (null, null, var k) => new WalkForwardOptions { Windows = Args.Count(k, 5, 1, 50, "windows") },
                _ => throw ToolErrorException.InvalidArgument("windows", "Give in_sample and out_of_sample together, or windows, not both."),
            };
            options = options with { Anchored = anchored ?? false, Optimization = setup.Options };
            IReadOnlyList<WalkForwardWindow> cuts;
            try
            {
                var (isBars, oosBars) = options.InSampleBars > 0 ? (options.InSampleBars, options.OutOfSampleBars) : Backtesting.WalkForward.Lengths(data.Length, options.Windows, options.InSampleRatio);
                cuts = Backtesting.WalkForward.Windows(data.Length, isBars, oosBars, options.Anchored);
            }
            catch (ArgumentException error)
            {
                throw ToolErrorException.InvalidArgument(in_sample is null ? "windows" : "in_sample", error.Message);
            }

            CheckWork(Math.Min(setup.Space.Count, setup.Options.MaxPasses), cuts.Sum(w => (long)w.InSampleCount), "windows");
            var total = Math.Min(setup.Space.Count, setup.Options.MaxPasses) * cuts.Count;
            var run = await WithProgressAsync(context, total, progress => Backtesting.WalkForward.Run(data, setup.Space, setup.Evaluator, options, progress, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            var views = run.Windows.Select(w => new WalkForwardWindowView(
                w.Window.Index + 1, Args.FormatSeconds(data[w.Window.InSampleStart].Time), Args.FormatSeconds(data[w.Window.OutOfSampleStart - 1].Time), w.Window.InSampleCount,
                Args.FormatSeconds(data[w.Window.OutOfSampleStart].Time), Args.FormatSeconds(data[w.Window.End - 1].Time), w.Window.OutOfSampleCount,
                Values(setup.Space, w.Best), w.Best.Feasible, Finite(w.Best.Score), Finite(w.Efficiency), Statistics(w.Best.Statistics), Statistics(w.OutOfSample))).ToList();
            var c = setup.Options.Criterion;
            return new WalkForwardAnswer(setup.Reference, setup.Symbol, setup.Timeframe.ToString(), MarketTools.SourceName(setup.Source), data.Length, Name(setup.Options.Method),
                c.Name, c.Expression, c.Minimise, Ranges(setup.Space), options.Anchored, views, Finite(run.OutOfSampleReturnPct), Finite(run.OutOfSampleNetProfit),
                run.OutOfSampleTrades, Finite(run.Efficiency));
        }, ServerJsonContext.Default.WalkForwardAnswer);

    private Setup Prepare(
        string? strategy, string? document, string? symbol, string? timeframe, string? from, string? to, int? bars, Dictionary<string, JsonElement>? parameters,
        string? criterion, string? method, int? seed, int? maxPasses, int? minTrades, double? maxDrawdown, string[]? constraints,
        double? cash, double? commission, double? spread, double? margin)
    {
        var resolved = StrategyReferences.Resolve(settings, strategy, document);
        var reference = resolved.Reference;
        var spec = Args.Symbol(settings.Catalog, symbol ?? (resolved.Symbols.Count > 0 ? resolved.Symbols[0] : null)
            ?? throw ToolErrorException.InvalidArgument("symbol", $"Strategy {reference} names no symbol: give symbol."));
        var tf = timeframe is null ? resolved.Timeframe ?? Timeframe.H1 : Args.Timeframe(timeframe);
        var start = Args.Time(from, "from");
        var end = Args.Time(to, "to");
        Args.Ordered(start, end);
        var count = Args.Count(bars, DefaultBars, 2, MaxBars, "bars");
        var space = Space(resolved, parameters);
        var genetic = (method ?? "grid").Trim().ToLowerInvariant() switch
        {
            "grid" => false,
            "genetic" => true,
            _ => throw ToolErrorException.InvalidArgument("method", "method must be grid or genetic."),
        };
        if (!genetic && (seed is not null || maxPasses is not null))
        {
            throw ToolErrorException.InvalidArgument(seed is not null ? "seed" : "max_passes", "seed and max_passes apply to method genetic only.");
        }

        var compat = new CompatOptions { Cash = cash ?? 10_000, CommissionRelative = commission ?? 0, Spread = spread ?? 0, Margin = margin ?? 1 };
        CompatPassEvaluator evaluator;
        var factory = resolved.Create;
        try
        {
            evaluator = new CompatPassEvaluator(factory, compat);
        }
        catch (ArgumentOutOfRangeException error)
        {
            throw ToolErrorException.InvalidArgument(error.ParamName switch
            {
                nameof(CompatOptions.Cash) => "cash",
                nameof(CompatOptions.Spread) => "spread",
                nameof(CompatOptions.Margin) => "margin",
                _ => "commission",
            }, error.Message);
        }

        var options = new OptimizationOptions
        {
            Method = genetic ? OptimizationMethod.Genetic : OptimizationMethod.Grid,
            Criterion = OptimizationCriterion.Parse(string.IsNullOrWhiteSpace(criterion) ? "net_profit" : criterion),
            Constraints = new OptimizationConstraints { MinTrades = minTrades ?? 0, MaxDrawdownPct = maxDrawdown, Conditions = constraints ?? [] },
            Genetic = new GeneticOptions { Seed = seed ?? 1 },
            MaxPasses = genetic ? Args.Count(maxPasses, DefaultGeneticPasses, 1, MaxPasses, "max_passes") : MaxPasses,
        };
        Bind(() => options.Criterion.Bind(evaluator.Names), "criterion");
        Bind(() => options.Constraints.Bind(evaluator.Names), minTrades is < 0 ? "min_trades" : maxDrawdown is not null and not (>= 0 and <= 100) ? "max_drawdown" : "constraints");
        if (!genetic && space.Count > MaxPasses)
        {
            throw ToolErrorException.InvalidArgument("parameters", string.Create(CultureInfo.InvariantCulture,
                $"The grid has {space.Count} combinations ({string.Join(" × ", space.Varied.Select(r => $"{r.Count} {r.Name}"))}), more than {MaxPasses}: narrow the ranges, use larger steps, or use method genetic."));
        }

        // Checked on the bars asked for, before any is read; walk_forward checks its windows again.
        CheckWork(Math.Min(space.Count, options.MaxPasses), count, "bars");
        var (data, source) = history.GetBars(spec, tf, start, end, count);
        if (data.Length < 2)
        {
            throw new ToolErrorException(new ToolError(ToolErrorCodes.NoData,
                $"There are {data.Length} {tf} bars of {spec.Name} in the range; an optimisation needs at least 2.", Retryable: false));
        }

        return new Setup(reference, spec.Name, tf, source, data, space, evaluator, options, factory, compat);
    }

    private static ParameterSpace Space(ResolvedStrategy strategy, Dictionary<string, JsonElement>? given)
    {
        var overrides = new List<string>();
        foreach (var (name, value) in given ?? [])
        {
            var text = value.ValueKind switch
            {
                JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
                JsonValueKind.String => value.GetString()!,
                _ => throw ToolErrorException.InvalidArgument("parameters", $"Parameter '{UntrustedText.Clean(name, 32)}' must be a number or a \"start:stop:step\" string."),
            };
            overrides.Add(name + "=" + text);
        }

        try
        {
            var space = ParameterSpace.Create([.. strategy.Parameters.Select(p => new ParameterLimits(p.Name, p.Default, p.Min, p.Max, p.Step))], overrides);
            return space.Ranges.Count > 0 ? space : throw ToolErrorException.InvalidArgument("parameters", strategy.Document is null
                ? $"Strategy {strategy.Name} is a C# strategy, which declares no ranges: give them in parameters, e.g. {{\"fast\": \"5:50:5\"}}."
                : $"Strategy {strategy.Name} declares no parameters to optimise.");
        }
        catch (ArgumentException error)
        {
            throw ToolErrorException.InvalidArgument("parameters", UntrustedText.Clean(error.Message, 300));
        }
    }

    private static void Bind(Action bind, string argument)
    {
        try
        {
            bind();
        }
        catch (Exception error) when (error is FormatException or ArgumentException)
        {
            throw ToolErrorException.InvalidArgument(argument, UntrustedText.Clean(error.Message, 600));
        }
    }

    /// <summary>Refuses work above <see cref="MaxWork"/> bar-passes before anything runs.</summary>
    private static void CheckWork(long passes, long barsPerPass, string argument)
    {
        if (passes * (double)barsPerPass > MaxWork)
        {
            throw ToolErrorException.InvalidArgument(argument == "windows" ? "windows" : "parameters", string.Create(CultureInfo.InvariantCulture,
                $"This asks for up to {passes} passes over {barsPerPass} bars ({passes * (double)barsPerPass:0.#e0} bar-passes), more than {MaxWork:0.#e0}: narrow the ranges, use fewer {argument} or a smaller max_passes."));
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the thread pool and forwards its progress as MCP notifications, awaited and in
    /// increasing order, so every notification is on the wire before the result.
    /// </summary>
    private static async Task<T> WithProgressAsync<T>(
        RequestContext<CallToolRequestParams> context, long total, Func<IProgress<OptimizationProgress>, T> work, CancellationToken cancellationToken)
    {
        // The workers only ever need the latest count: older ones are dropped rather than queued.
        var channel = Channel.CreateBounded<int>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var progress = new ChannelProgress(channel.Writer);
        var running = Task.Run(() =>
        {
            try
            {
                return work(progress);
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        }, cancellationToken);
        if (context.Params?.ProgressToken is { } token)
        {
            var sent = 0;
            async ValueTask Send(int completed)
            {
                sent = completed;
                await context.Server.NotifyProgressAsync(token, new ProgressNotificationValue
                {
                    Progress = completed,
                    Total = total,
                    Message = string.Create(CultureInfo.InvariantCulture, $"{completed} of {total} passes"),
                }, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            await foreach (var completed in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (completed > sent)
                {
                    await Send(completed).ConfigureAwait(false);
                }
            }

            // Racing workers may leave an older count last in the channel: the final count is always sent.
            if (progress.Max > sent)
            {
                await Send(progress.Max).ConfigureAwait(false);
            }
        }

        try
        {
            return await running.ConfigureAwait(false);
        }
        catch (ArgumentException error)
        {
            // A pass the strategy refused (the message names the parameter set).
            throw ToolErrorException.InvalidArgument("parameters", UntrustedText.Clean(error.Message, 600));
        }
    }

    /// <summary>
    /// The Monte Carlo bands of <paramref name="best"/>, as <c>mtmcp optimize --monte-carlo</c> prints them: its closed trades
    /// on <paramref name="bars"/> (the bars it was chosen on) resampled from the starting cash; null when it closed none.
    /// </summary>
    private static MonteCarloView? MonteCarloBands(Setup setup, Bar[] bars, OptimizationPass best, int simulations, int seed)
    {
        var run = CompatBacktest.Run(bars, setup.Factory(), setup.Space.Parameters([.. best.Values]), setup.Compat);
        if (run.Trades.Count == 0)
        {
            return null;
        }

        var profits = new double[run.Trades.Count];
        for (var i = 0; i < profits.Length; i++)
        {
            profits[i] = run.Trades[i].Profit;
        }

        var result = MonteCarlo.Run(profits, setup.Compat.Cash, new MonteCarloOptions { Simulations = simulations, Seed = seed });
        return new MonteCarloView(result.Simulations, result.Trades, seed,
            [.. result.Bands.Select(b => new MonteCarloBandView(b.Percentile, Finite(b.ReturnPct), Finite(b.MaxDrawdownPct)))]);
    }

    private static Dictionary<string, double> Values(ParameterSpace space, OptimizationPass pass)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < pass.Values.Count; i++)
        {
            values[space.Ranges[i].Name] = pass.Values[i];
        }

        return values;
    }

    private static List<ParameterRangeView> Ranges(ParameterSpace space) => [.. space.Ranges.Select(r => new ParameterRangeView(r.Name, r.Start, r.Stop, r.Step, r.Count))];

    private static Dictionary<string, JsonElement> Statistics(PassStatistics statistics)
    {
        var map = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        for (var i = 0; i < statistics.Names.Count; i++)
        {
            var (key, value) = (statistics.Names.All[i], statistics.Values[i]);
            map[key] = key is "start" or "end" ? StrategyTools.Element(Args.FormatSeconds((long)value)) : StrategyTools.Element(value);
        }

        return map;
    }

    private static string Name(OptimizationMethod method) => method == OptimizationMethod.Genetic ? "genetic" : "grid";

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private sealed record Setup(
        string Reference, string Symbol, Timeframe Timeframe, HistorySource Source, Bar[] Bars, ParameterSpace Space, CompatPassEvaluator Evaluator, OptimizationOptions Options,
        Func<IStrategy> Factory, CompatOptions Compat);

    /// <summary>Passes the highest count seen to the channel (reports from several workers may arrive out of order).</summary>
    private sealed class ChannelProgress(ChannelWriter<int> writer) : IProgress<OptimizationProgress>
    {
        private int _max;

        public int Max => Volatile.Read(ref _max);

        public void Report(OptimizationProgress value)
        {
            int seen;
            while ((seen = Volatile.Read(ref _max)) < value.Completed && Interlocked.CompareExchange(ref _max, value.Completed, seen) != seen)
            {
            }

            writer.TryWrite(Max);
        }
    }
}
