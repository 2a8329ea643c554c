using System.CommandLine;
using MtMcp.Storage;

namespace MtMcp.Cli.Commands;

/// <summary>
/// <c>mtmcp report compliance</c>: the compliance report of the paper accounts for a period, from the audit log;
/// <c>mtmcp report performance</c> (<see cref="PerformanceReportCommand"/>): an account's performance report.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("report", "Reports built from the journal.");
        command.Subcommands.Add(Compliance(globals));
        command.Subcommands.Add(PerformanceReportCommand.Create(globals));
        return command;
    }

    private static Command Compliance(GlobalOptions globals)
    {
        var account = new Option<string?>("--account") { Description = "Only this account (default: all)." };
        var from = new Option<string>("--from") { Description = "Start of the period, UTC: 2025-01-02 or 2025-01-02T12:00:00Z.", Required = true };
        var to = new Option<string>("--to") { Description = "End of the period, UTC (a date alone includes that whole day).", Required = true };
        var format = new Option<string>("--format") { Description = "csv, json or html (one self-contained page).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json", "html");
        var keyEnv = new Option<string>("--key-env")
        {
            Description = "Environment variable holding the audit key, to check the checkpoints' signatures.",
            DefaultValueFactory = _ => AuditOptions.KeyVariable,
        };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command(
            "compliance",
            "Transactions with their RTS 22 inputs (instrument, side, quantity, price, time, venue, decision maker, executor), "
            + "refusals by reason, other limit events by reason (loss-limit warnings and breaches, flattening, breaker trips, kill switch), "
            + "leverage used per asset class against the caps, and the audit chain's verification.")
        {
            account, from, to, format, keyEnv, output,
        };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            var start = AuditCommand.ParseTime(result.GetValue(from), "--from", endOfDay: false)!.Value;
            var end = AuditCommand.ParseTime(result.GetValue(to), "--to", endOfDay: true)!.Value;
            if (end <= start)
            {
                throw new UserErrorException("--to must be after --from.");
            }

            var key = AuditCommand.ReadKey(result.GetValue(keyEnv)!);
            var path = AuditCommand.JournalPath(globals, result);
            var report = AuditCommand.Storage(() => ComplianceReports.Build(path, start, end, result.GetValue(account), key));
            var text = result.GetValue(format) switch
            {
                "json" => ComplianceReportWriter.ToJson(report),
                "html" => ComplianceReportWriter.ToHtml(report),
                _ => ComplianceReportWriter.ToCsv(report),
            };
            if (result.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, text, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await result.InvocationConfiguration.Output.WriteAsync(text).ConfigureAwait(false);
            }

            return report.Verification.IsIntact ? 0 : AuditCommand.Tampered;
        });
        return command;
    }
}
