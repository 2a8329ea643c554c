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
    /// Points the paper venue adds to the feed's spread for this account (half below the bid, half above the ask,
    /// the odd point on the ask); 0 = the feed's own spread.
    /// </summary>
    public int SpreadMarkupPoints { get; init; }

    /// <summary>
    /// Offset of the trade server's clock from UTC. Server midnight is the rollover (swaps) and the start of
    /// the trading day (DAY orders). The default, +2 h, puts rollover at 22:00 UTC as most forex brokers do.
    /// </summary>
    public TimeSpan ServerTimeOffset { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Whether the balance is reset to zero when a stop-out leaves it negative (ESMA negative balance protection).</summary>
    public bool NegativeBalanceProtection { get; init; }

    /// <summary>
    /// Whether a hedging account may hold opposite positions on one symbol (ACCOUNT_HEDGE_ALLOWED). When false, a deal
    /// that would open a position against an existing opposite one is rejected with 10046.
    /// </summary>
    public bool HedgeAllowed { get; init; } = true;

    /// <summary>
    /// Whether positions of a symbol must be closed oldest first (ACCOUNT_FIFO_CLOSE, US rules). Closing a hedging
    /// position while an older one of the same symbol and direction is open is rejected with 10045.
    /// </summary>
    public bool FifoClose { get; init; }

    /// <summary>
    /// Lots available per fill at the touch (simulated liquidity); 0 = unlimited. A larger FOK order is rejected
    /// (10006), IOC fills this much and cancels the rest (10010), RETURN fills this much and leaves the rest working.
    /// </summary>
    public decimal MaxFillVolume { get; init; }
}
