namespace MtMcp.Storage;

/// <summary>
/// A compliance report for a period and an account (or all): the executed transactions with the RTS 22 inputs that apply
/// to a retail CFD/FX account, refusals by reason, other limit events by reason, leverage used per asset class against
/// the caps, kill-switch events and the audit chain's verification, all taken from the audit log.
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

    /// <summary>
    /// Limit events other than refusals, in order: loss-limit warnings (80 %) and breaches with any flattening, repeated-
    /// execution breaker trips (<c>risk_breach</c> records) and kill-switch engagements and releases.
    /// </summary>
    public IReadOnlyList<LimitEvent> LimitEvents { get; init; } = [];

    /// <summary>The limit events counted by reason and level, most frequent first.</summary>
    public IReadOnlyList<LimitEventCount> LimitEventCounts { get; init; } = [];

    /// <summary>Leverage used per account and asset class against the configured caps (from the <c>exposure</c> records).</summary>
    public IReadOnlyList<LeverageUse> Leverage { get; init; } = [];

    /// <summary>The whole audit chain's verification when the report was made.</summary>
    public required AuditVerification Verification { get; init; }
}

/// <summary>One limit event of the period.</summary>
/// <param name="Sequence">Its audit record.</param>
/// <param name="TimeMs">When, Unix ms UTC.</param>
/// <param name="Account">The account (empty for a global kill switch).</param>
/// <param name="Reason">The check that decided (<c>max_drawdown</c>, <c>daily_loss_limit</c>, <c>repeated_execution</c>) or <c>kill_switch</c>.</param>
/// <param name="Level"><c>warning</c> (80 % of a limit), <c>breach</c>, or the kill switch's <c>engage</c>/<c>release</c>.</param>
/// <param name="Value">The measured value (percent, or a count of identical executions); NaN for the kill switch.</param>
/// <param name="Limit">The limit in the same unit; NaN for the kill switch.</param>
/// <param name="Flatten">Whether the account was flattened (positions closed, pending orders cancelled) for it.</param>
/// <param name="Actor">Who: the actor the breaker disabled, or who engaged the kill switch.</param>
/// <param name="Message">What happened, in words.</param>
public sealed record LimitEvent(long Sequence, long TimeMs, string Account, string Reason, string Level, double Value, double Limit, bool Flatten, string Actor, string Message);

/// <summary>How many limit events of one reason and level happened in the period.</summary>
/// <param name="Reason">As in <see cref="LimitEvent.Reason"/>.</param>
/// <param name="Level">As in <see cref="LimitEvent.Level"/>.</param>
/// <param name="Count">How many.</param>
/// <param name="FirstSequence">The audit record of the first one.</param>
public sealed record LimitEventCount(string Reason, string Level, int Count, long FirstSequence);

/// <summary>
/// The leverage an account used in one asset class during the period: exposure (notional in the account currency) divided
/// by equity, sampled after every step that dealt, so a move between deals is not sampled.
/// </summary>
/// <param name="Account">The account.</param>
/// <param name="AssetClass">The class's key under <c>compliance.leverage_limits</c> (<c>forex_major</c>, <c>gold</c>, …).</param>
/// <param name="Cap">The cap in force at the last sample (N of N:1); 0 = no cap.</param>
/// <param name="PeakRatio">The highest exposure-to-equity ratio in the period (the ratio carried into the period counts).</param>
/// <param name="PeakTimeMs">When the peak was reached (the period's start when it was carried in), Unix ms UTC.</param>
/// <param name="EndRatio">The ratio at the end of the period.</param>
/// <param name="OverCap">Whether the peak was above a nonzero cap.</param>
public sealed record LeverageUse(string Account, string AssetClass, int Cap, double PeakRatio, long PeakTimeMs, double EndRatio, bool OverCap);

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
