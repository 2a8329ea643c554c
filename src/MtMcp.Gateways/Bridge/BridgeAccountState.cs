namespace MtMcp.Gateways.Bridge;

/// <summary>The answer to <c>account.info</c>: the account's description, its money and the terminal's state.</summary>
public sealed record BridgeAccountState
{
    /// <summary>Login, server, currency, leverage, trade and margin modes.</summary>
    public required AccountInfo Info { get; init; }

    /// <summary>Balance in the deposit currency.</summary>
    public decimal Balance { get; init; }

    /// <summary>Credit.</summary>
    public decimal Credit { get; init; }

    /// <summary>Equity.</summary>
    public double Equity { get; init; }

    /// <summary>Floating profit.</summary>
    public double Profit { get; init; }

    /// <summary>Used margin.</summary>
    public double Margin { get; init; }

    /// <summary>Free margin.</summary>
    public double FreeMargin { get; init; }

    /// <summary>Margin level in percent (0 without margin).</summary>
    public double MarginLevel { get; init; }

    /// <summary>Whether the terminal is connected to the trade server (TERMINAL_CONNECTED).</summary>
    public bool TerminalConnected { get; init; }

    /// <summary>Whether the Algo Trading button is on (TERMINAL_TRADE_ALLOWED).</summary>
    public bool TerminalTradeAllowed { get; init; }

    /// <summary>Whether the EA may trade (MQL_TRADE_ALLOWED and ACCOUNT_TRADE_EXPERT).</summary>
    public bool ExpertTradeAllowed { get; init; }

    /// <summary>Broker server time minus UTC.</summary>
    public TimeSpan ServerTimeOffset { get; init; }
}
