namespace MtMcp.Gateways.Bridge;

/// <summary>The MQL name tables of the MT5 enums the bridge carries (mt5.md §2).</summary>
public static class MqlNames
{
    /// <summary>ENUM_TRADE_REQUEST_ACTIONS.</summary>
    public static MqlEnumNames<TradeAction> TradeAction { get; } = new("TRADE_ACTION_", (Domain.TradeAction.SlTp, "SLTP"));

    /// <summary>ENUM_ORDER_TYPE.</summary>
    public static MqlEnumNames<OrderType> OrderType { get; } = new("ORDER_TYPE_");

    /// <summary>ENUM_ORDER_TYPE_FILLING.</summary>
    public static MqlEnumNames<OrderFilling> OrderFilling { get; } = new("ORDER_FILLING_");

    /// <summary>ENUM_ORDER_TYPE_TIME.</summary>
    public static MqlEnumNames<OrderTimeType> OrderTimeType { get; } = new("ORDER_TIME_");

    /// <summary>ENUM_ORDER_STATE.</summary>
    public static MqlEnumNames<OrderState> OrderState { get; } = new("ORDER_STATE_");

    /// <summary>ENUM_POSITION_TYPE.</summary>
    public static MqlEnumNames<PositionType> PositionType { get; } = new("POSITION_TYPE_");

    /// <summary>ENUM_POSITION_REASON.</summary>
    public static MqlEnumNames<PositionReason> PositionReason { get; } = new("POSITION_REASON_");

    /// <summary>ENUM_ORDER_REASON (<c>ORDER_REASON_SL</c>, <c>_TP</c>, <c>_SO</c>).</summary>
    public static MqlEnumNames<OrderReason> OrderReason { get; } = new("ORDER_REASON_",
        (Domain.OrderReason.StopLoss, "SL"), (Domain.OrderReason.TakeProfit, "TP"), (Domain.OrderReason.StopOut, "SO"));

    /// <summary>ENUM_DEAL_REASON (<c>DEAL_REASON_SL</c>, <c>_TP</c>, <c>_SO</c>, <c>_VMARGIN</c>).</summary>
    public static MqlEnumNames<DealReason> DealReason { get; } = new("DEAL_REASON_",
        (Domain.DealReason.StopLoss, "SL"), (Domain.DealReason.TakeProfit, "TP"), (Domain.DealReason.StopOut, "SO"), (Domain.DealReason.VariationMargin, "VMARGIN"));

    /// <summary>ENUM_DEAL_TYPE (<c>DEAL_TYPE_BUY</c>; MQL spells the canceled kinds <c>DEAL_TYPE_BUY_CANCELED</c>).</summary>
    public static MqlEnumNames<DealType> DealType { get; } = new("DEAL_TYPE_");

    /// <summary>ENUM_DEAL_ENTRY.</summary>
    public static MqlEnumNames<DealEntry> DealEntry { get; } = new("DEAL_ENTRY_", (Domain.DealEntry.InOut, "INOUT"));

    /// <summary>ENUM_TRADE_TRANSACTION_TYPE.</summary>
    public static MqlEnumNames<TradeTransactionType> TradeTransactionType { get; } = new("TRADE_TRANSACTION_");

    /// <summary>ENUM_ACCOUNT_TRADE_MODE.</summary>
    public static MqlEnumNames<AccountTradeMode> AccountTradeMode { get; } = new("ACCOUNT_TRADE_MODE_");

    /// <summary>ENUM_ACCOUNT_MARGIN_MODE.</summary>
    public static MqlEnumNames<AccountMarginMode> AccountMarginMode { get; } = new("ACCOUNT_MARGIN_MODE_");

    /// <summary>ENUM_ACCOUNT_STOPOUT_MODE.</summary>
    public static MqlEnumNames<AccountStopoutMode> AccountStopoutMode { get; } = new("ACCOUNT_STOPOUT_MODE_");

    /// <summary>ENUM_SYMBOL_CALC_MODE.</summary>
    public static MqlEnumNames<SymbolCalcMode> SymbolCalcMode { get; } = new("SYMBOL_CALC_MODE_",
        (Domain.SymbolCalcMode.CfdIndex, "CFDINDEX"), (Domain.SymbolCalcMode.CfdLeverage, "CFDLEVERAGE"));

    /// <summary>ENUM_SYMBOL_TRADE_MODE.</summary>
    public static MqlEnumNames<SymbolTradeMode> SymbolTradeMode { get; } = new("SYMBOL_TRADE_MODE_",
        (Domain.SymbolTradeMode.LongOnly, "LONGONLY"), (Domain.SymbolTradeMode.ShortOnly, "SHORTONLY"), (Domain.SymbolTradeMode.CloseOnly, "CLOSEONLY"));

    /// <summary>ENUM_SYMBOL_TRADE_EXECUTION.</summary>
    public static MqlEnumNames<SymbolTradeExecution> SymbolTradeExecution { get; } = new("SYMBOL_TRADE_EXECUTION_");

    /// <summary>ENUM_SYMBOL_ORDER_GTC_MODE.</summary>
    public static MqlEnumNames<OrderGtcMode> OrderGtcMode { get; } = new("SYMBOL_ORDERS_");

    /// <summary>ENUM_SYMBOL_SWAP_MODE.</summary>
    public static MqlEnumNames<SymbolSwapMode> SymbolSwapMode { get; } = new("SYMBOL_SWAP_MODE_");

    /// <summary>ENUM_DAY_OF_WEEK (<c>SUNDAY</c> … <c>SATURDAY</c>, no prefix).</summary>
    public static MqlEnumNames<DayOfWeek> DayOfWeek { get; } = new("");

    /// <summary>
    /// The account's trade mode by name. Anything but <c>ACCOUNT_TRADE_MODE_DEMO</c> counts as live
    /// (bridge-protocol.md §4), so an unknown name is <see cref="Domain.AccountTradeMode.Real"/>.
    /// </summary>
    public static AccountTradeMode ParseTradeModeAsLiveUnlessDemo(string? name) =>
        AccountTradeMode.TryParse(name, out var mode) ? mode : Domain.AccountTradeMode.Real;
}
