namespace MtMcp.Paper;

/// <summary>
/// The audit records of the order path: the paper venue writes them for the steps of its accounts, and the server for
/// the orders it sends to bridged MetaTrader accounts (one hash chain for every venue).
/// </summary>
public static class AuditRecords
{
    /// <summary>Actor of steps the venue takes on its own (fills on quotes, SL/TP, stop-outs, swaps).</summary>
    public const string VenueActor = "venue";

    /// <summary>A request as it arrived, before the gate saw it.</summary>
    public static AuditRecord Intent(string account, TradeRequest request, TradeOrigin origin, long timeMs) =>
        new("order_intent", timeMs, account, origin.Actor, origin.Channel, request.ClientOrderId, Describe(request).ToString());

    /// <summary>The gate's decision about a request, with the request it lets through.</summary>
    public static AuditRecord Decision(string account, GateDecision decision, TradeOrigin origin, long timeMs) =>
        new("risk_decision", timeMs, account, origin.Actor, origin.Channel, decision.Request.ClientOrderId, new CanonicalJson()
            .Add("allowed", decision.Allowed)
            .Add("check", decision.Check)
            .Add("message", decision.Message)
            .Add("request", Describe(decision.Request))
            .ToString());

    /// <summary>
    /// A request handed to an external venue's gateway (a MetaTrader terminal), right before it is sent; the venue
    /// named in <paramref name="venue"/>.
    /// </summary>
    public static AuditRecord GatewayRequest(string account, string venue, TradeRequest request, TradeOrigin origin, long timeMs) =>
        new("gateway_request", timeMs, account, origin.Actor, origin.Channel, request.ClientOrderId, new CanonicalJson()
            .Add("venue", venue)
            .Add("request", Describe(request))
            .ToString());

    /// <summary>The venue's answer to a request (for a gateway: final, uncertain, or reconciled from the venue's state).</summary>
    public static AuditRecord Result(string account, TradeResult result, TradeOrigin origin) =>
        new("trade_result", result.TimeMs, account, origin.Actor, origin.Channel, result.ClientOrderId, new CanonicalJson()
            .Add("retcode", (long)result.Retcode)
            .Add("outcome", result.Outcome.ToString())
            .Add("message", result.Message)
            .Add("order", result.Order)
            .Add("deal", result.Deal)
            .Add("position", result.Position)
            .Add("volume", result.Volume)
            .Add("price", result.Price)
            .Add("bid", result.Bid)
            .Add("ask", result.Ask)
            .Add("risk_check", result.RiskCheck)
            .ToString());

    /// <summary>One record per deal and per order leaving the working set in a step (fills, SL/TP, stop-outs, expiries).</summary>
    public static void AddTransactions(string account, AccountChanges changes, TradeOrigin origin)
    {
        foreach (var transaction in changes.Transactions)
        {
            if (transaction is { Type: TradeTransactionType.DealAdd, Deal: { } deal })
            {
                changes.AddAudit(new AuditRecord("deal", transaction.TimeMs, account, origin.Actor, origin.Channel, null, new CanonicalJson()
                    .Add("ticket", deal.Ticket).Add("order", deal.Order).Add("position", deal.PositionId).Add("symbol", deal.Symbol)
                    .Add("type", deal.Type.ToString()).Add("entry", deal.Entry.ToString()).Add("reason", deal.Reason.ToString())
                    .Add("volume", deal.Volume).Add("price", deal.Price).Add("profit", deal.Profit).Add("commission", deal.Commission)
                    .Add("swap", deal.Swap).Add("magic", deal.Magic).Add("comment", deal.Comment).ToString()));
            }
            else if (transaction is { Type: TradeTransactionType.HistoryAdd, Order: { } order })
            {
                changes.AddAudit(new AuditRecord("order_final", transaction.TimeMs, account, origin.Actor, origin.Channel, order.ClientOrderId, new CanonicalJson()
                    .Add("ticket", order.Ticket).Add("symbol", order.Symbol).Add("type", order.Type.ToString()).Add("state", order.State.ToString())
                    .Add("reason", order.Reason.ToString()).Add("volume_initial", order.VolumeInitial).Add("volume_current", order.VolumeCurrent)
                    .Add("price", order.PriceOpen).Add("magic", order.Magic).ToString()));
            }
        }
    }

    private static CanonicalJson Describe(TradeRequest r) => new CanonicalJson()
        .Add("action", r.Action.ToString()).Add("symbol", r.Symbol).Add("type", r.Type.ToString()).Add("volume", r.Volume)
        .Add("price", r.Price).Add("stop_limit", r.StopLimit).Add("stop_loss", r.StopLoss).Add("take_profit", r.TakeProfit)
        .Add("deviation", r.Deviation).Add("filling", r.Filling?.ToString()).Add("time_type", r.TimeType.ToString())
        .Add("expiration_ms", r.ExpirationMs).Add("magic", r.Magic).Add("comment", r.Comment).Add("order", r.Order)
        .Add("position", r.Position).Add("position_by", r.PositionBy).Add("client_order_id", r.ClientOrderId)
        .Add("trailing_stop_points", r.TrailingStopPoints).Add("trailing_step_points", r.TrailingStepPoints);
}
