using Microsoft.Extensions.Logging;

namespace MtMcp.Server;

/// <summary>The server's log messages (source-generated). They never carry credentials or account secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = LogEvents.ServerStarting, Level = LogLevel.Information, Message = "mtmcp MCP server starting over {Transport}: mode {Mode}, toolsets {Toolsets}")]
    public static partial void ServerStarting(ILogger logger, string transport, ServerMode mode, IReadOnlyList<string> toolsets);

    [LoggerMessage(EventId = LogEvents.ServerListening, Level = LogLevel.Information, Message = "Streamable HTTP endpoint at {Url}mcp, health at {Url}healthz")]
    public static partial void ServerListening(ILogger logger, Uri url);

    [LoggerMessage(EventId = LogEvents.ToolFailed, Level = LogLevel.Debug, Message = "Tool {Tool} answered {ErrorCode}: {Message}")]
    public static partial void ToolFailed(ILogger logger, string tool, string errorCode, string message);

    [LoggerMessage(EventId = LogEvents.ToolFault, Level = LogLevel.Error, Message = "Tool {Tool} failed with a fault")]
    public static partial void ToolFault(ILogger logger, string tool, Exception exception);

    [LoggerMessage(EventId = LogEvents.QuotesPrimed, Level = LogLevel.Information, Message = "Demo market quotes primed for {Count} symbols")]
    public static partial void QuotesPrimed(ILogger logger, int count);

    [LoggerMessage(EventId = LogEvents.QuoteStreamFailed, Level = LogLevel.Error, Message = "The demo market quote stream stopped")]
    public static partial void QuoteStreamFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = LogEvents.OriginRejected, Level = LogLevel.Warning, Message = "Rejected an HTTP request from origin {Origin} (403)")]
    public static partial void OriginRejected(ILogger logger, string origin);

    [LoggerMessage(EventId = LogEvents.SubscriberDropped, Level = LogLevel.Debug, Message = "Dropped a resource subscriber that could not be notified")]
    public static partial void SubscriberDropped(ILogger logger, Exception error);

    [LoggerMessage(EventId = LogEvents.MetaApiConnected, Level = LogLevel.Information, Message = "MetaApi account {Account} connected ({TradeMode}, trading {Trading})")]
    public static partial void MetaApiConnected(ILogger logger, string account, MtMcp.Domain.AccountTradeMode tradeMode, string trading);

    [LoggerMessage(EventId = LogEvents.MetaApiUnavailable, Level = LogLevel.Warning, Message = "MetaApi account {Account} cannot be reached yet: {Reason}; trying again in {DelaySeconds} s")]
    public static partial void MetaApiUnavailable(ILogger logger, string account, string reason, double delaySeconds);
}
