using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MtMcp.Backtesting;
using MtMcp.Reports;
using MtMcp.Strategies;

namespace MtMcp.Cli.Commands;

/// <summary><c>mtmcp backtest</c>: run a strategy over bars from a file or the store and print its statistics.</summary>
internal static class BacktestCommand
{
    private const string CompatName = "backtesting.py";

    public static Command Create(GlobalOptions globals)
    {
        var strategy = new Option<string>("--strategy", "-s") { Description = "Strategy: a strategy-language FILE or builtin:NAME (sma_cross, ema_cross, rsi_mean_reversion, bollinger_breakout, donchian_turtle, macd_trend, supertrend).", Required = true };
        var data = new Option<string?>("--data") { Description = "Read bars (or ticks, with --timeframe) from this file instead of the store." };
        var symbol = new Option<string?>("--symbol") { Description = "Symbol in the store (or of the --data file)." };
        var timeframe = new Option<string?>("--timeframe", "-t") { Description = "Timeframe of the bars (resampled from the file's when longer)." };
        var from = new Option<string?>("--from") { Description = "First bar time, UTC: 2024-03-01 or 2024-03-01T12:00:00Z." };
        var to = new Option<string?>("--to") { Description = "Last bar time, UTC (a date alone means the end of that day)." };
        var cash = new Option<double>("--cash") { Description = "Starting cash.", DefaultValueFactory = _ => 10_000, CustomParser = InvariantNumbers.Double };
        var commission = new Option<double>("--commission") { Description = "Relative commission per fill, e.g. 0.002.", CustomParser = InvariantNumbers.Double };
        var spread = new Option<double>("--spread") { Description = "Relative spread on entry prices, e.g. 0.0002.", CustomParser = InvariantNumbers.Double };
        var margin = new Option<double>("--margin") { Description = "Margin ratio (1 / leverage), in (0, 1].", DefaultValueFactory = _ => 1, CustomParser = InvariantNumbers.Double };
        var compat = new Option<string>("--compat")
        {
            Description = "Execution and statistics convention; backtesting.py is the one available now.",
            DefaultValueFactory = _ => CompatName,
        };
        compat.AcceptOnlyFromAmong(CompatName);
        var noFinalize = new Option<bool>("--no-finalize") { Description = "Keep trades open at the end (they then count in no trade statistic)." };
        var tradeOnClose = new Option<bool>("--trade-on-close") { Description = "Fill market orders at the close of the signal bar instead of the next open." };
        var parameters = new Option<string[]>("--param", "-p") { Description = "Strategy parameter as name=value (repeatable), e.g. -p fast=10 -p slow=30." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object whose keys are the snake_case statistic names." };
        var report = new Option<string?>("--report") { Description = "Also write the performance report: this HTML file (charts, offline) and the same figures as JSON beside it." };
        var command = new Command("backtest", "Backtest a strategy and print its statistics (backtesting.py's set; docs/backtesting.md).")
        {
            strategy, data, symbol, timeframe, from, to, cash, commission, spread, margin, compat, noFinalize, tradeOnClose, parameters, json, report,
        };

        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            var catalog = globals.LoadCatalog(result);
            var (bars, tf) = IndicatorCommand.LoadBars(result, globals, catalog, result.GetValue(data), result.GetValue(symbol), result.GetValue(timeframe));
            bars = BacktestInputs.Slice(bars, BacktestInputs.ParseTime(result.GetValue(from), "--from", endOfDay: false), BacktestInputs.ParseTime(result.GetValue(to), "--to", endOfDay: true));
            var options = new CompatOptions
            {
                Cash = result.GetValue(cash),
                CommissionRelative = result.GetValue(commission),
                Spread = result.GetValue(spread),
                Margin = result.GetValue(margin),
                FinalizeTrades = !result.GetValue(noFinalize),
                TradeOnClose = result.GetValue(tradeOnClose),
            };

            BacktestResult run;
            try
            {
                run = CompatBacktest.Run(bars, StrategyResolver.Create(result.GetValue(strategy)!), StrategyParameters.Parse(result.GetValue(parameters) ?? []), options);
            }
            catch (ArgumentException exception)
            {
                throw new UserErrorException(exception.Message);
            }

            if (result.GetValue(report) is { } reportPath)
            {
                var name = result.GetValue(symbol) ?? Path.GetFileNameWithoutExtension(result.GetValue(data)) ?? "";
                var subtitle = string.Join(" · ", $"{name} {tf}", $"{Iso(bars[0].Time)} .. {Iso(bars[^1].Time)}", string.Join(' ', result.GetValue(parameters) ?? []));
                var figures = PerformanceReports.FromBacktest(run, bars, name, subtitle.TrimEnd(' ', '·')) with { Title = result.GetValue(strategy)! };
                await ReportFiles.WriteAsync(figures, reportPath, cancellationToken).ConfigureAwait(false);
            }

            var output = result.InvocationConfiguration.Output;
            await (result.GetValue(json) ? WriteJsonAsync(output, run.Statistics, cancellationToken) : WriteTextAsync(output, run)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static async Task WriteJsonAsync(TextWriter output, CompatStatistics statistics, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in statistics.ToPairs())
            {
                if (key is "start" or "end")
                {
                    writer.WriteString(key, Iso((long)value));
                }
                else if (double.IsFinite(value))
                {
                    writer.WriteNumber(key, value);
                }
                else
                {
                    writer.WriteNull(key);
                }
            }

            writer.WriteEndObject();
        }

        await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()).AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteTextAsync(TextWriter output, BacktestResult run)
    {
        await output.WriteLineAsync($"strategy                      {run.Strategy}").ConfigureAwait(false);
        foreach (var (key, value) in run.Statistics.ToPairs())
        {
            var text = key is "start" or "end" ? Iso((long)value)
                : double.IsNaN(value) ? "n/a"
                : value.ToString("0.######", CultureInfo.InvariantCulture);
            await output.WriteLineAsync($"{key,-30}{text}").ConfigureAwait(false);
        }
    }

    private static string Iso(long seconds) =>
        DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
