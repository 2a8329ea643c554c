using System.Collections.Frozen;

namespace MtMcp.Domain;

/// <summary>Classifies MT5 trade return codes into <see cref="TradeOutcome"/>s and describes them.</summary>
public static class TradeRetcodes
{
    private static readonly FrozenDictionary<TradeRetcode, (TradeOutcome Outcome, string Text, string MqlName)> s_table =
        new Dictionary<TradeRetcode, (TradeOutcome, string, string)>
    {
        [TradeRetcode.Requote] = (TradeOutcome.Retryable, "Requote", "TRADE_RETCODE_REQUOTE"),
        [TradeRetcode.Reject] = (TradeOutcome.Rejected, "Request rejected", "TRADE_RETCODE_REJECT"),
        [TradeRetcode.Cancel] = (TradeOutcome.Rejected, "Request canceled by trader", "TRADE_RETCODE_CANCEL"),
        [TradeRetcode.Placed] = (TradeOutcome.Placed, "Order placed", "TRADE_RETCODE_PLACED"),
        [TradeRetcode.Done] = (TradeOutcome.Filled, "Request completed", "TRADE_RETCODE_DONE"),
        [TradeRetcode.DonePartial] = (TradeOutcome.Partial, "Only part of the request was completed", "TRADE_RETCODE_DONE_PARTIAL"),
        [TradeRetcode.Error] = (TradeOutcome.Uncertain, "Request processing error", "TRADE_RETCODE_ERROR"),
        [TradeRetcode.Timeout] = (TradeOutcome.Uncertain, "Request canceled by timeout", "TRADE_RETCODE_TIMEOUT"),
        [TradeRetcode.Invalid] = (TradeOutcome.Rejected, "Invalid request", "TRADE_RETCODE_INVALID"),
        [TradeRetcode.InvalidVolume] = (TradeOutcome.Rejected, "Invalid volume in the request", "TRADE_RETCODE_INVALID_VOLUME"),
        [TradeRetcode.InvalidPrice] = (TradeOutcome.Rejected, "Invalid price in the request", "TRADE_RETCODE_INVALID_PRICE"),
        [TradeRetcode.InvalidStops] = (TradeOutcome.Rejected, "Invalid stops in the request", "TRADE_RETCODE_INVALID_STOPS"),
        [TradeRetcode.TradeDisabled] = (TradeOutcome.Rejected, "Trade is disabled", "TRADE_RETCODE_TRADE_DISABLED"),
        [TradeRetcode.MarketClosed] = (TradeOutcome.Rejected, "Market is closed", "TRADE_RETCODE_MARKET_CLOSED"),
        [TradeRetcode.NoMoney] = (TradeOutcome.Rejected, "There is not enough money to complete the request", "TRADE_RETCODE_NO_MONEY"),
        [TradeRetcode.PriceChanged] = (TradeOutcome.Retryable, "Prices changed", "TRADE_RETCODE_PRICE_CHANGED"),
        [TradeRetcode.PriceOff] = (TradeOutcome.Retryable, "There are no quotes to process the request", "TRADE_RETCODE_PRICE_OFF"),
        [TradeRetcode.InvalidExpiration] = (TradeOutcome.Rejected, "Invalid order expiration date in the request", "TRADE_RETCODE_INVALID_EXPIRATION"),
        [TradeRetcode.OrderChanged] = (TradeOutcome.Retryable, "Order state changed", "TRADE_RETCODE_ORDER_CHANGED"),
        [TradeRetcode.TooManyRequests] = (TradeOutcome.Retryable, "Too frequent requests", "TRADE_RETCODE_TOO_MANY_REQUESTS"),
        [TradeRetcode.NoChanges] = (TradeOutcome.NoChange, "No changes in request", "TRADE_RETCODE_NO_CHANGES"),
        [TradeRetcode.ServerDisablesAutoTrading] = (TradeOutcome.Rejected, "Autotrading disabled by server", "TRADE_RETCODE_SERVER_DISABLES_AT"),
        [TradeRetcode.ClientDisablesAutoTrading] = (TradeOutcome.Rejected, "Autotrading disabled by client terminal", "TRADE_RETCODE_CLIENT_DISABLES_AT"),
        [TradeRetcode.Locked] = (TradeOutcome.Retryable, "Request locked for processing", "TRADE_RETCODE_LOCKED"),
        [TradeRetcode.Frozen] = (TradeOutcome.Rejected, "Order or position frozen", "TRADE_RETCODE_FROZEN"),
        [TradeRetcode.InvalidFill] = (TradeOutcome.Rejected, "Invalid order filling type", "TRADE_RETCODE_INVALID_FILL"),
        [TradeRetcode.Connection] = (TradeOutcome.Uncertain, "No connection with the trade server", "TRADE_RETCODE_CONNECTION"),
        [TradeRetcode.OnlyReal] = (TradeOutcome.Rejected, "Operation is allowed only for live accounts", "TRADE_RETCODE_ONLY_REAL"),
        [TradeRetcode.LimitOrders] = (TradeOutcome.Rejected, "The number of pending orders has reached the limit", "TRADE_RETCODE_LIMIT_ORDERS"),
        [TradeRetcode.LimitVolume] = (TradeOutcome.Rejected, "The volume of orders and positions for the symbol has reached the limit", "TRADE_RETCODE_LIMIT_VOLUME"),
        [TradeRetcode.InvalidOrder] = (TradeOutcome.Rejected, "Incorrect or prohibited order type", "TRADE_RETCODE_INVALID_ORDER"),
        [TradeRetcode.PositionClosed] = (TradeOutcome.Rejected, "Position with the specified identifier has already been closed", "TRADE_RETCODE_POSITION_CLOSED"),
        [TradeRetcode.InvalidCloseVolume] = (TradeOutcome.Rejected, "A close volume exceeds the current position volume", "TRADE_RETCODE_INVALID_CLOSE_VOLUME"),
        [TradeRetcode.CloseOrderExist] = (TradeOutcome.Rejected, "A close order already exists for the position", "TRADE_RETCODE_CLOSE_ORDER_EXIST"),
        [TradeRetcode.LimitPositions] = (TradeOutcome.Rejected, "The number of open positions has reached the limit", "TRADE_RETCODE_LIMIT_POSITIONS"),
        [TradeRetcode.RejectCancel] = (TradeOutcome.Rejected, "The pending order activation request is rejected, the order is canceled", "TRADE_RETCODE_REJECT_CANCEL"),
        [TradeRetcode.LongOnly] = (TradeOutcome.Rejected, "Only long positions are allowed for the symbol", "TRADE_RETCODE_LONG_ONLY"),
        [TradeRetcode.ShortOnly] = (TradeOutcome.Rejected, "Only short positions are allowed for the symbol", "TRADE_RETCODE_SHORT_ONLY"),
        [TradeRetcode.CloseOnly] = (TradeOutcome.Rejected, "Only position closing is allowed for the symbol", "TRADE_RETCODE_CLOSE_ONLY"),
        [TradeRetcode.FifoClose] = (TradeOutcome.Rejected, "Position closing is allowed only by FIFO rule", "TRADE_RETCODE_FIFO_CLOSE"),
        [TradeRetcode.HedgeProhibited] = (TradeOutcome.Rejected, "Opposite positions on a single symbol are disabled", "TRADE_RETCODE_HEDGE_PROHIBITED"),    }.ToFrozenDictionary();

