namespace MtMcp.Gateways.Bridge;

/// <summary>The event ids of the gateway's log messages, in one place so they never collide.</summary>
internal static class LogEvents
{
    public const int Listening = 7000;
    public const int HandshakeRejected = 7001;
    public const int SessionOpened = 7002;
    public const int SessionReplaced = 7003;
    public const int SessionClosed = 7004;
    public const int LateResponse = 7010;
    public const int SequenceGap = 7011;
    public const int DuplicateEvent = 7012;
    public const int PeerError = 7013;
    public const int UnsupportedEvent = 7014;
    public const int AcceptFailed = 7020;
    public const int TradeUncertain = 7030;
    public const int TradeReconciled = 7031;
}
