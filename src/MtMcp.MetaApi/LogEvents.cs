namespace MtMcp.MetaApi;

/// <summary>The event ids of the MetaApi connector's log messages, in one place so they never collide (7100–7199).</summary>
internal static class LogEvents
{
    public const int RequestRetried = 7100;
    public const int RequestFailed = 7101;
    public const int QuotePollFailed = 7110;
    public const int TradeUncertain = 7130;
    public const int TradeReconciled = 7131;
}
