namespace MtMcp.Backtesting;

/// <summary>A queued order of the backtesting.py-compatible broker (NaN = no limit/stop/SL/TP).</summary>
internal sealed class CompatOrder(double size, double limit, double stop, double sl, double tp, CompatTrade? parent, string? tag)
{
    public double Size { get; set; } = size;

    public double Limit { get; } = limit;

    /// <summary>The stop price; cleared (NaN) once hit, when the order becomes a market or limit order.</summary>
    public double Stop { get; set; } = stop;

    public double StopLoss { get; } = sl;

    public double TakeProfit { get; } = tp;

    /// <summary>The trade an SL/TP or close order belongs to.</summary>
    public CompatTrade? ParentTrade { get; } = parent;

    public string? Tag { get; } = tag;

    public bool IsLong => Size > 0;

    /// <summary>An SL or TP order of a trade (not a close order): never filled at the previous close.</summary>
    public bool IsContingent => ParentTrade is { } trade && (ReferenceEquals(this, trade.StopLossOrder) || ReferenceEquals(this, trade.TakeProfitOrder));
}
