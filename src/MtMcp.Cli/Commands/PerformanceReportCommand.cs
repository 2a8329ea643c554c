using System.CommandLine;
using System.Text;
using MtMcp.Reports;
using MtMcp.Storage;

namespace MtMcp.Cli.Commands;

/// <summary><c>mtmcp report performance</c>: the performance report of a paper account over a period, from its journaled deals.</summary>
internal static class PerformanceReportCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var account = new Option<string>("--account") { Description = "The paper account.", Required = true };
        var from = new Option<string?>("--from") { Description = "Start of the period, UTC: 2025-01-02 or 2025-01-02T12:00:00Z (default: the account's first deal)." };
        var to = new Option<string?>("--to") { Description = "End of the period, UTC (a date alone includes that whole day; default: after the last deal)." };
        var output = new Option<string>("--out", "-o") { Description = "The HTML file to write; the JSON figures go beside it (same name, .json).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the JSON figures (without the per-deal series) instead of a summary." };
        var command = new Command(
            "performance",
            "Performance report of a paper account: an offline HTML page with charts (equity and balance, drawdown, monthly returns, "
            + "trade returns, trades on price) and the same figures as JSON. The curve is rebuilt from the deals (docs/reports.md).")
        {
            account, from, to, output, json,
        };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            var name = result.GetValue(account)!;
            var path = AuditCommand.JournalPath(globals, result);
            if (!File.Exists(path))
            {
                throw new UserErrorException($"There is no paper journal at {path}: create an account with 'mtmcp paper create' or give --data-dir.");
            }

            var state = AuditCommand.Storage(() =>
            {
                using var journal = new SqliteTradingJournal(path);
                return journal.Load(name);
            }) ?? throw new UserErrorException($"There is no paper account '{name}' in {path}: 'mtmcp paper list' shows the accounts.");

            var deals = state.Deals;
            var start = AuditCommand.ParseTime(result.GetValue(from), "--from", endOfDay: false) ?? (deals.Count > 0 ? deals[0].TimeMs : state.TimeMs);
            var end = AuditCommand.ParseTime(result.GetValue(to), "--to", endOfDay: true) ?? (deals.Count > 0 ? deals[^1].TimeMs + 1 : state.TimeMs + 1);
            if (end <= start)
            {
                throw new UserErrorException("--to must be after --from.");
            }

            var report = PerformanceReports.FromAccount(name, state.Settings.Info.Currency, deals, start, end);
            var jsonPath = await ReportFiles.WriteAsync(report, result.GetValue(output)!, cancellationToken).ConfigureAwait(false);
            var writer = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                await writer.WriteLineAsync(Encoding.UTF8.GetString(JsonReportWriter.ToUtf8(report, includeSeries: false)).AsMemory(), cancellationToken).ConfigureAwait(false);
                return 0;
            }

            foreach (var figure in report.Summary)
            {
                var value = figure.Text ?? (figure.Number is { } n ? n.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "n/a");
                await writer.WriteLineAsync($"{figure.Key,-30}{value}").ConfigureAwait(false);
            }

            await writer.WriteLineAsync($"{"report",-30}{Path.GetFullPath(result.GetValue(output)!)}").ConfigureAwait(false);
            await writer.WriteLineAsync($"{"figures",-30}{jsonPath}").ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
