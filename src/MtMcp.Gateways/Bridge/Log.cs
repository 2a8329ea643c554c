using Microsoft.Extensions.Logging;

namespace MtMcp.Gateways.Bridge;

/// <summary>The bridge's log messages. They never carry the token; logins are masked.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = LogEvents.Listening, Level = LogLevel.Information, Message = "MetaTrader bridge listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, System.Net.EndPoint endPoint);

    [LoggerMessage(EventId = LogEvents.HandshakeRejected, Level = LogLevel.Warning, Message = "Bridge handshake from {Remote} rejected: {Code} {Reason}")]
    public static partial void HandshakeRejected(ILogger logger, string remote, string code, string reason);

    [LoggerMessage(EventId = LogEvents.SessionOpened, Level = LogLevel.Information, Message = "Bridge session {ConnId} opened for {Account} (EA {EaVersion}, build {Build}, trading {Trading})")]
    public static partial void SessionOpened(ILogger logger, string connId, string account, string eaVersion, int build, bool trading);

    [LoggerMessage(EventId = LogEvents.SessionReplaced, Level = LogLevel.Information, Message = "Bridge session {OldConnId} for {Account} replaced by {NewConnId}")]
    public static partial void SessionReplaced(ILogger logger, string oldConnId, string account, string newConnId);

    [LoggerMessage(EventId = LogEvents.SessionClosed, Level = LogLevel.Information, Message = "Bridge session {ConnId} for {Account} closed: {Reason}")]
    public static partial void SessionClosed(ILogger logger, string connId, string account, string reason);

    [LoggerMessage(EventId = LogEvents.LateResponse, Level = LogLevel.Debug, Message = "Bridge session {ConnId}: ignored an answer to {Re}, which is no longer awaited")]
    public static partial void LateResponse(ILogger logger, string connId, string re);

    [LoggerMessage(EventId = LogEvents.SequenceGap, Level = LogLevel.Warning, Message = "Bridge session {ConnId}: event seq {Seq} where {Expected} was expected; state must be resynchronised")]
    public static partial void SequenceGap(ILogger logger, string connId, long seq, long expected);

    [LoggerMessage(EventId = LogEvents.DuplicateEvent, Level = LogLevel.Debug, Message = "Bridge session {ConnId}: dropped repeated event seq {Seq}")]
    public static partial void DuplicateEvent(ILogger logger, string connId, long seq);

    [LoggerMessage(EventId = LogEvents.PeerError, Level = LogLevel.Warning, Message = "Bridge session {ConnId}: the EA reported {Code}: {Message}")]
    public static partial void PeerError(ILogger logger, string connId, string code, string message);

    [LoggerMessage(EventId = LogEvents.UnsupportedEvent, Level = LogLevel.Debug, Message = "Bridge session {ConnId}: event {Op} could not be read: {Reason}")]
    public static partial void UnsupportedEvent(ILogger logger, string connId, string op, string reason);

    [LoggerMessage(EventId = LogEvents.AcceptFailed, Level = LogLevel.Error, Message = "The bridge listener stopped accepting connections")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = LogEvents.TradeUncertain, Level = LogLevel.Warning, Message = "Bridged account {Account}: the answer to trade {Tag} was lost ({Reason} {Retcode}); reconciling")]
    public static partial void TradeUncertain(ILogger logger, string account, string tag, string reason, int retcode);

    [LoggerMessage(EventId = LogEvents.TradeReconciled, Level = LogLevel.Information, Message = "Bridged account {Account}: trade {Tag} reconciled with retcode {Retcode} (0: not executed)")]
    public static partial void TradeReconciled(ILogger logger, string account, string tag, int retcode);
}
