namespace MtMcp.Gateways.Bridge;

/// <summary>
/// A bridge request or link failed: the protocol error <see cref="Code"/> (<see cref="BridgeErrorCodes"/>), a plain
/// message, and whether the request had already been handed to the link (<see cref="RequestSent"/>), which decides
/// whether a trade's outcome is uncertain.
/// </summary>
public sealed class BridgeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BridgeException(string code, string message, bool requestSent = false, int? mqlError = null)
        : base(message)
    {
        Code = code;
        RequestSent = requestSent;
        MqlError = mqlError;
    }

    /// <summary>Creates the exception with a generic code (for serializers and tooling).</summary>
    public BridgeException()
        : this(BridgeErrorCodes.Internal, "Bridge failure")
    {
    }

    /// <summary>Creates the exception with a generic code.</summary>
    public BridgeException(string message)
        : this(BridgeErrorCodes.Internal, message)
    {
    }

    /// <summary>Creates the exception with a generic code and an inner exception.</summary>
    public BridgeException(string message, Exception innerException)
        : base(message, innerException) => Code = BridgeErrorCodes.Internal;

    /// <summary>The protocol error code.</summary>
    public string Code { get; }

    /// <summary>Whether the request had been written to the link before it failed.</summary>
    public bool RequestSent { get; }

    /// <summary>The EA's <c>GetLastError()</c>, when it reported one.</summary>
    public int? MqlError { get; }

    /// <summary>Whether trying again later may succeed (a link or timing problem, not a refusal).</summary>
    public bool IsTransient => Code is BridgeErrorCodes.Timeout or BridgeErrorCodes.Disconnected
        or BridgeErrorCodes.Busy or BridgeErrorCodes.NotConnected;
}
