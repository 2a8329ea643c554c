namespace MtMcp.Engine;

/// <summary>An open position, as MT5's POSITION_* properties. Immutable; changes produce new instances.</summary>
public sealed record Position
{
    /// <summary>Position ticket, equal to its identifier (the ticket of the order that opened it), as in MT5.</summary>
    public required ulong Ticket { get; init; }

    /// <summary>Symbol name.</summary>
    public required string Symbol { get; init; }

    /// <summary>Direction.</summary>
    public required PositionType Type { get; init; }

    /// <summary>Open volume in lots.</summary>
    public required decimal Volume { get; init; }

    /// <summary>Open price (volume-weighted over the deals that built a netting position).</summary>
    public required double PriceOpen { get; init; }

    /// <summary>Stop loss; 0 = none.</summary>
    public double StopLoss { get; init; }

    /// <summary>Take profit; 0 = none.</summary>
    public double TakeProfit { get; init; }

    /// <summary>Time the position was opened, Unix ms UTC.</summary>
    public required long TimeMs { get; init; }

    /// <summary>Time of the last change (volume, SL/TP, swap), Unix ms UTC.</summary>
    public long TimeUpdateMs { get; init; }

    /// <summary>Expert id (magic number) of the opening order.</summary>
    public ulong Magic { get; init; }

    /// <summary>Comment of the opening order.</summary>
    public string Comment { get; init; } = "";

    /// <summary>Swap accumulated so far, in the account currency.</summary>
    public decimal Swap { get; init; }

    /// <summary>Commission charged on the deals that opened the position, in the account currency (already in the balance; shown for information).</summary>
    public decimal Commission { get; init; }

    /// <summary>Who opened the position.</summary>
    public PositionReason Reason { get; init; }

    /// <summary>The client order id of the order that opened the position; null when none.</summary>
    public string? ClientOrderId { get; init; }

    /// <summary>Server-managed trailing stop distance in points; 0 = none.</summary>
    public int TrailingStopPoints { get; init; }

    /// <summary>Smallest trailing stop move in points.</summary>
    public int TrailingStepPoints { get; init; }
}
