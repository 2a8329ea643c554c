using System.Text.Json;

namespace MtMcp.Server.Tools;

// The JSON shapes of the report tools (snake_case on the wire).

/// <summary>One record of the audit chain; <c>payload</c> is the record's canonical JSON, returned as data.</summary>
internal sealed record AuditEntryView(
    long Sequence, string Recorded, string Time, string Kind, string Account, string Actor, string Channel, string? ClientOrderId, JsonElement Payload, string Hash);

/// <summary>The answer of <c>get_audit_log</c>: one page in sequence order.</summary>
internal sealed record AuditLogPage(int Count, IReadOnlyList<AuditEntryView> Entries, long? NextAfterSequence);

/// <summary>A problem the verifier found.</summary>
internal sealed record AuditIssueView(long Sequence, string Kind, string Message);

/// <summary>The answer of <c>verify_audit_log</c>.</summary>
internal sealed record AuditVerificationView(
    bool Intact, long Records, long LastSequence, string? LastHash, int Checkpoints, long? LastCheckpoint, bool SignaturesChecked, long UnsealedRecords,
    AuditIssueView? FirstIssue, IReadOnlyList<AuditIssueView> Issues, IReadOnlyList<string> Warnings);

/// <summary>
/// The whole compliance report: transactions with their RTS 22 fields, rejections by reason, other limit events by reason and
/// in order, leverage per asset class against the caps, kill-switch events, the chain's verification.
/// </summary>
internal sealed record ComplianceDetails(
    IReadOnlyList<TransactionView> Transactions, IReadOnlyList<RejectionView> Rejections, IReadOnlyList<LimitEventCountView> LimitEventsByReason,
    IReadOnlyList<LimitEventView> LimitEvents, IReadOnlyList<LeverageUseView> Leverage, IReadOnlyList<AuditEntryView> KillSwitchEvents,
    AuditVerificationView Verification);

/// <summary>Limit events of one reason (max_drawdown, daily_loss_limit, repeated_execution, kill_switch) and level (warning, breach, engage, release).</summary>
internal sealed record LimitEventCountView(string Reason, string Level, int Count, long FirstSequence);

/// <summary>One limit event other than a refusal; value and limit are null for the kill switch.</summary>
internal sealed record LimitEventView(
    long Sequence, string Time, string Account, string Reason, string Level, double? Value, double? Limit, bool Flatten, string Actor, string Message);

/// <summary>Leverage used in one asset class: exposure / equity at its peak and at the end of the period, against the cap (0 = none).</summary>
internal sealed record LeverageUseView(string Account, string AssetClass, int Cap, double? PeakRatio, string PeakTime, double? EndRatio, bool OverCap);

/// <summary>One executed transaction (RTS 22 inputs; venue XOFF).</summary>
internal sealed record TransactionView(
    string Reference, string Time, string Account, string Instrument, string Side, decimal Quantity, double Price, string Venue, string DecisionMaker,
    string ExecutedBy, string Channel, string? ClientOrderId, ulong Order, ulong Deal, string Entry, long Sequence);

/// <summary>Refusals for one reason: source risk_gate (a check code) or venue (a return code).</summary>
internal sealed record RejectionView(string Source, string Reason, int Count, long FirstSequence);

/// <summary>
/// The answer of <c>compliance_report</c>: a summary, and the whole report (format json) or null with the CSV or HTML document
/// as text content (format csv, html).
/// </summary>
internal sealed record ComplianceAnswer(
    string Format, string From, string To, string? Account, int Transactions, int Rejections, int LimitEvents, int LeverageOverCap, int KillSwitchEvents,
    bool AuditIntact, ComplianceDetails? Report);
