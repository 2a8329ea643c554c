using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MtMcp.Server.Http;

/// <summary>
/// The REST API at <c>/api/v1</c>, a mirror of the MCP tools: <c>POST /api/v1/tools/{name}</c> with the tool's arguments
/// as a JSON object (snake_case, as in the tool's input schema), <c>GET</c> with query parameters for read-only tools,
/// <c>GET /api/v1/tools</c> for the list the caller may use and <c>GET /api/v1/openapi.json</c> for the OpenAPI document.
/// A success is 200 with the tool's structured result; a failure is the tool error body with a status from its code.
/// </summary>
internal static class RestApi
{
    /// <summary>The path prefix.</summary>
    public const string Prefix = "/api/v1";

    /// <summary>The largest request body accepted (bytes).</summary>
    public const int MaxBody = 64 * 1024;

    /// <summary>Maps the endpoints; returns the group so the caller adds authorization and rate limits.</summary>
    public static RouteGroupBuilder MapRestApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix);
        group.MapGet("/tools", (HttpContext http, ToolGateway gateway, ServerSettings settings) =>
        {
            var list = new JsonArray();
            foreach (var tool in gateway.Tools)
            {
                if (ScopeFilter.Allows(settings, Caller(http, settings), tool.ProtocolTool.Name))
                {
                    list.Add(JsonSerializer.SerializeToNode(tool.ProtocolTool, ModelContextProtocol.McpJsonUtilities.DefaultOptions));
                }
            }

            return Results.Text(new JsonObject { ["tools"] = list }.ToJsonString(), "application/json");
        });
        group.MapGet("/openapi.json", (HttpContext http, ToolGateway gateway) => Results.Text(OpenApiDocument.Build(gateway.Tools, http.Request), "application/json"));
        group.MapPost("/tools/{name}", CallAsync);
        group.MapGet("/tools/{name}", CallAsync);
        return group;
    }

    private static async Task CallAsync(HttpContext http, string name, ToolGateway gateway, ServerSettings settings)
    {
        var tool = gateway.Find(name);
        if (tool is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status404NotFound, new ToolError(ToolErrorCodes.InvalidArgument,
                $"There is no tool '{Tools.UntrustedText.Clean(name, 64)}'; GET {Prefix}/tools lists them.", Retryable: false)).ConfigureAwait(false);
            return;
        }

        Dictionary<string, JsonElement> arguments;
        try
        {
            arguments = HttpMethods.IsGet(http.Request.Method)
                ? FromQuery(tool, http.Request.Query)
                : await FromBodyAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        }
        catch (ToolErrorException error)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, error.Error).ConfigureAwait(false);
            return;
        }

        var result = await gateway.CallAsync(tool, arguments, Caller(http, settings) ?? new(), http.RequestServices, http.RequestAborted).ConfigureAwait(false);
        var text = result.Content is [TextContentBlock block] ? block.Text : "{}";
        if (result.IsError == true)
        {
            var error = JsonSerializer.Deserialize(text, ServerJsonContext.Default.ToolError)!;
            await WriteErrorAsync(http, Status(error.ErrorCode), error).ConfigureAwait(false);
            return;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(result.StructuredContent?.GetRawText() ?? text, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The HTTP status of a tool error code.</summary>
    public static int Status(string code) => code switch
    {
        ToolErrorCodes.InvalidArgument => StatusCodes.Status400BadRequest,
        ToolErrorCodes.UnknownSymbol or ToolErrorCodes.UnknownAccount or ToolErrorCodes.NoData => StatusCodes.Status404NotFound,
        ToolErrorCodes.MarketClosed or ToolErrorCodes.ConfirmationRequired or ToolErrorCodes.Declined => StatusCodes.Status409Conflict,
        ToolErrorCodes.TradeRejected or ToolErrorCodes.RiskLimit => StatusCodes.Status422UnprocessableEntity,
        ToolErrorCodes.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ToolErrorCodes.NotAvailable => StatusCodes.Status501NotImplemented,
        ToolErrorCodes.Unauthorized => StatusCodes.Status403Forbidden,
        ToolErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Writes a tool error body.</summary>
    public static Task WriteErrorAsync(HttpContext http, int status, ToolError error)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(error, ServerJsonContext.Default.ToolError), http.RequestAborted);
    }

    // The authenticated caller; null when the server runs without authentication (the local operator).
    private static System.Security.Claims.ClaimsPrincipal? Caller(HttpContext http, ServerSettings settings) => settings.Auth.IsConfigured ? http.User : null;

    private static async Task<Dictionary<string, JsonElement>> FromBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Body.CanSeek && request.ContentType is null))
        {
            return [];
        }

        if (request.ContentLength > MaxBody)
        {
            throw new ToolErrorException(new ToolError(ToolErrorCodes.TooLarge, string.Create(CultureInfo.InvariantCulture, $"The request body is over {MaxBody} bytes."), Retryable: false));
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ToolErrorException.InvalidArgument("body", "The body must be a JSON object of the tool's arguments, e.g. {\"symbols\": [\"EURUSD\"]}.");
            }

            var arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                arguments[property.Name] = property.Value.Clone();
            }

            return arguments;
        }
        catch (JsonException error)
        {
            throw ToolErrorException.InvalidArgument("body", "The body is not valid JSON: " + Tools.UntrustedText.Clean(error.Message, 200));
        }
    }

    // Query parameters typed by the input schema: numbers and booleans as JSON values, arrays from repeats or commas.
    private static Dictionary<string, JsonElement> FromQuery(McpServerTool tool, IQueryCollection query)
    {
        if (tool.ProtocolTool.Annotations?.ReadOnlyHint != true)
        {
            throw new ToolErrorException(new ToolError(ToolErrorCodes.InvalidArgument,
                $"{tool.ProtocolTool.Name} changes state: call it with POST and a JSON body.", Retryable: false));
        }

        var properties = tool.ProtocolTool.InputSchema.TryGetProperty("properties", out var p) ? p : default;
        var arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, values) in query)
        {
            var type = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(key, out var schema) ? SchemaType(schema) : "string";
            JsonNode? node = type switch
            {
                "array" => new JsonArray([.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(v => (JsonNode)JsonValue.Create(v))]),
                "integer" or "number" => double.TryParse(values.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                    ? JsonValue.Create(n)
                    : throw ToolErrorException.InvalidArgument(key, $"{key} must be a number."),
                "boolean" => bool.TryParse(values.ToString(), out var b) ? JsonValue.Create(b) : throw ToolErrorException.InvalidArgument(key, $"{key} must be true or false."),
                _ => JsonValue.Create(values.ToString()),
            };
            arguments[key] = JsonSerializer.SerializeToElement(node, ServerJsonContext.Default.JsonNode);
        }

        return arguments;
    }

    private static string SchemaType(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return "string";
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString()!;
        }

        // ["integer", "null"] for optional parameters.
        foreach (var item in type.EnumerateArray())
        {
            if (item.GetString() is { } name && name != "null")
            {
                return name;
            }
        }

        return "string";
    }
}
