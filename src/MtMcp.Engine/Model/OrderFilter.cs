namespace MtMcp.Engine;

/// <summary>Which working orders a bulk operation (<see cref="TradingAccount.CancelAll"/>) touches; null fields match everything.</summary>
/// <param name="Symbol">Only this symbol (case-insensitive).</param>
/// <param name="Type">Only this order type.</param>
/// <param name="Magic">Only this expert id.</param>
public sealed record OrderFilter(string? Symbol = null, OrderType? Type = null, ulong? Magic = null)
{
    /// <summary>Every working order.</summary>
    public static OrderFilter All { get; } = new();
}
