namespace MtMcp.Engine;

/// <summary>
/// One entry of the tamper-evident audit trail: an order intent, a risk decision, a result, a fill, a kill-switch
/// engagement, a configuration change, … The journal appends it to a hash chain in the same transaction as the
/// account step it belongs to.
/// </summary>
/// <param name="Kind">What happened: <c>order_intent</c>, <c>risk_decision</c>, <c>trade_result</c>, <c>transaction</c>, <c>balance</c>, <c>kill_switch</c>, <c>config_change</c>, ….</param>
/// <param name="TimeMs">When, Unix ms UTC (venue time for trading events).</param>
/// <param name="Account">The account, or empty for server-wide events.</param>
/// <param name="Actor">Who: API key id, OAuth subject, strategy id, <c>local</c> or <c>venue</c> (fills on quotes).</param>
/// <param name="Channel">Through what: the tool or endpoint.</param>
/// <param name="ClientOrderId">The request's client order id, if any.</param>
/// <param name="Payload">The details as canonical JSON (sorted keys, invariant numbers).</param>
public sealed record AuditRecord(string Kind, long TimeMs, string Account, string Actor, string Channel, string? ClientOrderId, string Payload);
