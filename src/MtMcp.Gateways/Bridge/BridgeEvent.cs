namespace MtMcp.Gateways.Bridge;

/// <summary>An event from the EA, in the order it was received. <see cref="Seq"/> is the EA's per-connection counter.</summary>
/// <param name="Seq">The event's <c>seq</c>.</param>
public abstract record BridgeEvent(long Seq);

/// <summary>A tick of a subscribed symbol; <see cref="Tick"/> time is UTC (converted from server time).</summary>
/// <param name="Seq">The event's <c>seq</c>.</param>
/// <param name="Symbol">Symbol name as the terminal spells it.</param>
/// <param name="Tick">Bid, ask, last, volume and flags; time in Unix ms UTC.</param>
public sealed record BridgeTickEvent(long Seq, string Symbol, Tick Tick) : BridgeEvent(Seq);

/// <summary>An OnTradeTransaction call of the terminal. Never dropped by the EA.</summary>
/// <param name="Seq">The event's <c>seq</c>.</param>
/// <param name="Transaction">The transaction.</param>
public sealed record BridgeTradeTransactionEvent(long Seq, BridgeTradeTransaction Transaction) : BridgeEvent(Seq);

/// <summary>
/// Events were lost between <see cref="Expected"/> and <see cref="BridgeEvent.Seq"/> (exclusive): positions, orders and
/// deals must be read again. Delivered just before the event that revealed the gap.
/// </summary>
/// <param name="Seq">The seq that arrived.</param>
/// <param name="Expected">The seq that should have arrived.</param>
public sealed record BridgeSequenceGapEvent(long Seq, long Expected) : BridgeEvent(Seq);

/// <summary>An event this version does not map to a typed record (book, bar, account, terminal): its raw data.</summary>
/// <param name="Seq">The event's <c>seq</c>.</param>
/// <param name="Op">The event name.</param>
/// <param name="Data">The raw <c>data</c> object.</param>
public sealed record BridgeRawEvent(long Seq, string Op, System.Text.Json.JsonElement Data) : BridgeEvent(Seq);
