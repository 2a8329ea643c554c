namespace MtMcp.Engine;

/// <summary>Receives what an <see cref="IBrokerGateway"/> streams: quotes and changes of orders, deals and positions.</summary>
/// <remarks>Called on the gateway's event loop, one call at a time per gateway, in arrival order; must not block.</remarks>
public interface IBrokerListener
{
    /// <summary>A new quote of <paramref name="symbol"/> (time in Unix ms UTC).</summary>
    void OnQuote(string symbol, in Tick tick);

    /// <summary>Orders, deals or positions changed; read them again when <see cref="BrokerTradeChange.Resynchronise"/> is set.</summary>
    void OnTradeChange(BrokerTradeChange change);
}

/// <summary>
/// One change of the account's trading state, as MT5's OnTradeTransaction reports it, or a marker that changes may
/// have been lost (a sequence gap or a reconnect): the receiver must then read positions, orders and deals again.
/// </summary>
/// <param name="Type">The transaction type; null for a resynchronisation marker or a type this server does not know.</param>
/// <param name="Symbol">Symbol; empty when none.</param>
/// <param name="Order">Order ticket; 0 when none.</param>
/// <param name="Deal">Deal ticket; 0 when none.</param>
/// <param name="Position">Position ticket; 0 when none.</param>
/// <param name="Resynchronise">Whether earlier changes may be missing.</param>
public sealed record BrokerTradeChange(TradeTransactionType? Type, string Symbol, ulong Order, ulong Deal, ulong Position, bool Resynchronise = false)
{
    /// <summary>The marker that tells the receiver to read the state again.</summary>
    public static BrokerTradeChange Resync { get; } = new(null, "", 0, 0, 0, Resynchronise: true);
}
