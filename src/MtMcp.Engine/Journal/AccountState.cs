namespace MtMcp.Engine;

/// <summary>The whole persisted state of one account: enough to rebuild it exactly as last acknowledged.</summary>
public sealed record AccountState
{
    /// <summary>The account's settings.</summary>
    public required AccountSettings Settings { get; init; }

    /// <summary>Balance.</summary>
    public required decimal Balance { get; init; }

    /// <summary>Credit.</summary>
    public decimal Credit { get; init; }

    /// <summary>The next ticket to issue.</summary>
    public required ulong NextTicket { get; init; }

    /// <summary>Venue time of the last committed step, Unix ms UTC (0 for a new account).</summary>
    public long TimeMs { get; init; }

    /// <summary>The host's feed position of the last committed step (see <see cref="AccountChanges.Cursor"/>).</summary>
    public long Cursor { get; init; }

    /// <summary>The risk gate's last stored state of the account (see <see cref="AccountChanges.RiskState"/>), or null.</summary>
    public string? RiskState { get; init; }

    /// <summary>Every order, working and historical, in ticket order.</summary>
    public IReadOnlyList<Order> Orders { get; init; } = [];

    /// <summary>Open positions, in ticket order.</summary>
    public IReadOnlyList<Position> Positions { get; init; } = [];

    /// <summary>The deals ledger, in ticket order.</summary>
    public IReadOnlyList<Deal> Deals { get; init; } = [];

    /// <summary>The first result of every client order id seen.</summary>
    public IReadOnlyDictionary<string, TradeResult> ClientOrders { get; init; } = new Dictionary<string, TradeResult>(StringComparer.Ordinal);
}
