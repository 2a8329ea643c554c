namespace MtMcp.Engine;

/// <summary>Everything that makes a simulated account behave as a particular broker account would.</summary>
public sealed record AccountSettings
{
    /// <summary>The account's static description: currency, leverage, netting or hedging, stop-out levels.</summary>
    public required AccountInfo Info { get; init; }

    /// <summary>Commission per deal.</summary>
    public CommissionSchedule Commission { get; init; } = CommissionSchedule.None;

    /// <summary>Slippage of market and stop fills.</summary>
    public SlippageModel Slippage { get; init; } = SlippageModel.None;

    /// <summary>Most pending orders at once (ACCOUNT_LIMIT_ORDERS); 0 = no limit. Beyond it: 10033.</summary>
    public int MaxPendingOrders { get; init; }

    /// <summary>Most open positions at once; 0 = no limit. Beyond it: 10040.</summary>
    public int MaxPositions { get; init; }

    /// <summary>
    /// Offset of the trade server's clock from UTC. Server midnight is the rollover (swaps) and the start of
    /// the trading day (DAY orders). The default, +2 h, puts rollover at 22:00 UTC as most forex brokers do.
    /// </summary>
    public TimeSpan ServerTimeOffset { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Whether the balance is reset to zero when a stop-out leaves it negative (ESMA negative balance protection).</summary>
    public bool NegativeBalanceProtection { get; init; }
}
