namespace MtMcp.Engine;

/// <summary>
/// The answer to a trade request, as MqlTradeResult: the MT5 return code, its outcome class and a plain
/// message, with the tickets, volume and price of what happened.
/// </summary>
public sealed record TradeResult
{
    /// <summary>The MT5 trade server return code.</summary>
    public required TradeRetcode Retcode { get; init; }

    /// <summary>The action the result answers (it decides whether DONE means filled or placed).</summary>
    public required TradeAction Action { get; init; }

    /// <summary>What the code means for the caller.</summary>
    public TradeOutcome Outcome => TradeRetcodes.Classify((int)Retcode, Action);

    /// <summary>A plain sentence: what happened or what was wrong and what is allowed.</summary>
    public required string Message { get; init; }

    /// <summary>Ticket of the order created or affected; 0 when none.</summary>
    public ulong Order { get; init; }

    /// <summary>Ticket of the deal executed; 0 when none.</summary>
    public ulong Deal { get; init; }

    /// <summary>Ticket of the position opened, changed or closed; 0 when none.</summary>
    public ulong Position { get; init; }

    /// <summary>Volume executed (deals) or placed (pending orders), in lots.</summary>
    public decimal Volume { get; init; }

    /// <summary>Deal price, or the pending order price.</summary>
    public double Price { get; init; }

    /// <summary>Bid when the request was processed.</summary>
    public double Bid { get; init; }

    /// <summary>Ask when the request was processed.</summary>
    public double Ask { get; init; }

    /// <summary>The request's client order id, echoed.</summary>
    public string? ClientOrderId { get; init; }

    /// <summary>
    /// The code of the server's risk check that refused the request before it reached the venue (then
    /// <see cref="Retcode"/> is <see cref="TradeRetcode.Reject"/>); null when the gate let it through.
    /// </summary>
    public string? RiskCheck { get; init; }

    /// <summary>Time the request was processed, Unix ms UTC.</summary>
    public long TimeMs { get; init; }
}
