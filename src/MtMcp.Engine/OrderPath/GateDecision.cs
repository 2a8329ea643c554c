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
}
