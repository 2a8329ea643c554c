namespace MtMcp.Gateways.Bridge;

/// <summary>Request operations (server → EA) and event names (EA → server) of the bridge protocol.</summary>
public static class BridgeOps
{
    /// <summary>Account and terminal state.</summary>
    public const string AccountInfo = "account.info";

    /// <summary>Symbol names (all, or Market Watch only).</summary>
    public const string SymbolsList = "symbols.list";

    /// <summary>Full symbol specification.</summary>
    public const string SymbolSpec = "symbol.spec";

    /// <summary>Add a symbol to Market Watch.</summary>
    public const string SymbolSelect = "symbol.select";

    /// <summary>Latest tick of a symbol.</summary>
    public const string TickLast = "tick.last";

    /// <summary>Bars (paginated).</summary>
    public const string RatesGet = "rates.get";

    /// <summary>Tick history (paginated).</summary>
    public const string TicksGet = "ticks.get";

    /// <summary>Depth of market.</summary>
    public const string BookGet = "book.get";

    /// <summary>Start streaming ticks, books or bars.</summary>
    public const string Subscribe = "subscribe";

    /// <summary>Stop streaming ticks, books or bars.</summary>
    public const string Unsubscribe = "unsubscribe";

    /// <summary>Open positions.</summary>
    public const string PositionsList = "positions.list";

    /// <summary>Working orders.</summary>
    public const string OrdersList = "orders.list";

    /// <summary>Deals of a time range.</summary>
    public const string HistoryDeals = "history.deals";

    /// <summary>Historical orders of a time range.</summary>
    public const string HistoryOrders = "history.orders";

    /// <summary>OrderCheck.</summary>
    public const string OrderCheck = "order.check";

    /// <summary>OrderCalcMargin.</summary>
    public const string CalcMargin = "calc.margin";

    /// <summary>OrderCalcProfit.</summary>
    public const string CalcProfit = "calc.profit";

    /// <summary>OrderSend with a full MqlTradeRequest.</summary>
    public const string TradeSend = "trade.send";

    /// <summary>Close a position.</summary>
    public const string TradeClosePosition = "trade.close_position";

    /// <summary>Change a position's SL/TP.</summary>
    public const string TradeModifyPosition = "trade.modify_position";

    /// <summary>Delete a pending order.</summary>
    public const string TradeCancelOrder = "trade.cancel_order";

    /// <summary>Event: a tick of a subscribed symbol.</summary>
    public const string TickEvent = "tick";

    /// <summary>Event: a depth-of-market state.</summary>
    public const string BookEvent = "book";

    /// <summary>Event: a closed bar of a subscribed (symbol, timeframe).</summary>
    public const string BarEvent = "bar";

    /// <summary>Event: an OnTradeTransaction call (never dropped).</summary>
    public const string TradeTransactionEvent = "trade_tx";

    /// <summary>Event: balance, equity or margin changed.</summary>
    public const string AccountEvent = "account";

    /// <summary>Event: terminal connection or trade permission changed.</summary>
    public const string TerminalEvent = "terminal";

    /// <summary>Whether <paramref name="op"/> is a trade operation (its lost answer makes the outcome uncertain).</summary>
    public static bool IsTrade(string op) => op.StartsWith("trade.", StringComparison.Ordinal);
}
