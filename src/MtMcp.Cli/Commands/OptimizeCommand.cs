using System.CommandLine;
using System.Globalization;
using System.Text;
using MtMcp.Backtesting;
using MtMcp.Domain;

namespace MtMcp.Cli.Commands;

/// <summary><c>mtmcp optimize</c>: search a strategy's parameters for the best value of a criterion (docs/backtesting.md, Optimisation).</summary>
internal static class OptimizeCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var inputs = new BacktestInputs();
        var search = new OptimizationInputs();
        var top = new Option<int>("--top") { Description = "Rows of the results table to print (best first).", DefaultValueFactory = _ => 10 };
        var forward = new Option<int?>("--forward") { Description = "Forward test: hold out the last 1/N of the bars (N = 2, 3 or 4), optimise on the rest, re-run the --top best passes on it." };
        var monteCarlo = new Option<int?>("--monte-carlo") { Description = "Monte Carlo of the best pass's trades: this many resampled sequences (seeded by --seed), 5/50/95 % bands on return and drawdown." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (snake_case keys; docs/backtesting.md)." };
        var command = new Command("optimize", "Optimise a strategy's parameters (grid or genetic, on all cores) in the backtesting.py-compatible mode and print the results table.");
        inputs.AddTo(command);
        search.AddTo(command);
        command.Options.Add(top);
        command.Options.Add(forward);
        command.Options.Add(monteCarlo);
        command.Options.Add(json);

        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            var reference = inputs.StrategyReference(result);
            var (declared, factory) = BacktestInputs.Strategy(reference);
            var space = search.Space(result, declared);
            var options = search.Options(result);
            var (bars, tf) = inputs.LoadBars(result, globals);
            var compat = inputs.CompatOptions(result);
            var rows = result.GetValue(top);
            if (rows < 1 || result.GetValue(forward) is < 2 or > 4 || result.GetValue(monteCarlo) is < 1 or > 1_000_000)
            {
                throw new UserErrorException("--top must be at least 1, --forward 2, 3 or 4, and --monte-carlo 1 to 1000000.");
            }

            var evaluator = Evaluator(factory, compat);
            var steps = Math.Min(space.Count, options.MaxPasses);
            var (optimised, forwardTest) = await OptimizationInputs.RunAsync(result, "optimizing", steps, progress =>
                result.GetValue(forward) is { } divisor
                    ? (null, ForwardTest.Run(bars, space, evaluator, options, divisor, rows, progress, cancellationToken))
                    : (Optimizer.Run(bars, space, evaluator, options, progress, cancellationToken), (ForwardTestResult?)null)).ConfigureAwait(false);
            optimised ??= forwardTest!.Optimization;
            var carlo = result.GetValue(monteCarlo) is { } simulations && optimised.Best is { } best
                ? MonteCarlo.Run(
                    [.. CompatBacktest.Run(forwardTest is null ? bars : bars[..forwardTest.InSampleBars], factory(), space.Parameters([.. best.Values]), compat).Trades.Select(t => t.Profit)],
                    compat.Cash, new MonteCarloOptions { Simulations = simulations, Seed = search.Seed(result) })
                : null;

            var output = result.InvocationConfiguration.Output;
            var shown = optimised.Passes.Take(rows).ToList();
            if (result.GetValue(json))
            {
                await OptimizationWriter.WriteJsonAsync(output, w => Json(w, reference, tf, bars, optimised, shown, forwardTest, carlo), cancellationToken).ConfigureAwait(false);
                return 0;
            }

            await output.WriteAsync(Text(reference, tf, bars, optimised, shown, forwardTest, carlo).AsMemory(), cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    public static CompatPassEvaluator Evaluator(Func<IStrategy> factory, CompatOptions compat)
    {
        try
        {
            return new CompatPassEvaluator(factory, compat);
        }
        catch (ArgumentException error)
        {
            throw new UserErrorException(error.Message);
        }
    }

    /// <summary>The header lines both commands print: strategy, bars, space, criterion.</summary>
    public static void Header(StringBuilder text, string reference, Timeframe tf, Bar[] bars, ParameterSpace space, OptimizationOptions options, string passes)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"strategy    {reference}");
        text.AppendLine(CultureInfo.InvariantCulture, $"bars        {bars.Length} {tf} bars, {OptimizationWriter.Iso(bars[0].Time)} .. {OptimizationWriter.Iso(bars[^1].Time)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"space       {string.Join(' ', space.Ranges)} ({space.Count} combinations)");
        var direction = options.Criterion.Minimise ? "minimised" : "maximised";
        text.AppendLine(CultureInfo.InvariantCulture, $"criterion   {options.Criterion.Name} = {options.Criterion.Expression} ({direction})");
        text.AppendLine(CultureInfo.InvariantCulture, $"method      {options.Method.ToString().ToLowerInvariant()}, {passes}");
    }

    private static string Text(string reference, Timeframe tf, Bar[] bars, OptimizationResult optimised, List<OptimizationPass> shown, ForwardTestResult? forward, MonteCarloResult? carlo)
    {
        var text = new StringBuilder();
        Header(text, reference, tf, forward is null ? bars : bars[..forward.InSampleBars], optimised.Space,
            new OptimizationOptions { Criterion = optimised.Criterion, Method = optimised.Method }, string.Create(CultureInfo.InvariantCulture, $"{optimised.Passes.Count} passes"));
        text.AppendLine(CultureInfo.InvariantCulture, $"feasible    {optimised.FeasibleCount} of {optimised.Passes.Count} passes meet the constraints (x = excluded)");
        text.AppendLine();
        OptimizationWriter.Table(text, optimised.Space, shown, "score");
        if (forward is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"forward test: the last {forward.ForwardBars} bars from {OptimizationWriter.Iso(bars[forward.InSampleBars].Time)}");
            OptimizationWriter.Table(text, optimised.Space, [.. forward.Rows.Select(r => r.Pass with { Statistics = r.Forward, Score = r.ForwardScore })], "forward");
        }

        if (carlo is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"monte carlo: {carlo.Simulations} resampled sequences of the best pass's {carlo.Trades} trades");
            foreach (var band in carlo.Bands)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {band.Percentile,3} %   return {OptimizationWriter.Number(band.ReturnPct)} %   max drawdown {OptimizationWriter.Number(band.MaxDrawdownPct)} %");
            }
        }

        return text.ToString();
    }

    private static void Json(
        System.Text.Json.Utf8JsonWriter json, string reference, Timeframe tf, Bar[] bars, OptimizationResult optimised, List<OptimizationPass> shown,
        ForwardTestResult? forward, MonteCarloResult? carlo)
    {
        json.WriteString("strategy", reference);
        json.WriteString("timeframe", tf.ToString());
        json.WriteNumber("bars", forward?.InSampleBars ?? bars.Length);
        json.WriteString("start", OptimizationWriter.Iso(bars[0].Time));
        json.WriteString("end", OptimizationWriter.Iso(bars[(forward?.InSampleBars ?? bars.Length) - 1].Time));
        json.WriteString("method", optimised.Method.ToString().ToLowerInvariant());
        OptimizationWriter.Criterion(json, optimised.Criterion);
        OptimizationWriter.Space(json, optimised.Space);
        json.WriteNumber("combinations", optimised.Space.Count);
        json.WriteNumber("passes", optimised.Passes.Count);
        json.WriteNumber("feasible", optimised.FeasibleCount);
        json.WriteNumber("generations", optimised.Generations);
        json.WriteStartArray("results");
        for (var i = 0; i < shown.Count; i++)
        {
            json.WriteStartObject();
            OptimizationWriter.Pass(json, optimised.Space, shown[i], i + 1);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (forward is not null)
        {
            json.WriteStartObject("forward");
            json.WriteNumber("in_sample_bars", forward.InSampleBars);
            json.WriteNumber("forward_bars", forward.ForwardBars);
            json.WriteString("start", OptimizationWriter.Iso(bars[forward.InSampleBars].Time));
            json.WriteStartArray("results");
            for (var i = 0; i < forward.Rows.Count; i++)
            {
                json.WriteStartObject();
                OptimizationWriter.Pass(json, optimised.Space, forward.Rows[i].Pass, i + 1);
                OptimizationWriter.Number(json, "forward_score", forward.Rows[i].ForwardScore);
                OptimizationWriter.Statistics(json, "forward_statistics", forward.Rows[i].Forward);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (carlo is not null)
        {
            json.WriteStartObject("monte_carlo");
            json.WriteNumber("simulations", carlo.Simulations);
            json.WriteNumber("trades", carlo.Trades);
            json.WriteString("method", "resample");
            json.WriteStartArray("bands");
            foreach (var band in carlo.Bands)
            {
                json.WriteStartObject();
                json.WriteNumber("percentile", band.Percentile);
                OptimizationWriter.Number(json, "return_pct", band.ReturnPct);
                OptimizationWriter.Number(json, "max_drawdown_pct", band.MaxDrawdownPct);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }
}
