namespace MtMcp.Gateways.Bridge;

/// <summary>The envelope <c>type</c> values of the bridge protocol.</summary>
public static class BridgeMessageTypes
{
    /// <summary>Server nonce for HMAC authentication (optional, before <c>hello</c>).</summary>
    public const string Challenge = "challenge";

    /// <summary>The EA's first message: token, platform, account and capabilities.</summary>
    public const string Hello = "hello";

    /// <summary>The server's answer to a valid <c>hello</c>.</summary>
    public const string Welcome = "welcome";

    /// <summary>A server request.</summary>
    public const string Request = "req";

    /// <summary>The EA's answer to a request.</summary>
    public const string Response = "res";

    /// <summary>An EA event (tick, trade transaction, …).</summary>
    public const string Event = "evt";

    /// <summary>Heartbeat probe.</summary>
    public const string Ping = "ping";

    /// <summary>Heartbeat answer.</summary>
    public const string Pong = "pong";

    /// <summary>A link-level error.</summary>
    public const string Error = "error";

    /// <summary>The sender is closing the link.</summary>
    public const string Bye = "bye";
}
