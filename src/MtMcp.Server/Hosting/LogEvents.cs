namespace MtMcp.Server;

/// <summary>The event ids of the server's log messages, in one place so they never collide.</summary>
internal static class LogEvents
{
    public const int ServerStarting = 5000;
    public const int ServerListening = 5001;
    public const int ToolFailed = 5010;
    public const int ToolFault = 5011;
    public const int QuotesPrimed = 5020;
    public const int QuoteStreamFailed = 5021;
    public const int OriginRejected = 5030;
    public const int SubscriberDropped = 5040;
    public const int MetaApiConnected = 5050;
    public const int MetaApiUnavailable = 5051;
    public const int AlertFired = 5100;
    public const int WebhookRejected = 5101;
    public const int WebhookFailed = 5102;
    public const int AlertFailed = 5103;
}
