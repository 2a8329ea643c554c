using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Server.Market;
using MtMcp.Storage;

namespace MtMcp.Server.Tools;

/// <summary>
/// The <c>reports</c> toolset over the paper journal's tamper-evident audit chain (docs/audit.md): reading it, verifying it
/// (with the key of <c>MTMCP_AUDIT_KEY</c> when set, so checkpoint signatures are checked too), and the compliance report.
/// </summary>
[McpServerToolType]
internal sealed class ReportTools(PaperVenue venue, ToolRunner runner)
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    [McpServerTool(Name = "performance_report", Title = "Performance report", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Performance statistics and charts of a backtest or an account over a period. Not available yet: arrives with issue 8.")]
    public CallToolResult PerformanceReport() => runner.NotAvailable("performance_report", 8);

    [McpServerTool(Name = "compliance_report", Title = "Compliance report", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ComplianceAnswer))]
    [Description("Compliance report for a period: every transaction with its RTS 22 fields (instrument, side, quantity, price, time, venue, "
        + "decision maker), rejections by risk check or venue return code, kill-switch events, and the audit chain's verification. "
        + "format json (default) puts the report in 'report'; format csv returns the CSV document as the text content.")]
    public ValueTask<CallToolResult> ComplianceReport(
        [Description("Start of the period, ISO-8601 UTC (inclusive), e.g. 2026-03-01.")] string from,
        [Description("End of the period, ISO-8601 UTC (exclusive); default: now.")] string? to = null,
        [Description("One account; default: every account.")] string? account = null,
        [Description("json (default) or csv.")] string? format = null,
        CancellationToken cancellationToken = default) =>
        runner.RunWithTextAsync("compliance_report", async () =>
        {
            var kind = (format ?? "json").Trim().ToLowerInvariant();
            if (kind is not ("json" or "csv"))
            {
                throw ToolErrorException.InvalidArgument("format", "format must be json or csv.");
            }

            var start = Args.Time(from, "from")!.Value;
            var service = await venue.GetAsync(cancellationToken).ConfigureAwait(false);
            var end = Args.Time(to, "to") ?? DateTimeOffset.FromUnixTimeMilliseconds(service.Read(service.Accounts[0], a => a.TimeMs) + 1);
            if (end <= start)
            {
                throw ToolErrorException.InvalidArgument("to", "to must be after from.");
            }

            var report = ComplianceReports.Build(venue.JournalPath, start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds(), Clean(account), Key());
            var details = kind == "json" ? Details(report) : null;

            var answer = new ComplianceAnswer(kind, Args.Format(start), Args.Format(end), Clean(account), report.Transactions.Count,
                report.Rejections.Sum(r => r.Count), report.KillSwitchEvents.Count, report.Verification.IsIntact, details);
            return (answer, kind == "csv" ? ComplianceReportWriter.ToCsv(report) : null);
        }, ServerJsonContext.Default.ComplianceAnswer);

    [McpServerTool(Name = "get_audit_log", Title = "Audit log", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(AuditLogPage))]
    [Description("Records of the tamper-evident audit trail in sequence order: order intents, risk decisions (with the deciding check), results, "
        + "deals, kill-switch and configuration changes. Filters combine; page with after_sequence = next_after_sequence. "
        + "The log reports what is stored: run verify_audit_log to know whether to trust it.")]
    public ValueTask<CallToolResult> GetAuditLog(
        [Description("Only this account's records.")] string? account = null,
        [Description("Only this actor's records (API key name, OAuth subject, strategy id, local, venue).")] string? actor = null,
        [Description("Only this kind: order_intent, risk_decision, trade_result, deal, order_final, balance, close_all, cancel_all, account, kill_switch, config_change.")] string? kind = null,
        [Description("Only the records of this client order id.")] string? client_order_id = null,
        [Description("Event time from, ISO-8601 UTC (inclusive).")] string? from = null,
        [Description("Event time to, ISO-8601 UTC (exclusive).")] string? to = null,
        [Description("Return records after this sequence number (paging); default 0.")] long? after_sequence = null,
        [Description("Most records to return, 1 to 1000, default 100.")] int? limit = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("get_audit_log", async () =>
        {
            var start = Args.Time(from, "from");
            var end = Args.Time(to, "to");
            Args.Ordered(start, end);
            var count = Args.Count(limit, DefaultLimit, 1, MaxLimit, "limit");
            if (after_sequence < 0)
            {
                throw ToolErrorException.InvalidArgument("after_sequence", "after_sequence must be zero or positive.");
            }

            await venue.GetAsync(cancellationToken).ConfigureAwait(false);
            using var log = AuditLog.Open(venue.JournalPath);
            var entries = log.Read(new AuditQuery
            {
                Account = Clean(account), Actor = Clean(actor), Kind = Clean(kind), ClientOrderId = Clean(client_order_id),
                FromMs = start?.ToUnixTimeMilliseconds(), ToMs = end?.ToUnixTimeMilliseconds(), AfterSequence = after_sequence ?? 0, Limit = count,
            });
            var views = entries.Select(View).ToList();
            return new AuditLogPage(views.Count, views, views.Count == count ? views[^1].Sequence : null);
        }, ServerJsonContext.Default.AuditLogPage);

    [McpServerTool(Name = "verify_audit_log", Title = "Verify the audit log", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(AuditVerificationView))]
    [Description("Recomputes the audit trail's hash chain and checkpoints and names the first bad record (edited, missing, inserted, reordered, "
        + "truncated), if any. Checkpoint signatures are checked when the server has the audit key.")]
    public ValueTask<CallToolResult> VerifyAuditLog(CancellationToken cancellationToken = default) =>
        runner.RunAsync("verify_audit_log", async () =>
        {
            await venue.GetAsync(cancellationToken).ConfigureAwait(false);
            return Verification(AuditVerifier.Verify(venue.JournalPath, Key(), venue.AuditAnchorPath));
        }, ServerJsonContext.Default.AuditVerificationView);

    private static AuditVerificationView Verification(AuditVerification v)
    {
        var issues = v.Issues.Select(i => new AuditIssueView(i.Sequence, TradingMap.Name(i.Kind), i.Message)).ToList();
        return new AuditVerificationView(v.IsIntact, v.Records, v.LastSequence, v.LastHash, v.Checkpoints, v.LastCheckpoint, v.SignaturesChecked,
            v.UnsealedRecords, issues.Count > 0 ? issues[0] : null, issues, v.Warnings);
    }

    private static ComplianceDetails Details(Storage.ComplianceReport report) => new(
        [.. report.Transactions.Select(t => new TransactionView(t.Reference, Args.FormatMilliseconds(t.TimeMs), t.Account, t.Instrument, t.Side, t.Quantity,
            t.Price, t.Venue, t.DecisionMaker, t.ExecutedBy, t.Channel, t.ClientOrderId, t.Order, t.Deal, t.Entry, t.Sequence))],
        [.. report.Rejections.Select(r => new RejectionView(r.Source, r.Reason, r.Count, r.FirstSequence))],
        [.. report.KillSwitchEvents.Select(View)],
        Verification(report.Verification));

    private static AuditEntryView View(AuditEntry e)
    {
        var r = e.Record;
        using var payload = JsonDocument.Parse(r.Payload);
        return new AuditEntryView(e.Sequence, DateTimeOffset.FromUnixTimeMilliseconds(e.RecordedUs / 1000).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            Args.FormatMilliseconds(r.TimeMs), r.Kind, r.Account, r.Actor, r.Channel, r.ClientOrderId, payload.RootElement.Clone(), e.Hash);
    }

    // The key the journal signs checkpoints with (docs/audit.md); null: the chain is still verified, signatures are not.
    private static byte[]? Key() => AuditOptions.ReadKey(AuditOptions.KeyVariable);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
