namespace MtMcp.Domain;

/// <summary>Account type (ENUM_ACCOUNT_TRADE_MODE). Demo is 0, contest 1, real 2: never the other way round.</summary>
public enum AccountTradeMode
{
    /// <summary>Demo account.</summary>
    Demo = 0,

    /// <summary>Contest account.</summary>
    Contest = 1,

    /// <summary>Real-money account.</summary>
    Real = 2,
}
