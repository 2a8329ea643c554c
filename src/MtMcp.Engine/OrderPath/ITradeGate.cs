namespace MtMcp.Engine;

/// <summary>
/// The pre-trade risk gate on the one order path: every request from every front end and strategy is evaluated
/// before it reaches the venue, and every committed step is shown to it afterwards (rate counters, loss limits,
/// repeated-execution breakers).
/// </summary>
/// <remarks>Called under the account's single-writer lock; must not block.</remarks>
public interface ITradeGate
{
    /// <summary>Decides whether <paramref name="request"/> may be sent to <paramref name="account"/>.</summary>
    GateDecision Evaluate(TradingAccount account, TradeRequest request, TradeOrigin origin);

    /// <summary>Sees a committed step of <paramref name="account"/> (a request's result, or fills and stop-outs on a quote).</summary>
    void OnCommitted(TradingAccount account, AccountChanges changes);
}

/// <summary>The gate that lets everything through: only for tests and tools that have no risk configuration.</summary>
[Immutable]
public sealed class OpenGate : ITradeGate
{
    /// <summary>The shared instance.</summary>
    public static OpenGate Instance { get; } = new();

    /// <inheritdoc/>
    public GateDecision Evaluate(TradingAccount account, TradeRequest request, TradeOrigin origin) => GateDecision.Allow(request);

    /// <inheritdoc/>
    public void OnCommitted(TradingAccount account, AccountChanges changes)
    {
    }
}
