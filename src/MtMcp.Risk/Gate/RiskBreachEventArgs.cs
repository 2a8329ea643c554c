namespace MtMcp.Risk;

/// <summary>A loss limit an account just breached (raised once per breach, by <see cref="PreTradeGate.Breached"/>).</summary>
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

    /// <summary><see cref="RiskChecks.DailyLossLimit"/> or <see cref="RiskChecks.MaxDrawdown"/>.</summary>
    public string Check { get; }

    /// <summary>The loss or drawdown, percent.</summary>
    public double Value { get; }

    /// <summary>The limit, percent.</summary>
    public double Limit { get; }

    /// <summary>
    /// Whether <c>flatten_on_breach</c> asks the host to close every position. The host must do it in its own step
    /// (e.g. an engaged kill switch with close), never from inside the event.
    /// </summary>
    public bool Flatten { get; }

    /// <summary>Account time of the breach, Unix ms UTC.</summary>
    public long TimeMs { get; }
}
