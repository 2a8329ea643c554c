using Microsoft.Extensions.Logging;

namespace MtMcp.Server;

// The alert log messages (ids in LogEvents, 5100 range). Webhook URLs are never logged: they may carry tokens.
internal static partial class Log
{
    [LoggerMessage(EventId = LogEvents.AlertFired, Level = LogLevel.Information, Message = "Alert {Id} on {Symbol} fired: {Message}")]
    public static partial void AlertFired(ILogger logger, string id, string symbol, string message);

    [LoggerMessage(EventId = LogEvents.WebhookRejected, Level = LogLevel.Warning, Message = "The webhook of alert {Id} answered HTTP {Status}")]
    public static partial void WebhookRejected(ILogger logger, string id, int status);

    [LoggerMessage(EventId = LogEvents.WebhookFailed, Level = LogLevel.Warning, Message = "The webhook of alert {Id} failed ({Error}); the firing is recorded")]
    public static partial void WebhookFailed(ILogger logger, string id, string error);

    [LoggerMessage(EventId = LogEvents.AlertFailed, Level = LogLevel.Error, Message = "Alert {Id} could not be checked or recorded")]
    public static partial void AlertFailed(ILogger logger, string id, Exception exception);
}
