namespace MtMcp.Engine;

/// <summary>
/// A gateway could not reach its venue (terminal disconnected, link timeout): an infrastructure failure, not a broker
/// answer. <see cref="IsTransient"/> tells whether trying again later may succeed.
/// </summary>
/// <remarks>Marked mutable as every exception is (stack trace, <see cref="Exception.Data"/>); its own state is fixed.</remarks>
[Mutable]
public sealed class GatewayUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GatewayUnavailableException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException) => IsTransient = isTransient;

    /// <summary>Creates the exception (transient).</summary>
    public GatewayUnavailableException()
        : this("The venue cannot be reached.", isTransient: true)
    {
    }

    /// <summary>Creates the exception (transient).</summary>
    public GatewayUnavailableException(string message)
        : this(message, isTransient: true)
    {
    }

    /// <summary>Creates the exception (transient).</summary>
    public GatewayUnavailableException(string message, Exception innerException)
        : this(message, isTransient: true, innerException)
    {
    }

    /// <summary>Whether trying again later may succeed.</summary>
    public bool IsTransient { get; }
}
