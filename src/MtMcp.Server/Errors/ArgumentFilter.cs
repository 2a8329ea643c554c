using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MtMcp.Server;

/// <summary>
/// Keeps the tool error shape uniform where the SDK would answer in its own words: a required argument that is missing
/// or null, and arguments the SDK cannot bind to the tool's parameters (a string where a number belongs). Both become
/// INVALID_ARGUMENT tool errors; the tool body never runs, so nothing changes.
/// </summary>
internal static class ArgumentFilter
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var name = context.Params?.Name ?? "";
            var runner = context.Services!.GetRequiredService<ToolRunner>();
            if (context.Server.ServerOptions.ToolCollection?.TryGetPrimitive(name, out var tool) == true
                && Missing(tool.ProtocolTool.InputSchema, context.Params?.Arguments) is { } missing)
            {
                return runner.Failure(name, new ToolError(ToolErrorCodes.InvalidArgument,
                    $"{missing} is required (see the tool's input schema); nothing was done.", Retryable: false, missing));
            }

            CallToolResult result;
            try
            {
                result = await next(context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException and not McpProtocolException and not InputRequiredException)
            {
                // Tool bodies never throw (ToolRunner answers for them): this is the SDK failing to bind the arguments.
                return BadArguments(runner, name);
            }

            return result.IsError == true && !IsToolError(result) ? BadArguments(runner, name) : result;
        };

    private static CallToolResult BadArguments(ToolRunner runner, string name) =>
        runner.Failure(name, new ToolError(ToolErrorCodes.InvalidArgument,
            $"The arguments do not fit {name}'s input schema: a value has the wrong type (e.g. text where a number belongs) or format. Nothing was done.",
            Retryable: false));

    private static string? Missing(JsonElement schema, IDictionary<string, JsonElement>? arguments)
    {
        if (!schema.TryGetProperty("required", out var required) || required.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var item in required.EnumerateArray())
        {
            var key = item.GetString()!;
            if (arguments is null || !arguments.TryGetValue(key, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return key;
            }
        }

        return null;
    }

    // Our own errors are ToolError JSON; anything else came from the SDK.
    private static bool IsToolError(CallToolResult result) =>
        result.Content is [TextContentBlock { Text: var text }] && text.StartsWith("{\"error_code\":", StringComparison.Ordinal);
}
