using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MtMcp.Backtesting;
using MtMcp.Domain;

namespace MtMcp.Cli.Commands;

/// <summary><c>mtmcp walk-forward</c>: optimise on rolling or anchored in-sample windows and test each best set on the bars after it.</summary>
internal static class WalkForwardCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var inputs = new BacktestInputs();
        var search = new OptimizationInputs();
        var inSample = new Option<int?>("--in-sample") { Description = "Bars in each in-sample (optimisation) part; give with --out-of-sample." };
        var outOfSample = new Option<int?>("--out-of-sample") { Description = "Bars in each out-of-sample (test) part; give with --in-sample." };
        var windows = new Option<int?>("--windows") { Description = "Number of windows instead of the lengths (in-sample = 3 × out-of-sample); default 5." };
        var anchored = new Option<bool>("--anchored") { Description = "Every in-sample part starts at the first bar (growing) instead of rolling forward." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (snake_case keys; docs/backtesting.md)." };
        var command = new Command("walk-forward", "Walk-forward analysis: optimise each in-sample window, run the best set on the out-of-sample bars that follow, stitch the results.");
        inputs.AddTo(command);
        search.AddTo(command);
        command.Options.Add(inSample);
        command.Options.Add(outOfSample);
        command.Options.Add(windows);
        command.Options.Add(anchored);
        command.Options.Add(json);

        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            var reference = inputs.StrategyReference(result);
            var (declared, factory) = BacktestInputs.Strategy(reference);
            var space = search.Space(result, declared);
            var optimisation = search.Options(result);
            var (bars, tf) = inputs.LoadBars(result, globals);
            var lengths = (result.GetValue(inSample), result.GetValue(outOfSample), result.GetValue(windows));
            var options = lengths switch
            {
                ({ } i, { } o, null) => new WalkForwardOptions { InSampleBars = i, OutOfSampleBars = o },
                (null, null, var k) => new WalkForwardOptions { Windows = k ?? 5 },
                _ => throw new UserErrorException("Give --in-sample and --out-of-sample together, or --windows, not both."),
            };
            options = options with { Anchored = result.GetValue(anchored), Optimization = optimisation };
            var evaluator = OptimizeCommand.Evaluator(factory, inputs.CompatOptions(result));
            var run = await OptimizationInputs.RunAsync(result, "walk-forward", Math.Min(space.Count, optimisation.MaxPasses) * Math.Max(1, options.Windows), progress =>
                WalkForward.Run(bars, space, evaluator, options, progress, cancellationToken)).ConfigureAwait(false);

            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                await OptimizationWriter.WriteJsonAsync(output, w => Json(w, reference, tf, bars, space, optimisation, options.Anchored, run), cancellationToken).ConfigureAwait(false);
                return 0;
            }

            await output.WriteAsync(Text(reference, tf, bars, space, optimisation, options.Anchored, run).AsMemory(), cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static string Text(string reference, Timeframe tf, Bar[] bars, ParameterSpace space, OptimizationOptions options, bool anchored, WalkForwardResult run)
    {
        var text = new StringBuilder();
        OptimizeCommand.Header(text, reference, tf, bars, space, options, "on each in-sample part");
        text.AppendLine(CultureInfo.InvariantCulture, $"windows     {run.Windows.Count} {(anchored ? "anchored" : "rolling")}");
        text.AppendLine();
        List<string[]> rows = [["window", "in-sample", "out-of-sample", "best", "is_return_pct", "oos_return_pct", "oos_trades", "oos_max_dd_pct", "efficiency"]];
        foreach (var w in run.Windows)
        {
            rows.Add(
            [
                (w.Window.Index + 1).ToString(CultureInfo.InvariantCulture),
                $"{Day(bars[w.Window.InSampleStart].Time)}..{Day(bars[w.Window.OutOfSampleStart - 1].Time)}",
                $"{Day(bars[w.Window.OutOfSampleStart].Time)}..{Day(bars[w.Window.End - 1].Time)}",
                space.Describe([.. w.Best.Values]) + (w.Best.Feasible ? string.Empty : " (x)"),
                OptimizationWriter.Number(w.Best.Statistics.ReturnPct),
                OptimizationWriter.Number(w.OutOfSample.ReturnPct),
                w.OutOfSample.Trades.ToString(CultureInfo.InvariantCulture),
                OptimizationWriter.Number(w.OutOfSample["max_drawdown_pct"]),
                OptimizationWriter.Number(w.Efficiency),
            ]);
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c is 0 or 4 or 5 or 6 or 7 or 8 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"out-of-sample return (compounded)  {OptimizationWriter.Number(run.OutOfSampleReturnPct)} %");
        text.AppendLine(CultureInfo.InvariantCulture, $"out-of-sample net profit (sum)     {OptimizationWriter.Number(run.OutOfSampleNetProfit)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"out-of-sample trades               {run.OutOfSampleTrades}");
        text.AppendLine(CultureInfo.InvariantCulture, $"walk-forward efficiency            {OptimizationWriter.Number(run.Efficiency)}");
        return text.ToString();
    }

    private static void Json(Utf8JsonWriter json, string reference, Timeframe tf, Bar[] bars, ParameterSpace space, OptimizationOptions options, bool anchored, WalkForwardResult run)
    {
        json.WriteString("strategy", reference);
        json.WriteString("timeframe", tf.ToString());
        json.WriteNumber("bars", bars.Length);
        json.WriteString("method", options.Method.ToString().ToLowerInvariant());
        OptimizationWriter.Criterion(json, options.Criterion);
        OptimizationWriter.Space(json, space);
        json.WriteBoolean("anchored", anchored);
        json.WriteStartArray("windows");
        foreach (var w in run.Windows)
        {
            json.WriteStartObject();
            json.WriteNumber("window", w.Window.Index + 1);
            json.WriteString("in_sample_start", OptimizationWriter.Iso(bars[w.Window.InSampleStart].Time));
            json.WriteString("in_sample_end", OptimizationWriter.Iso(bars[w.Window.OutOfSampleStart - 1].Time));
            json.WriteNumber("in_sample_bars", w.Window.InSampleCount);
            json.WriteString("out_of_sample_start", OptimizationWriter.Iso(bars[w.Window.OutOfSampleStart].Time));
            json.WriteString("out_of_sample_end", OptimizationWriter.Iso(bars[w.Window.End - 1].Time));
            json.WriteNumber("out_of_sample_bars", w.Window.OutOfSampleCount);
            OptimizationWriter.Parameters(json, space, w.Best.Values);
            json.WriteBoolean("feasible", w.Best.Feasible);
            OptimizationWriter.Number(json, "in_sample_score", w.Best.Score);
            OptimizationWriter.Number(json, "efficiency", w.Efficiency);
            OptimizationWriter.Statistics(json, "in_sample", w.Best.Statistics);
            OptimizationWriter.Statistics(json, "out_of_sample", w.OutOfSample);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        OptimizationWriter.Number(json, "out_of_sample_return_pct", run.OutOfSampleReturnPct);
        OptimizationWriter.Number(json, "out_of_sample_net_profit", run.OutOfSampleNetProfit);
        json.WriteNumber("out_of_sample_trades", run.OutOfSampleTrades);
        OptimizationWriter.Number(json, "efficiency", run.Efficiency);
    }

    private static string Day(long seconds) => OptimizationWriter.Iso(seconds)[..10];
}
