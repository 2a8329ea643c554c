namespace MtMcp.Paper;

/// <summary>The audit records of account administration (create, reset, remove): configuration changes outside any step.</summary>
internal static class AccountAudit
{
    /// <summary>Kind of the records.</summary>
    public const string Kind = "account";

    /// <summary>An account created or reset with <paramref name="settings"/> and a starting balance of <paramref name="deposit"/>.</summary>
    public static AuditRecord Opened(string action, string account, AccountSettings settings, decimal deposit, long timeMs, TradeOrigin origin)
    {
        var info = settings.Info;
        var payload = new CanonicalJson()
            .Add("action", action)
            .Add("deposit", deposit)
            .Add("currency", info.Currency)
            .Add("leverage", (long)info.Leverage)
            .Add("margin_mode", info.MarginMode.ToString())
            .Add("margin_call", info.MarginCall)
            .Add("stop_out", info.MarginStopOut)
            .Add("commission_per_lot", settings.Commission.PerLot)
            .Add("commission_per_million", settings.Commission.PerMillion)
            .Add("spread_markup_points", (long)settings.SpreadMarkupPoints)
            .Add("max_positions", (long)settings.MaxPositions)
            .Add("max_pending_orders", (long)settings.MaxPendingOrders)
            .Add("negative_balance_protection", settings.NegativeBalanceProtection)
            .Add("hedge_allowed", settings.HedgeAllowed)
            .Add("fifo_close", settings.FifoClose);
        return new AuditRecord(Kind, timeMs, account, origin.Actor, origin.Channel, null, payload.ToString());
    }

    /// <summary>An account removed with its history (its audit records stay).</summary>
    public static AuditRecord Removed(string account, long timeMs, TradeOrigin origin) =>
        new(Kind, timeMs, account, origin.Actor, origin.Channel, null, new CanonicalJson().Add("action", "remove").ToString());
}
