using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Server.Market;
using MtMcp.Storage;

namespace MtMcp.Server.Tools;

/// <summary>
/// The <c>reports</c> toolset over the paper journal's tamper-evident audit chain (docs/audit.md): reading it, verifying it
/// (with the key of <c>MTMCP_AUDIT_KEY</c> when set, so checkpoint signatures are checked too), the compliance report,
/// and performance reports of accounts and backtests (<see cref="PerformanceReporter"/>, docs/reports.md).
/// </summary>
[McpServerToolType]
internal sealed class ReportTools(PaperVenue venue, ToolRunner runner, ServerSettings settings, MarketHistory history, TimeProvider time)
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    [McpServerTool(Name = "performance_report", Title = "Performance report", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(PerformanceReportAnswer))]
    [Description("Performance report of a paper account over a period (give account, or nothing for the default account) or of a backtest "
        + "(give strategy or document and run_backtest's arguments). Writes an offline HTML page with charts (equity and balance, drawdown, "
        + "monthly returns heat map, trade return histogram, trades on price) and the full JSON under the data directory, and returns their "
        + "paths with the figures: summary, monthly and yearly returns, trade histogram (the per-point series are in the JSON file). "
        + "An account's curve is rebuilt from its deals (equity = balance after each deal); deposits and withdrawals are not returns.")]
    public ValueTask<CallToolResult> PerformanceReport(
        [Description("Paper account for an account report; default: the first account. Not with strategy/document.")] string? account = null,
        [Description("Account: start of the period (default: the first deal). Backtest: first bar time. ISO-8601 UTC.")] string? from = null,
        [Description("Account: end of the period, exclusive (default: now). Backtest: last bar time. ISO-8601 UTC.")] string? to = null,
        [Description("Backtest: builtin:NAME (see list_strategies).")] string? strategy = null,
        [Description("Backtest: an inline strategy document (JSON text) instead of strategy.")] string? document = null,
        [Description("Backtest: symbol; default: the strategy's first symbol.")] string? symbol = null,
        [Description("Backtest: bar timeframe (M1 … MN1); default: the strategy's timeframe, else H1.")] string? timeframe = null,
        [Description("Backtest: most recent bars of the range, 2 to 100000, default 1000.")] int? bars = null,
        [Description("Backtest: strategy parameter values by name, e.g. {\"fast\": 10, \"slow\": 30}.")] Dictionary<string, double>? parameters = null,
        [Description("Backtest: compat (backtesting.py semantics, default) or native (MT5 engine).")] string? mode = null,
        [Description("Backtest, native only: open_prices (default) or m1_ohlc.")] string? model = null,
        [Description("Backtest: starting cash (compat) or deposit in USD (native), default 10000.")] double? cash = null,
        [Description("Backtest, compat only: relative commission per fill.")] double? commission = null,
        [Description("Backtest, compat only: relative spread on entry prices.")] double? spread = null,
        [Description("Backtest, compat only: margin ratio (1 / leverage) in (0, 1].")] double? margin = null,
        [Description("Backtest, compat only: close open trades at the end (default true).")] bool? finalize = null,
        [Description("Backtest, native only: account leverage 1:N, default 100.")] int? leverage = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("performance_report", async () =>
        {
            var reporter = new PerformanceReporter(settings, history, venue, runner, time);
            if (strategy is null && document is null)
            {
                return await reporter.AccountAsync(account, from, to, cancellationToken).ConfigureAwait(false);
            }

            if (account is not null)
            {
                throw ToolErrorException.InvalidArgument("account", "Give account for an account report, or strategy/document for a backtest report, not both.");
            }

            var request = new StrategyTools(settings, history, runner).Request(strategy, document, symbol, timeframe, from, to, bars, parameters, mode);
            return reporter.Backtest(request, model, cash, commission, spread, margin, finalize, leverage);
        }, ServerJsonContext.Default.PerformanceReportAnswer);

    [McpServerTool(Name = "compliance_report", Title = "Compliance report", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ComplianceAnswer))]
    [Description("Compliance report for a period: every transaction with its RTS 22 fields (instrument, side, quantity, price, time, venue, "
        + "decision maker), rejections by risk check or venue return code, other limit events by reason (loss-limit warnings at 80 % and "
        + "breaches, flattening, repeated-execution breaker trips, kill switch), leverage used per asset class (peak and end exposure / equity) "
        + "against the configured caps, and the audit chain's verification. format json (default) puts the report in 'report'; format csv or "
        + "html returns the CSV document or a self-contained HTML page as the text content.")]
    public ValueTask<CallToolResult> ComplianceReport(
        [Description("Start of the period, ISO-8601 UTC (inclusive), e.g. 2026-03-01.")] string from,
        [Description("End of the period, ISO-8601 UTC (exclusive); default: now.")] string? to = null,
        [Description("One account; default: every account.")] string? account = null,
        [Description("json (default), csv or html.")] string? format = null,
        CancellationToken cancellationToken = default) =>
        runner.RunWithTextAsync("compliance_report", async () =>
        {
            var kind = (format ?? "json").Trim().ToLowerInvariant();
            if (kind is not ("json" or "csv" or "html"))
            {
                throw ToolErrorException.InvalidArgument("format", "format must be json, csv or html.");
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
                report.Rejections.Sum(r => r.Count), report.LimitEvents.Count, report.Leverage.Count(l => l.OverCap), report.KillSwitchEvents.Count,
                report.Verification.IsIntact, details);
            return (answer, kind switch { "csv" => ComplianceReportWriter.ToCsv(report), "html" => ComplianceReportWriter.ToHtml(report), _ => null });
        }, ServerJsonContext.Default.ComplianceAnswer);

    [McpServerTool(Name = "get_audit_log", Title = "Audit log", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(AuditLogPage))]
    [Description("Records of the tamper-evident audit trail in sequence order: order intents, risk decisions (with the deciding check), results, "
        + "deals, kill-switch and configuration changes. Filters combine; page with after_sequence = next_after_sequence. "
        + "The log reports what is stored: run verify_audit_log to know whether to trust it.")]
    public ValueTask<CallToolResult> GetAuditLog(
        [Description("Only this account's records.")] string? account = null,
        [Description("Only this actor's records (API key name, OAuth subject, strategy id, local, venue).")] string? actor = null,
        [Description("Only this kind: order_intent, risk_decision, gateway_request, trade_result, deal, order_final, balance, close_all, cancel_all, account, kill_switch, config_change.")] string? kind = null,
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
        [.. report.LimitEventCounts.Select(c => new LimitEventCountView(c.Reason, c.Level, c.Count, c.FirstSequence))],
        [.. report.LimitEvents.Select(e => new LimitEventView(e.Sequence, Args.FormatMilliseconds(e.TimeMs), e.Account, e.Reason, e.Level, Finite(e.Value),
            Finite(e.Limit), e.Flatten, e.Actor, e.Message))],
        [.. report.Leverage.Select(l => new LeverageUseView(l.Account, l.AssetClass, l.Cap, Finite(l.PeakRatio), Args.FormatMilliseconds(l.PeakTimeMs),
            Finite(l.EndRatio), l.OverCap))],
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

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