    /// <summary>Every known retcode.</summary>
    public static IEnumerable<TradeRetcode> All => s_table.Keys.Order();

    /// <summary>
    /// The outcome class of <paramref name="code"/>. A <see cref="TradeRetcode.Done"/> answer to a pending
    /// order (<see cref="TradeAction.Pending"/>) means the order is working, so it is <see cref="TradeOutcome.Placed"/>.
    /// Unknown codes are <see cref="TradeOutcome.Uncertain"/> until classified.
    /// </summary>
    public static TradeOutcome Classify(int code, TradeAction action = TradeAction.Deal)
    {
        if (!s_table.TryGetValue((TradeRetcode)code, out var entry))
        {
            return TradeOutcome.Uncertain;
        }

        return code == (int)TradeRetcode.Done && action == TradeAction.Pending ? TradeOutcome.Placed : entry.Outcome;
    }

    /// <summary>The MT5 description of <paramref name="code"/>, or a generic text for an unknown code.</summary>
    public static string Describe(int code) =>
        s_table.TryGetValue((TradeRetcode)code, out var entry) ? entry.Text : $"Unknown trade server return code {code}";

    /// <summary>The MQL constant name (<c>TRADE_RETCODE_NO_MONEY</c>), or null for an unknown code.</summary>
    public static string? MqlName(int code) =>
        s_table.TryGetValue((TradeRetcode)code, out var entry) ? entry.MqlName : null;
}
