namespace MtMcp.Paper;

public sealed partial class PaperTradingService
{
    /// <summary>
    /// Engages the kill switch (RTS 6 Art. 12) for one account, or every account when <paramref name="account"/> is null:
    /// the gate then refuses every new order; every pending order is cancelled now and, when
    /// <paramref name="closePositions"/>, every position is closed. Each account's engagement, cancellations and closes
    /// are audited in one step.
    /// </summary>
    /// <exception cref="InvalidOperationException">The service's gate has no kill switch (<see cref="OpenGate"/>).</exception>
    /// <exception cref="KeyNotFoundException">There is no such account.</exception>
    public KillSwitchEngagement EngageKillSwitch(string? account, bool closePositions, string reason, TradeOrigin? origin = null)
    {
        var killSwitch = KillSwitch();
        var who = origin ?? TradeOrigin.Local;
        IReadOnlyList<string> names;
        lock (_lock)
        {
            names = account is null ? [.. _accounts.Keys.Order(StringComparer.OrdinalIgnoreCase)] : [Get(account).Trading.Name];
        }

        // Engage first so no order slips in between the cancellations.
        var newly = killSwitch.Engage(account, who, reason);
        var actions = new List<KillSwitchAccountActions>(names.Count);
        foreach (var name in names)
        {
            actions.Add(Step(name, who, trading =>
            {
                trading.Changes.AddAudit(new AuditRecord("kill_switch", trading.TimeMs, trading.Name, who.Actor, who.Channel, null, new CanonicalJson()
                    .Add("action", "engage").Add("scope", account is null ? "global" : "account").Add("reason", reason)
                    .Add("close_positions", closePositions).Add("newly_engaged", newly).ToString()));
                var cancelled = trading.CancelAll(OrderFilter.All);
                var closed = closePositions ? trading.CloseAll(PositionFilter.All) : [];
                foreach (var result in cancelled.Concat(closed))
                {
                    trading.Changes.AddAudit(AuditRecords.Result(trading.Name, result, who));
                }

                return new KillSwitchAccountActions(trading.Name, cancelled, closed);
            }));
        }

        return new KillSwitchEngagement(account, newly, reason, actions);
    }

    /// <summary>Releases the kill switch of one account, or the global one when null; only an admin may (audited).</summary>
    /// <returns>True when it was engaged for that scope.</returns>
    /// <exception cref="UnauthorizedAccessException"><paramref name="admin"/> is false.</exception>
    /// <exception cref="InvalidOperationException">The service's gate has no kill switch.</exception>
    public bool ReleaseKillSwitch(string? account, bool admin, TradeOrigin? origin = null)
    {
        var killSwitch = KillSwitch();
        if (!admin)
        {
            throw new UnauthorizedAccessException("Only an admin may release the kill switch.");
        }

        var who = origin ?? TradeOrigin.Local;
        var released = killSwitch.Release(account, who);
        lock (_lock)
        {
            var time = account is not null && _accounts.TryGetValue(account, out var paper) ? paper.Trading.TimeMs : LatestQuoteTimeMs();
            _journal.AppendAudit([new AuditRecord("kill_switch", time, account ?? "", who.Actor, who.Channel, null, new CanonicalJson()
                .Add("action", "release").Add("scope", account is null ? "global" : "account").Add("was_engaged", released).ToString())]);
        }

        return released;
    }

    /// <summary>Whether the kill switch blocks <paramref name="account"/> (false when the gate has none).</summary>
    public bool IsKillSwitchEngaged(string account) => _gate is IKillSwitch killSwitch && killSwitch.IsEngaged(account);

    private IKillSwitch KillSwitch() =>
        _gate as IKillSwitch ?? throw new InvalidOperationException("This paper venue runs without a risk gate, so it has no kill switch; configure the pre-trade gate.");
}
