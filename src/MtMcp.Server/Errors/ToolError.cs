namespace MtMcp.Server;

/// <summary>The body of every failed tool call (snake_case in JSON).</summary>
/// <param name="ErrorCode">A stable code from <see cref="ToolErrorCodes"/>.</param>
/// <param name="Message">What was wrong and what is allowed, written for a model to act on.</param>
/// <param name="Retryable">Whether the same call may succeed later unchanged (market closed, requote); false for bad input.</param>
/// <param name="Argument">The argument at fault, when one is.</param>
/// <param name="Retcode">The MT5 trade server return code of a <see cref="ToolErrorCodes.TradeRejected"/> error.</param>
public sealed record ToolError(string ErrorCode, string Message, bool Retryable, string? Argument = null, int? Retcode = null);
