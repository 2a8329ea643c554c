using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace MtMcp.Server;

/// <summary>
/// Runs a tool body and shapes the answer: the value as <c>structuredContent</c> plus the same JSON as text, or a
/// tool error (<c>isError</c>) whose text is the <see cref="ToolError"/> JSON.
/// </summary>
/// <remarks>
/// Error results carry no <c>structuredContent</c>: the official Node client validates structured content against the
/// tool's output schema even on errors, and an error object cannot match a success schema. Faults that are not
/// <see cref="ToolErrorException"/>s are logged with their details and answered with <see cref="ToolErrorCodes.Internal"/>
/// and no details, so nothing internal reaches the model. Thread-safe.
/// </remarks>
internal sealed class ToolRunner(ILogger<ToolRunner> logger)
{
    /// <summary>Runs a synchronous tool body.</summary>
    public CallToolResult Run<T>(string tool, Func<T> body, JsonTypeInfo<T> info)
    {
        try
        {
            return Success(body(), info);
        }
        catch (ToolErrorException error)
        {
            return Failure(tool, error.Error);
        }
        catch (Exception fault) when (fault is not OperationCanceledException and not InputRequiredException)
        {
            return Fault(tool, fault);
        }
    }

    /// <summary>Runs an asynchronous tool body.</summary>
    public async ValueTask<CallToolResult> RunAsync<T>(string tool, Func<ValueTask<T>> body, JsonTypeInfo<T> info)
    {
        try
        {
            return Success(await body().ConfigureAwait(false), info);
        }
        catch (ToolErrorException error)
        {
            return Failure(tool, error.Error);
        }
        catch (Exception fault) when (fault is not OperationCanceledException and not InputRequiredException)
        {
            return Fault(tool, fault);
        }
    }

    /// <summary>
    /// Runs an asynchronous tool body whose text content is a document of its own (CSV, Markdown) rather than the JSON of
    /// the structured content; a null text falls back to the JSON.
    /// </summary>
    public async ValueTask<CallToolResult> RunWithTextAsync<T>(string tool, Func<ValueTask<(T Value, string? Text)>> body, JsonTypeInfo<T> info)
    {
        try
        {
            var (value, text) = await body().ConfigureAwait(false);
            var result = Success(value, info);
            if (text is not null)
            {
                result.Content = [new TextContentBlock { Text = text }];
            }

            return result;
        }
        catch (ToolErrorException error)
        {
            return Failure(tool, error.Error);
        }
        catch (Exception fault) when (fault is not OperationCanceledException and not InputRequiredException)
        {
            return Fault(tool, fault);
        }
    }

    /// <summary>A tool error result.</summary>
    public CallToolResult Failure(string tool, ToolError error)
    {
        Log.ToolFailed(logger, tool, error.ErrorCode, error.Message);
        return new CallToolResult
        {
            IsError = true,
            Content = [new TextContentBlock { Text = JsonSerializer.Serialize(error, ServerJsonContext.Default.ToolError) }],
        };
    }

    private static CallToolResult Success<T>(T value, JsonTypeInfo<T> info)
    {
        var element = JsonSerializer.SerializeToElement(value, info);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = element.GetRawText() }],
            StructuredContent = element,
        };
    }

    private CallToolResult Fault(string tool, Exception fault)
    {
        Log.ToolFault(logger, tool, fault);
        return Failure(tool, new ToolError(ToolErrorCodes.Internal,
            $"{tool} failed because of a fault in the server (it is logged there). Nothing else is known; the call may be retried once.", Retryable: true));
    }
}
