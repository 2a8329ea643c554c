namespace MtMcp.Engine;

/// <summary>A slice of the deals ledger or the order history: by time (deal time, order done time), symbol and magic.</summary>
/// <param name="FromMs">Start, inclusive, Unix ms UTC.</param>
/// <param name="ToMs">End, exclusive, Unix ms UTC.</param>
/// <param name="Symbol">Only this symbol (case-insensitive); null = all, including balance operations.</param>
/// <param name="Magic">Only this expert id; null = all.</param>
public sealed record HistoryQuery(long FromMs, long ToMs, string? Symbol = null, ulong? Magic = null)
{
    /// <summary>The whole history.</summary>
    public static HistoryQuery All { get; } = new(long.MinValue, long.MaxValue);
}
