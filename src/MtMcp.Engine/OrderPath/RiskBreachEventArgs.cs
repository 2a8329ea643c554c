namespace MtMcp.Engine;

/// <summary>
/// A limit an account just breached, raised once per breach by an <see cref="IRiskMonitor"/>: a loss limit (daily
/// loss, drawdown from the equity peak) or a repeated-execution breaker trip.
/// </summary>
[Immutable]
public sealed class RiskBreachEventArgs : EventArgs
{
    /// <summary>Creates the event.</summary>
    public RiskBreachEventArgs(string account, string check, double value, double limit, bool flatten, long timeMs)
    {
        Account = account;
        Check = check;
        Value = value;
        Limit = limit;
        Flatten = flatten;
        TimeMs = timeMs;
    }

    /// <summary>The account.</summary>
    public string Account { get; }

    /// <summary>The check that decided, as the gate's reason code (e.g. <c>daily_loss_limit</c>, <c>max_drawdown</c>, <c>repeated_execution</c>).</summary>
    public string Check { get; }

    /// <summary>The measured value: the loss or drawdown in percent, or the count of identical executions.</summary>
    public double Value { get; }

    /// <summary>The limit, in the unit of <see cref="Value"/>.</summary>
    public double Limit { get; }

    /// <summary>
    /// Whether <c>flatten_on_breach</c> asks the host to close every position and cancel every pending order. The host
    /// must do it in its own step after the one that breached, never from inside the event.
    /// </summary>
    public bool Flatten { get; }

    /// <summary>Account time of the breach, Unix ms UTC.</summary>
    public long TimeMs { get; }

    /// <summary>True for a warning at 80 % of the limit (nothing is blocked), false for a breach.</summary>
    public bool Warning { get; init; }

    /// <summary>What happened, in words (for the audit trail and reports).</summary>
    public string Message { get; init; } = "";

    /// <summary>The actor the breach concerns (the repeated-execution breaker disables an actor), or empty.</summary>
    public string Actor { get; init; } = "";
}
