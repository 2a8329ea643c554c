namespace MtMcp.Domain;

/// <summary>The static description of a trading account, as ACCOUNT_* properties give it.</summary>
public sealed record AccountInfo
{
    /// <summary>Account number (ACCOUNT_LOGIN).</summary>
    public required ulong Login { get; init; }

    /// <summary>Trade server name (ACCOUNT_SERVER).</summary>
    public required string Server { get; init; }

    /// <summary>Client name (ACCOUNT_NAME).</summary>
    public string Name { get; init; } = "";

    /// <summary>Broker (ACCOUNT_COMPANY).</summary>
    public string Company { get; init; } = "";

    /// <summary>Deposit currency (ACCOUNT_CURRENCY).</summary>
    public required string Currency { get; init; }

    /// <summary>Decimal places of money amounts in the deposit currency.</summary>
    public int CurrencyDigits { get; init; } = 2;

    /// <summary>Leverage 1:N as N (ACCOUNT_LEVERAGE).</summary>
    public required int Leverage { get; init; }

    /// <summary>Demo, contest or real (ACCOUNT_TRADE_MODE): 0, 1, 2.</summary>
    public required AccountTradeMode TradeMode { get; init; }

    /// <summary>Netting or hedging (ACCOUNT_MARGIN_MODE).</summary>
    public required AccountMarginMode MarginMode { get; init; }

    /// <summary>Unit of the margin call and stop-out levels (ACCOUNT_MARGIN_SO_MODE).</summary>
    public AccountStopoutMode StopoutMode { get; init; } = AccountStopoutMode.Percent;

    /// <summary>Margin call level (ACCOUNT_MARGIN_SO_CALL), percent or money per <see cref="StopoutMode"/>.</summary>
    public double MarginCall { get; init; } = 100;

    /// <summary>Stop-out level (ACCOUNT_MARGIN_SO_SO), percent or money per <see cref="StopoutMode"/>.</summary>
    public double MarginStopOut { get; init; } = 50;

    /// <summary>Whether the account may trade at all (ACCOUNT_TRADE_ALLOWED).</summary>
    public bool TradeAllowed { get; init; } = true;

    /// <summary>Whether the account is a real-money account: the one that needs explicit live enabling.</summary>
    public bool IsReal => TradeMode == AccountTradeMode.Real;

    /// <summary>Whether many positions per symbol are allowed.</summary>
    public bool IsHedging => MarginMode == AccountMarginMode.RetailHedging;
}
