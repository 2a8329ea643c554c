namespace MtMcp.Server;

/// <summary>What the server may do with accounts: nothing, paper trading, or live trading.</summary>
public enum ServerMode
{
    /// <summary>Market data, analysis and account reads only: no tool that sends, changes or cancels an order is exposed.</summary>
    ReadOnly,

    /// <summary>Trading on the paper venue (the default).</summary>
    Paper,

    /// <summary>Trading through a broker gateway; needs <c>trading.live.enabled = true</c> in the configuration.</summary>
    Live,
}
