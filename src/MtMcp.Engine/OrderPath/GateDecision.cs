namespace MtMcp.Engine;

/// <summary>What the pre-trade gate decided about one request.</summary>
/// <param name="Allowed">Whether the request may go to the venue.</param>
/// <param name="Check">The stable code of the check that decided (e.g. <c>max_order_volume</c>); <c>ok</c> when allowed.</param>
/// <param name="Message">A plain sentence: which limit, its value, the request's value, what is allowed.</param>
/// <param name="Request">The request to send: the original, or one the gate reduced (a smaller volume).</param>
public sealed record GateDecision(bool Allowed, string Check, string Message, TradeRequest Request)
{
    /// <summary>Lets <paramref name="request"/> through unchanged.</summary>
    public static GateDecision Allow(TradeRequest request) => new(true, "ok", "", request);

    /// <summary>
    /// The result a refused request gets: TRADE_RETCODE_REJECT with this decision's message and check, at the quote
    /// (<paramref name="bid"/>, <paramref name="ask"/>; 0 when the symbol has none) and time the refusal was made.
    /// </summary>
    public TradeResult Refusal(TradeRequest request, double bid, double ask, long timeMs)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TradeResult
        {
            Retcode = TradeRetcode.Reject,
            Action = request.Action,
            Message = Message,
            RiskCheck = Check,
            ClientOrderId = request.ClientOrderId,
            Bid = bid,
            Ask = ask,
            TimeMs = timeMs,
        };
    }
}
