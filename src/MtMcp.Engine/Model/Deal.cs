namespace MtMcp.Engine;

/// <summary>
/// One entry of the deals ledger, as MT5's DEAL_* properties: a trade execution, or a balance operation
/// (deposit, withdrawal, …) with an empty symbol. Money is in the account currency, rounded to its digits.
/// </summary>
public sealed record Deal
{
    /// <summary>Deal ticket, unique in the account.</summary>
    public required ulong Ticket { get; init; }

    /// <summary>The order that caused the deal; 0 for balance operations.</summary>
    public ulong Order { get; init; }

    /// <summary>The position the deal opened, changed or closed; 0 for balance operations.</summary>
    public ulong PositionId { get; init; }

    /// <summary>Symbol; empty for balance operations.</summary>
    public string Symbol { get; init; } = "";

    /// <summary>Buy, sell, balance, …</summary>
    public required DealType Type { get; init; }

    /// <summary>In, out, in/out (reversal) or out-by (close-by).</summary>
    public DealEntry Entry { get; init; }

    /// <summary>Volume in lots; 0 for balance operations.</summary>
    public decimal Volume { get; init; }

    /// <summary>Execution price; 0 for balance operations.</summary>
    public double Price { get; init; }

    /// <summary>Realised profit, or the amount of a balance operation.</summary>
    public decimal Profit { get; init; }

    /// <summary>Commission charged on this deal (negative = charged).</summary>
    public decimal Commission { get; init; }

    /// <summary>Swap realised by this deal (closing deals carry the position's accumulated swap).</summary>
    public decimal Swap { get; init; }

    /// <summary>Execution time, Unix ms UTC.</summary>
    public required long TimeMs { get; init; }

    /// <summary>Expert id (magic number) of the order.</summary>
    public ulong Magic { get; init; }

    /// <summary>Comment.</summary>
    public string Comment { get; init; } = "";

    /// <summary>Why the deal happened: client request, SL, TP, stop-out, rollover, …</summary>
    public DealReason Reason { get; init; }

    /// <summary>Stop loss of the position after the deal; 0 = none.</summary>
    public double StopLoss { get; init; }

    /// <summary>Take profit of the position after the deal; 0 = none.</summary>
    public double TakeProfit { get; init; }
}
