namespace MtMcp.Risk;

/// <summary>
/// The stable reason codes of the pre-trade gate (<see cref="GateDecision.Check"/>, <see cref="TradeResult.RiskCheck"/>).
/// They are part of the public contract: tools, reports and audits key on them; never rename one.
/// </summary>
public static class RiskChecks
{
    /// <summary>The request passed every check.</summary>
    public const string Ok = "ok";

    /// <summary><c>trading_mode</c> is <c>close_only</c> or <c>disabled</c>.</summary>
    public const string TradingMode = "trading_mode";

    /// <summary>The kill switch is engaged for the account or globally.</summary>
    public const string KillSwitch = "kill_switch";

    /// <summary>The actor was disabled by the repeated-execution breaker and waits for an admin.</summary>
    public const string RepeatedExecution = "repeated_execution";

    /// <summary>The symbol is on the deny list.</summary>
    public const string SymbolDenied = "symbol_denied";

    /// <summary>An allow list is set and the symbol is not on it.</summary>
    public const string SymbolNotAllowed = "symbol_not_allowed";

    /// <summary>The drawdown from the equity peak is beyond <c>max_drawdown_percent</c>.</summary>
    public const string MaxDrawdown = "max_drawdown";

    /// <summary>The loss since the start of the day is beyond <c>max_daily_loss_percent</c>.</summary>
    public const string DailyLossLimit = "daily_loss_limit";

    /// <summary>The account or the actor already sent <c>max_orders_per_minute</c> orders in the last 60 s.</summary>
    public const string MaxOrdersPerMinute = "max_orders_per_minute";

    /// <summary>The account or the actor already sent <c>max_orders_per_day</c> orders today.</summary>
    public const string MaxOrdersPerDay = "max_orders_per_day";

    /// <summary><c>require_stop_loss</c> is on and the request has no stop loss (or removes it).</summary>
    public const string StopLossRequired = "stop_loss_required";

    /// <summary>The order volume is beyond <c>max_order_volume</c> (account or symbol).</summary>
    public const string MaxOrderVolume = "max_order_volume";

    /// <summary>The order price is further from the market than <c>price_collar_percent</c>.</summary>
    public const string PriceCollar = "price_collar";

    /// <summary>The order notional is beyond <c>max_order_notional</c> (account or symbol).</summary>
    public const string MaxOrderNotional = "max_order_notional";

    /// <summary>The order would open more than <c>max_open_positions</c> positions.</summary>
    public const string MaxOpenPositions = "max_open_positions";

    /// <summary>The order would make more than <c>max_pending_orders</c> pending orders.</summary>
    public const string MaxPendingOrders = "max_pending_orders";

    /// <summary>The symbol's resulting volume in one direction is beyond its <c>max_position_volume</c>.</summary>
    public const string MaxPositionVolume = "max_position_volume";

    /// <summary>The symbol's resulting notional is beyond <c>position_size_percent</c> of equity.</summary>
    public const string MaxPositionSize = "max_position_size";

    /// <summary>The account's resulting exposure needs more margin at the regulatory caps than its equity.</summary>
    public const string LeverageLimit = "leverage_limit";

    /// <summary>The new position is too correlated with existing exposure in the same direction (refused or reduced).</summary>
    public const string CorrelationLimit = "correlation_limit";

    /// <summary>The venue's state (account, positions, orders, quotes) could not be read or valued, so the request cannot be checked (bridged accounts).</summary>
    public const string VenueState = "venue_state";
}
