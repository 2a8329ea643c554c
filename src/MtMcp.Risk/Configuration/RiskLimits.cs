using System.Collections.Frozen;

namespace MtMcp.Risk;

/// <summary>
/// The limits that apply to one account: the global configuration with the account's overrides applied. A limit is
/// the largest allowed value (an order exactly at it passes); 0 switches a limit off. <c>new RiskLimits()</c> gives
/// the documented safe defaults (docs/risk.md).
/// </summary>
public sealed record RiskLimits
{
    /// <summary>What the account may do at all (<c>risk_management.trading_mode</c>).</summary>
    public TradingMode TradingMode { get; init; } = TradingMode.Full;

    /// <summary>Largest drawdown from the equity peak, percent (<c>risk_management.max_drawdown_percent</c>); reached: new risk is blocked until an admin resets the peak.</summary>
    public double MaxDrawdownPercent { get; init; } = 20;

    /// <summary>Largest loss since the start of the day, percent of the reference (<c>risk_management.max_daily_loss_percent</c>); reached: new risk is blocked until the next day.</summary>
    public double MaxDailyLossPercent { get; init; } = 5;

    /// <summary>What the daily loss is measured from (<c>risk_management.daily_loss_reference</c>).</summary>
    public DailyLossReference DailyLossReference { get; init; } = DailyLossReference.Equity;

    /// <summary>Where the day starts (<c>risk_management.day_boundary</c>).</summary>
    public DayBoundary DayBoundary { get; init; } = DayBoundary.Server;

    /// <summary>Whether a loss-limit breach also asks the host to close every position (<c>risk_management.flatten_on_breach</c>).</summary>
    public bool FlattenOnBreach { get; init; }

    /// <summary>
    /// Largest notional of one symbol's resulting position (larger direction), percent of equity
    /// (<c>risk_management.position_size_percent</c>); 0 = off.
    /// </summary>
    public double PositionSizePercent { get; init; }

    /// <summary>
    /// Largest return correlation (0..1) of a new position with existing exposure in the same direction
    /// (<c>risk_management.correlation_limit</c>); 0 = off.
    /// </summary>
    public double CorrelationLimit { get; init; }

    /// <summary>What happens to an order beyond the correlation limit (<c>risk_management.correlation_action</c>).</summary>
    public CorrelationAction CorrelationAction { get; init; } = CorrelationAction.Refuse;

    /// <summary>Whether every new position or pending order needs a stop loss (<c>risk_management.require_stop_loss</c>).</summary>
    public bool RequireStopLoss { get; init; }

    /// <summary>Largest distance of an order price from the market, percent of the market price (<c>risk_management.price_collar_percent</c>).</summary>
    public double PriceCollarPercent { get; init; } = 5;

    /// <summary>Most orders per rolling minute, counted per account and per actor (<c>risk_management.max_orders_per_minute</c>).</summary>
    public int MaxOrdersPerMinute { get; init; } = 60;

    /// <summary>Most orders per trading day, counted per account and per actor (<c>risk_management.max_orders_per_day</c>).</summary>
    public int MaxOrdersPerDay { get; init; } = 2000;

    /// <summary>Identical executions (symbol, type, volume) by one actor that trip the breaker (<c>risk_management.repeated_execution.count</c>).</summary>
    public int RepeatedExecutionCount { get; init; } = 10;

    /// <summary>The window of the repeated-execution breaker, seconds (<c>risk_management.repeated_execution.window_seconds</c>).</summary>
    public double RepeatedExecutionWindowSeconds { get; init; } = 60;

    /// <summary>Symbols that may be traded; empty = all (<c>risk_management.allowed_symbols</c>).</summary>
    public FrozenSet<string> AllowedSymbols { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Symbols that may not be traded (<c>risk_management.denied_symbols</c>).</summary>
    public FrozenSet<string> DeniedSymbols { get; init; } = FrozenSet<string>.Empty;

    /// <summary>The regulatory profile (<c>compliance.profile</c>).</summary>
    public ComplianceProfile Profile { get; init; } = ComplianceProfile.EuRetail;

    /// <summary>Leverage caps per class (<c>compliance.leverage_limits</c>; the profile's preset unless overridden).</summary>
    public LeverageCaps Leverage { get; init; } = LeverageCaps.EuRetail;

    /// <summary>Largest order volume in lots (<c>position_limits.max_order_volume</c>).</summary>
    public decimal MaxOrderVolume { get; init; } = 50m;

    /// <summary>Largest order notional in the account currency (<c>position_limits.max_order_notional</c>); 0 = off.</summary>
    public double MaxOrderNotional { get; init; }

    /// <summary>Most open positions (<c>position_limits.max_open_positions</c>).</summary>
    public int MaxOpenPositions { get; init; } = 200;

    /// <summary>Most pending orders (<c>position_limits.max_pending_orders</c>).</summary>
    public int MaxPendingOrders { get; init; } = 200;

    /// <summary>Per-symbol overrides (<c>position_limits.symbols</c>), by symbol name, case-insensitive.</summary>
    public FrozenDictionary<string, SymbolLimits> Symbols { get; init; } = FrozenDictionary<string, SymbolLimits>.Empty;
}
