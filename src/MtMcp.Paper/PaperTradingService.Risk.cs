using System.Collections.Concurrent;

namespace MtMcp.Paper;

public sealed partial class PaperTradingService
{
    /// <summary>Kind of the audit record of a limit breach or warning (<see cref="RiskBreachEventArgs"/>).</summary>
    internal const string BreachKind = "risk_breach";

    /// <summary>Kind of the audit record of the account's exposure per asset class after a step that dealt.</summary>
    internal const string ExposureKind = "exposure";

    /// <summary>Actor of the steps the risk gate's breaches cause (breach records, flattening).</summary>
    internal const string RiskActor = "risk";

    /// <summary>Channel of the closes and cancellations of a flattening.</summary>
    internal const string FlattenChannel = "risk_flatten";

    private static readonly TradeOrigin s_risk = new(RiskActor, FlattenChannel);

    private readonly IRiskMonitor? _monitor;

    // Breaches the gate reported during a step; the service acts on them in steps of their own right after it.
    private readonly ConcurrentQueue<RiskBreachEventArgs> _breaches = new();

    /// <summary>One request through the order path: intent, gate decision, venue (or refusal), result, all audited.</summary>
    private TradeResult SendLocked(TradingAccount account, TradeRequest request, TradeOrigin who)
    {
        account.Changes.AddAudit(AuditRecords.Intent(account.Name, request, who, account.TimeMs));
        var decision = _gate.Evaluate(account, request, who);
        account.Changes.AddAudit(AuditRecords.Decision(account.Name, decision, who, account.TimeMs));
        var result = decision.Allowed ? account.Send(decision.Request) : Refused(account, request, decision);
        account.Changes.AddAudit(AuditRecords.Result(account.Name, result, who));
        return result;
    }

    private void OnBreached(object? sender, RiskBreachEventArgs e) => _breaches.Enqueue(e);

    /// <summary>
    /// After a step that dealt (a position opened, changed or closed), records the account's exposure per asset class
    /// against its leverage caps: the compliance report's leverage section reads these.
    /// </summary>
    private void AddExposure(TradingAccount trading, TradeOrigin origin)
    {
        if (_monitor is null)
        {
            return;
        }

        var changes = trading.Changes;
        for (var i = 0; i < changes.Transactions.Count; i++)
        {
            if (changes.Transactions[i].Type == TradeTransactionType.DealAdd)
            {
                if (_monitor.DescribeExposure(trading) is { } exposure)
                {
                    changes.AddAudit(new AuditRecord(ExposureKind, trading.TimeMs, trading.Name, origin.Actor, origin.Channel, null, exposure));
                }

                return;
            }
        }
    }

    /// <summary>
    /// Audits every breach the gate reported and, when it asks to flatten, cancels the account's pending orders and
    /// closes its positions through the order path, each breach in a step of its own. A flattening can itself breach
    /// another limit: the loop takes those too.
    /// </summary>
    private void HandleBreachesLocked()
    {
        while (_breaches.TryDequeue(out var breach))
        {
            if (!_accounts.TryGetValue(breach.Account, out var account))
            {
                continue;
            }

            var trading = account.Trading;
            trading.Changes.AddAudit(new AuditRecord(BreachKind, trading.TimeMs, trading.Name, RiskActor, "risk_gate", null, new CanonicalJson()
                .Add("check", breach.Check).Add("level", breach.Warning ? "warning" : "breach").Add("value", breach.Value).Add("limit", breach.Limit)
                .Add("flatten", breach.Flatten).Add("actor", breach.Actor).Add("message", breach.Message).Add("breach_time_ms", breach.TimeMs).ToString()));
            if (breach.Flatten && !breach.Warning)
            {
                Flatten(trading, breach.Check);
            }

            CommitLocked(account, s_risk);
        }
    }

    private void Flatten(TradingAccount trading, string check)
    {
        // The comment names the check on every order and deal (MT5 comments hold 31 characters).
        var comment = "risk flatten: " + check;
        comment = comment.Length <= TradingAccount.MaxCommentLength ? comment : comment[..TradingAccount.MaxCommentLength];
        foreach (var order in trading.Orders.ToArray())
        {
            if (order.Type is not (OrderType.Buy or OrderType.Sell))
            {
                SendLocked(trading, new TradeRequest { Action = TradeAction.Remove, Order = order.Ticket, Comment = comment }, s_risk);
            }
        }

        foreach (var position in trading.Positions.ToArray())
        {
            SendLocked(trading, new TradeRequest
            {
                Action = TradeAction.Deal,
                Symbol = position.Symbol,
                Type = position.Type == PositionType.Buy ? OrderType.Sell : OrderType.Buy,
                Volume = position.Volume,
                Position = position.Ticket,
                Magic = position.Magic,
                Comment = comment,
            }, s_risk);
        }
    }
}
