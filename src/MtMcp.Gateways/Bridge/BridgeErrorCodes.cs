namespace MtMcp.Gateways.Bridge;

/// <summary>Error codes of the bridge protocol (bridge-protocol.md §6, plus the extensions in bridge/PROTOCOL.md).</summary>
public static class BridgeErrorCodes
{
    /// <summary>Bad token or HMAC (server; closes the link).</summary>
    public const string Unauthorized = "UNAUTHORIZED";

    /// <summary><c>proto</c> not supported (closes the link).</summary>
    public const string UnsupportedVersion = "UNSUPPORTED_VERSION";

    /// <summary>Invalid JSON, missing field, message before <c>welcome</c> (closes the link).</summary>
    public const string ProtocolError = "PROTOCOL_ERROR";

    /// <summary>A line over the negotiated <c>max_line</c> (closes the link).</summary>
    public const string LineTooLong = "LINE_TOO_LONG";

    /// <summary>The EA does not implement the op.</summary>
    public const string UnknownOp = "UNKNOWN_OP";

    /// <summary>The EA refused a field or enum name.</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>SymbolSelect failed.</summary>
    public const string SymbolNotFound = "SYMBOL_NOT_FOUND";

    /// <summary>The terminal is not connected to the trade server.</summary>
    public const string NotConnected = "NOT_CONNECTED";

    /// <summary>Trading is not enabled (server setting, Algo Trading, account).</summary>
    public const string TradingDisabled = "TRADING_DISABLED";

    /// <summary>Too many requests in flight at the EA.</summary>
    public const string Busy = "BUSY";

    /// <summary>The deadline passed without an answer.</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>The link was lost while the request was in flight.</summary>
    public const string Disconnected = "DISCONNECTED";

    /// <summary>Unexpected failure.</summary>
    public const string Internal = "INTERNAL";

    /// <summary>Extension (server): the caller stopped waiting after the request was sent.</summary>
    public const string Canceled = "CANCELED";

    /// <summary>Extension (server): the EA sent an enum name this server does not know.</summary>
    public const string Unsupported = "UNSUPPORTED";

    /// <summary>Whether an error of this code ends the link (it is followed by <c>bye</c> and close).</summary>
    public static bool IsFatal(string code) =>
        code is Unauthorized or UnsupportedVersion or ProtocolError or LineTooLong;
}
