namespace MtMcp.Server;

/// <summary>
/// Ends a tool call with a tool error (an <c>isError</c> result), never a protocol error. Thrown by argument checks
/// and business outcomes inside tools; <see cref="ToolRunner"/> turns it into the answer.
/// </summary>
public sealed class ToolErrorException : Exception
{
    /// <summary>Creates the exception carrying <paramref name="error"/>.</summary>
    public ToolErrorException(ToolError error)
        : base(error?.Message)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Creates an <see cref="ToolErrorCodes.Internal"/> error with <paramref name="message"/>.</summary>
    public ToolErrorException(string message)
        : this(new ToolError(ToolErrorCodes.Internal, message, Retryable: false))
    {
    }

    /// <summary>Creates an <see cref="ToolErrorCodes.Internal"/> error.</summary>
    public ToolErrorException()
        : this("Internal error.")
    {
    }

    /// <summary>Creates an <see cref="ToolErrorCodes.Internal"/> error wrapping <paramref name="innerException"/>.</summary>
    public ToolErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new ToolError(ToolErrorCodes.Internal, message, Retryable: false);
    }

    /// <summary>The error returned to the caller.</summary>
    public ToolError Error { get; }

    /// <summary>An <see cref="ToolErrorCodes.InvalidArgument"/> error about <paramref name="argument"/>.</summary>
    public static ToolErrorException InvalidArgument(string argument, string message) =>
        new(new ToolError(ToolErrorCodes.InvalidArgument, message, Retryable: false, argument));
}
