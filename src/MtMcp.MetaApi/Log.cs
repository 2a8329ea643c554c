using Microsoft.Extensions.Logging;

namespace MtMcp.MetaApi;

/// <summary>The connector's log messages. They carry paths and status codes, never the token.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = LogEvents.RequestRetried, Level = LogLevel.Debug, Message = "MetaApi {Method} {Path}: attempt {Attempt} failed ({Problem}); retrying in {DelayMs} ms")]
    public static partial void RequestRetried(ILogger logger, string method, string path, int attempt, string problem, long delayMs);

    [LoggerMessage(EventId = LogEvents.RequestFailed, Level = LogLevel.Warning, Message = "MetaApi {Method} {Path} failed: {Problem}")]
    public static partial void RequestFailed(ILogger logger, string method, string path, string problem);

    [LoggerMessage(EventId = LogEvents.QuotePollFailed, Level = LogLevel.Debug, Message = "MetaApi account {Account}: polling the price of {Symbol} failed: {Problem}")]
    public static partial void QuotePollFailed(ILogger logger, string account, string symbol, string problem);

    [LoggerMessage(EventId = LogEvents.TradeUncertain, Level = LogLevel.Warning, Message = "MetaApi account {Account}: the answer to trade {ClientId} was lost ({Reason}); reconciling")]
    public static partial void TradeUncertain(ILogger logger, string account, string clientId, string reason);

    [LoggerMessage(EventId = LogEvents.TradeReconciled, Level = LogLevel.Information, Message = "MetaApi account {Account}: trade {ClientId} reconciled with retcode {Retcode} (0: not executed)")]
    public static partial void TradeReconciled(ILogger logger, string account, string clientId, int retcode);
}
