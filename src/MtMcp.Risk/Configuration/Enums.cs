namespace MtMcp.Risk;

/// <summary>What an account may do at all (<c>risk_management.trading_mode</c>).</summary>
public enum TradingMode
{
    /// <summary>Every request the limits allow.</summary>
    Full,

    /// <summary>Only risk-reducing requests: closing positions, cancelling orders, changing SL/TP.</summary>
    CloseOnly,

    /// <summary>Nothing but cancelling orders and closing positions, and no amendments either.</summary>
    Disabled,
}

/// <summary>The regulatory profile whose leverage caps apply (<c>compliance.profile</c>).</summary>
public enum ComplianceProfile
{
    /// <summary>ESMA retail CFDs (Decision (EU) 2018/796): 30/20/10/5/2 per underlying.</summary>
    EuRetail,

    /// <summary>US retail forex (NFA Financial Requirements §12): 50:1 on the listed major currencies, 20:1 otherwise.</summary>
    UsRetailFx,

    /// <summary>Professional client: no regulatory cap (the broker's leverage and the other limits still apply).</summary>
    Professional,
}

/// <summary>The reference the daily loss is measured from (<c>risk_management.daily_loss_reference</c>).</summary>
public enum DailyLossReference
{
    /// <summary>Equity at the start of the day.</summary>
    Equity,

    /// <summary>The larger of balance and equity at the start of the day (the prop-firm rule).</summary>
    MaxBalanceEquity,
}

/// <summary>Where the trading day starts, for the daily loss and the per-day order count (<c>risk_management.day_boundary</c>).</summary>
public enum DayBoundary
{
    /// <summary>Midnight of the trade server's clock (the account's server time offset; 22:00 UTC at +2 h).</summary>
    Server,

    /// <summary>00:00 UTC.</summary>
    Utc,
}

/// <summary>What the correlation check does with a too-correlated order (<c>risk_management.correlation_action</c>).</summary>
public enum CorrelationAction
{
    /// <summary>Refuse the order.</summary>
    Refuse,

    /// <summary>
    /// Treat the correlated positions and the order as one position for <c>position_size_percent</c> and cut the
    /// order to what still fits; refuse when nothing fits (or no size limit is set).
    /// </summary>
    Reduce,
}
