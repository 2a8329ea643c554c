namespace MtMcp.Gateways.Bridge;

/// <summary>
/// The answer to a bridged trade request. When the terminal called OrderSend it carries the MT5 retcode and the
/// server's outcome class for it; when the request failed on the link it carries the protocol error code and the
/// outcome that failure implies (<see cref="TradeOutcome.Uncertain"/> whenever the request may have reached the
/// terminal). A lost answer is never reported as a success.
/// </summary>
public sealed record BridgeTradeResult
{
    /// <summary>What the caller may assume: filled, placed, rejected, retryable, uncertain, …</summary>
    public required TradeOutcome Outcome { get; init; }

    /// <summary>The MT5 retcode; null when OrderSend was not (known to be) called.</summary>
    public int? Retcode { get; init; }

    /// <summary>The MQL name of <see cref="Retcode"/> (<c>TRADE_RETCODE_DONE</c>), as sent by the EA.</summary>
    public string? RetcodeName { get; init; }

    /// <summary>The protocol error code when the request failed before or on the link (<c>TIMEOUT</c>, …).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>A plain sentence: the broker's comment or what went wrong.</summary>
    public required string Message { get; init; }

    /// <summary>Whether the request left the server (false = certainly not executed).</summary>
    public required bool Sent { get; init; }

    /// <summary>Whether the EA answered from its de-duplication ring without calling OrderSend again.</summary>
    public bool Duplicate { get; init; }

    /// <summary>The caller's client order id.</summary>
    public required string ClientOrderId { get; init; }

    /// <summary>The tag sent as the order comment, which reconciliation searches for.</summary>
    public required string Tag { get; init; }

    /// <summary>Deal ticket; 0 when none.</summary>
    public ulong Deal { get; init; }

    /// <summary>Order ticket; 0 when none.</summary>
    public ulong Order { get; init; }

    /// <summary>Executed or placed volume in lots.</summary>
    public decimal Volume { get; init; }

    /// <summary>Deal price.</summary>
    public double Price { get; init; }

    /// <summary>Bid at execution.</summary>
    public double Bid { get; init; }

    /// <summary>Ask at execution.</summary>
    public double Ask { get; init; }

    /// <summary>The terminal's request id (correlates with trade transactions).</summary>
    public uint RequestId { get; init; }

    /// <summary>The external trading system's return code.</summary>
    public int RetcodeExternal { get; init; }

    /// <summary>The EA's <c>GetLastError()</c> when it reported one.</summary>
    public int? MqlError { get; init; }
}
