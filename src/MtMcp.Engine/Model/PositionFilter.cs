namespace MtMcp.Engine;

/// <summary>Which open positions a bulk operation (<see cref="TradingAccount.CloseAll"/>) touches; null fields match everything.</summary>
/// <param name="Symbol">Only this symbol (case-insensitive).</param>
/// <param name="Type">Only this direction.</param>
/// <param name="Magic">Only this expert id.</param>
/// <param name="Profit">Only positions whose floating profit (incl. swap) has this sign.</param>
public sealed record PositionFilter(string? Symbol = null, PositionType? Type = null, ulong? Magic = null, ProfitSign Profit = ProfitSign.Any)
{
    /// <summary>Every position.</summary>
    public static PositionFilter All { get; } = new();
}
