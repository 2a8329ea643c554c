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

/// <summary>The whole compliance report: transactions with their RTS 22 fields, rejections by reason, kill-switch events, the chain's verification.</summary>
internal sealed record ComplianceDetails(
    IReadOnlyList<TransactionView> Transactions, IReadOnlyList<RejectionView> Rejections, IReadOnlyList<AuditEntryView> KillSwitchEvents,
    AuditVerificationView Verification);

/// <summary>One executed transaction (RTS 22 inputs; venue XOFF).</summary>
internal sealed record TransactionView(
    string Reference, string Time, string Account, string Instrument, string Side, decimal Quantity, double Price, string Venue, string DecisionMaker,
    string ExecutedBy, string Channel, string? ClientOrderId, ulong Order, ulong Deal, string Entry, long Sequence);

/// <summary>Refusals for one reason: source risk_gate (a check code) or venue (a return code).</summary>
internal sealed record RejectionView(string Source, string Reason, int Count, long FirstSequence);

/// <summary>The answer of <c>compliance_report</c>: a summary, and the whole report (format json) or null with the CSV as text content (format csv).</summary>
internal sealed record ComplianceAnswer(
    string Format, string From, string To, string? Account, int Transactions, int Rejections, int KillSwitchEvents, bool AuditIntact, ComplianceDetails? Report);
