namespace MtMcp.Risk;

/// <summary>An account's loss-limit and rate figures at one moment (<see cref="PreTradeGate.Status"/>).</summary>
public sealed record AccountRiskStatus
{
    /// <summary>The account.</summary>
    public required string Account { get; init; }

    /// <summary>Equity now, account currency.</summary>
    public required double Equity { get; init; }

    /// <summary>Start of the current trading day, Unix ms UTC.</summary>
    public required long DayStartMs { get; init; }

    /// <summary>The daily loss reference (start-of-day equity, or the larger of balance and equity).</summary>
    public required double DayReference { get; init; }

    /// <summary>Loss since the day start, percent of the reference (negative = a gain).</summary>
    public required double DailyLossPercent { get; init; }

    /// <summary>Whether the daily loss limit blocks new risk until the next day.</summary>
    public required bool DailyLossBlocked { get; init; }

    /// <summary>The equity peak the drawdown is measured from.</summary>
    public required double Peak { get; init; }

    /// <summary>Drawdown from the peak, percent.</summary>
    public required double DrawdownPercent { get; init; }

    /// <summary>Whether the drawdown limit blocks new risk until an admin resets it.</summary>
    public required bool DrawdownBlocked { get; init; }

    /// <summary>Orders counted in the last 60 s.</summary>
    public required int OrdersLastMinute { get; init; }

    /// <summary>Orders counted today.</summary>
    public required int OrdersToday { get; init; }

    /// <summary>Whether the kill switch blocks the account.</summary>
    public required bool KillSwitch { get; init; }

    /// <summary>The limits in force for the account.</summary>
    public required RiskLimits Limits { get; init; }
}
