namespace MtMcp.Cli;

/// <summary>A mistake in what the user asked for: printed as a one-line error, exit code 2, no stack trace.</summary>
internal sealed class UserErrorException(string message) : Exception(message);
