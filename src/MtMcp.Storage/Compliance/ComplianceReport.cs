namespace MtMcp.Storage;

/// <summary>
/// A compliance report for a period and an account (or all): the executed transactions with the RTS 22 inputs that apply
/// to a retail CFD/FX account, refusals by reason, kill-switch events and the audit chain's verification, all taken
/// from the audit log.
/// </summary>
public sealed record ComplianceReport
{
    /// <summary>Start of the period, Unix ms UTC (inclusive).</summary>
    public required long FromMs { get; init; }

    /// <summary>End of the period, Unix ms UTC (exclusive).</summary>
    public required long ToMs { get; init; }

    /// <summary>The account reported, or null for all.</summary>
    public string? Account { get; init; }

    /// <summary>Executed transactions (buy and sell deals), in time order.</summary>
    public required IReadOnlyList<TransactionReportRow> Transactions { get; init; }

    /// <summary>Refused requests grouped by who refused (<c>risk_gate</c> or <c>venue</c>) and why.</summary>
    public required IReadOnlyList<RejectionCount> Rejections { get; init; }

    /// <summary>Kill-switch engagements and releases (<c>kill_switch</c> records), in order.</summary>
    public required IReadOnlyList<AuditEntry> KillSwitchEvents { get; init; }

    /// <summary>The whole audit chain's verification when the report was made.</summary>
    public required AuditVerification Verification { get; init; }
}

/// <summary>One executed transaction with the RTS 22 inputs the server captures (field numbers of RTS 22 Annex I in brackets).</summary>
/// <param name="Reference">Transaction reference: account and deal ticket, unique in the journal [2].</param>
/// <param name="TimeMs">Trading date-time, Unix ms UTC [28].</param>
/// <param name="Account">The account (the client) [7–15].</param>
/// <param name="Instrument">The symbol [41].</param>
/// <param name="Side">BUY or SELL (buyer/seller side) [16].</param>
/// <param name="Quantity">Volume in lots [30].</param>
/// <param name="Price">Execution price [33].</param>
/// <param name="Venue">Venue: XOFF, the instrument traded with the broker off any trading venue [36].</param>
/// <param name="DecisionMaker">Who decided: the actor of the request that created the order (API key, subject, strategy/algorithm id) [57].</param>
/// <param name="ExecutedBy">Who executed: the request's actor, or <c>venue</c> for a fill on a quote (pending order, SL/TP, stop-out) [59].</param>
/// <param name="Channel">The tool or endpoint of the deciding request.</param>
/// <param name="ClientOrderId">The deciding request's client order id.</param>
/// <param name="Order">The order ticket.</param>
/// <param name="Deal">The deal ticket.</param>
/// <param name="Entry">In, Out, InOut or OutBy.</param>
/// <param name="Sequence">The deal's audit record.</param>
public sealed record TransactionReportRow(
    string Reference, long TimeMs, string Account, string Instrument, string Side, decimal Quantity, double Price, string Venue,
    string DecisionMaker, string ExecutedBy, string Channel, string? ClientOrderId, ulong Order, ulong Deal, string Entry, long Sequence);

/// <summary>How many requests were refused for one reason in the period.</summary>
/// <param name="Source"><c>risk_gate</c> (the pre-trade check named in <paramref name="Reason"/>) or <c>venue</c> (an MT5 return code).</param>
/// <param name="Reason">The risk check's code, or the venue's return code and outcome.</param>
/// <param name="Count">How many.</param>
/// <param name="FirstSequence">The audit record of the first one.</param>
public sealed record RejectionCount(string Source, string Reason, int Count, long FirstSequence);
