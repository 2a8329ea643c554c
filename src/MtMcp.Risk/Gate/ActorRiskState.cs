namespace MtMcp.Risk;

/// <summary>What the gate tracks per actor: order counts and the repeated-execution breaker.</summary>
/// <remarks>Guarded by locking the instance.</remarks>
internal sealed class ActorRiskState
{
    private Execution[] _recent = new Execution[16];
    private int _next;

    public RateWindow Minute { get; } = new();

    public long DayStartMs { get; set; } = long.MinValue;

    public int DayOrders { get; set; }

    public bool Disabled { get; set; }

    public string DisabledReason { get; set; } = "";

    /// <summary>Records an execution and counts the identical ones (itself included) after <paramref name="fromExclusive"/>.</summary>
    public int RecordExecution(string account, int symbolId, OrderType type, decimal volume, long timeMs, long fromExclusive, int keep)
    {
        if (_recent.Length < keep)
        {
            Array.Resize(ref _recent, Math.Max(keep, _recent.Length * 2));
        }

        _recent[_next] = new Execution(account, symbolId, type, volume, timeMs);
        _next = (_next + 1) % _recent.Length;
        var count = 0;
        foreach (var e in _recent)
        {
            if (e.Account is not null && e.TimeMs > fromExclusive && e.SymbolId == symbolId && e.Type == type && e.Volume == volume
                && (ReferenceEquals(e.Account, account) || e.Account.Equals(account, StringComparison.OrdinalIgnoreCase)))
            {
                count++;
            }
        }

        return count;
    }

    public void ClearExecutions()
    {
        Array.Clear(_recent);
        _next = 0;
    }

    private readonly record struct Execution(string? Account, int SymbolId, OrderType Type, decimal Volume, long TimeMs);
}
