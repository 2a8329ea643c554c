namespace MtMcp.Server;

/// <summary>
/// The stable <c>error_code</c> values of tool errors. They are public API: clients and models branch on them, so a
/// code is never renamed or reused with another meaning.
/// </summary>
public static class ToolErrorCodes
{
    /// <summary>An argument is missing, malformed, out of range or contradicts another.</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>The symbol is not in the catalogue.</summary>
    public const string UnknownSymbol = "UNKNOWN_SYMBOL";

    /// <summary>The account does not exist.</summary>
    public const string UnknownAccount = "UNKNOWN_ACCOUNT";

    /// <summary>The symbol is outside its trade sessions.</summary>
    public const string MarketClosed = "MARKET_CLOSED";

    /// <summary>The venue rejected the request; <c>retcode</c> carries the MT5 trade server return code.</summary>
    public const string TradeRejected = "TRADE_REJECTED";

    /// <summary>The pre-trade risk gate refused the request.</summary>
    public const string RiskLimit = "RISK_LIMIT";

    /// <summary>The data asked for does not exist (no history for the symbol or range).</summary>
    public const string NoData = "NO_DATA";

    /// <summary>What the tool needs does not run in this configuration (a toolset left out, an unreachable terminal).</summary>
    public const string NotAvailable = "NOT_AVAILABLE";

    /// <summary>The caller may not use this tool or account.</summary>
    public const string Unauthorized = "UNAUTHORIZED";

    /// <summary>The request is larger than the server serves in one call; page through it.</summary>
    public const string TooLarge = "TOO_LARGE";

    /// <summary>
    /// The order needs the user's confirmation and none was given: the client cannot ask (no elicitation), or the
    /// confirmation is unknown, expired or for another order. Nothing was sent.
    /// </summary>
    public const string ConfirmationRequired = "CONFIRMATION_REQUIRED";

    /// <summary>The user declined the confirmation; nothing was sent.</summary>
    public const string Declined = "DECLINED";

    /// <summary>Too many requests from this caller; retry after the time the HTTP Retry-After header gives.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>A fault in the server; the details are in its log, not in the answer.</summary>
    public const string Internal = "INTERNAL";
}
