namespace MtMcp.Engine;

/// <summary>
/// A gate that watches accounts between requests: it sees every quote (loss limits are measured from the equity
/// peak, which can be reached between orders), reports breaches, and hands the host its per-account state to store
/// with the account so a restart keeps the peak and the breach latches.
/// </summary>
/// <remarks>Called under the host's single-writer lock for the account; implementations are thread-safe and must not block.</remarks>
public interface IRiskMonitor
{
    /// <summary>
    /// A limit was breached (once per breach). Raised from inside <see cref="ITradeGate.Evaluate"/>,
    /// <see cref="ITradeGate.OnCommitted"/> or <see cref="OnQuote"/>: handlers must only note it and act in a later step.
    /// </summary>
    event EventHandler<RiskBreachEventArgs>? Breached;

    /// <summary>
    /// Sees <paramref name="account"/> after a quote reached it. O(1) and allocation-free unless the equity is at a new
    /// peak or near a limit.
    /// </summary>
    /// <returns>True when the account's state is due to be stored (<see cref="TakeState"/>).</returns>
    bool OnQuote(TradingAccount account);

    /// <summary>
    /// The account's exposure per asset class against its leverage caps now, as canonical JSON for the audit trail
    /// (the host records it after each step that changed the positions), or null when the monitor has no caps.
    /// </summary>
    string? DescribeExposure(TradingAccount account);

    /// <summary>The account's state to store if it changed enough since the last call, else null.</summary>
    string? TakeState(TradingAccount account);

    /// <summary>
    /// Restores the state stored for <paramref name="account"/> (after a restart) before it sees any quote; null
    /// starts afresh (a new or reset account).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not a state this monitor wrote.</exception>
    void RestoreState(TradingAccount account, string? state);
}
