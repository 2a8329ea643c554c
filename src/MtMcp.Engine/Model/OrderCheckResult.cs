namespace MtMcp.Engine;

/// <summary>
/// The answer to an order check (MqlTradeCheckResult): whether the request would be accepted and the
/// account as it would be right after it.
/// </summary>
public sealed record OrderCheckResult
{
    /// <summary><see cref="TradeRetcode.Done"/> when the request would be accepted, else the code it would be rejected with.</summary>
    public required TradeRetcode Retcode { get; init; }

    /// <summary>A plain sentence explaining the code.</summary>
    public required string Message { get; init; }

    /// <summary>Balance after the trade, in the account currency.</summary>
    public decimal Balance { get; init; }

    /// <summary>Equity after the trade.</summary>
    public double Equity { get; init; }

    /// <summary>Floating profit after the trade.</summary>
    public double Profit { get; init; }

    /// <summary>Margin needed by the request alone, in the account currency.</summary>
    public double RequiredMargin { get; init; }

    /// <summary>Total margin after the trade.</summary>
    public double Margin { get; init; }

    /// <summary>Free margin after the trade.</summary>
    public double MarginFree { get; init; }

    /// <summary>Margin level after the trade in percent; null when no margin is used.</summary>
    public double? MarginLevel { get; init; }
}
