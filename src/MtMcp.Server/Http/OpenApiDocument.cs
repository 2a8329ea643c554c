using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Server;

namespace MtMcp.Server.Http;

/// <summary>
/// The OpenAPI 3.1 document of the REST API, generated from the tools' own metadata (names, descriptions, input and
/// output JSON schemas, annotations), so it can never drift from what <c>tools/list</c> says.
/// </summary>
internal static class OpenApiDocument
{
    /// <summary>The document as JSON.</summary>
    public static string Build(IEnumerable<McpServerTool> tools, HttpRequest request)
    {
        var paths = new JsonObject();
        foreach (var tool in tools)
        {
            var t = tool.ProtocolTool;
            var item = new JsonObject { ["post"] = Operation(t, get: false) };
            if (t.Annotations?.ReadOnlyHint == true)
            {
                item["get"] = Operation(t, get: true);
            }

            paths[$"{RestApi.Prefix}/tools/{t.Name}"] = item;
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "MetaTrader MCP Server REST API",
                ["version"] = ServerComposition.Version,
                ["description"] = "Every MCP tool as POST /api/v1/tools/{name} (JSON body of the tool's arguments) and, for read-only tools, GET with query "
                    + "parameters. Errors carry {error_code, message, retryable, argument, retcode}.",
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = $"{request.Scheme}://{request.Host}" }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject
                {
                    ["ToolError"] = JsonNode.Parse("""
                        {"type":"object","required":["error_code","message","retryable"],"properties":{
                          "error_code":{"type":"string"},"message":{"type":"string"},"retryable":{"type":"boolean"},
                          "argument":{"type":["string","null"]},"retcode":{"type":["integer","null"]}}}
                        """),
                },
                ["securitySchemes"] = new JsonObject
                {
                    ["apiKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-Api-Key" },
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["description"] = "An API key or an OAuth 2.1 access token (JWT)." },
                },
            },
            ["security"] = new JsonArray(new JsonObject { ["apiKey"] = new JsonArray() }, new JsonObject { ["bearer"] = new JsonArray() }),
        };
        return document.ToJsonString();
    }

    private static JsonObject Operation(ModelContextProtocol.Protocol.Tool tool, bool get)
    {
        var operation = new JsonObject
        {
            ["operationId"] = get ? tool.Name + "_get" : tool.Name,
            ["summary"] = tool.Title ?? tool.Name,
            ["description"] = tool.Description,
            ["tags"] = new JsonArray(ScopeFilter.Required(tool.Name)),
            ["responses"] = new JsonObject
            {
                ["200"] = Json("The tool's result.", tool.OutputSchema is { } output ? JsonNode.Parse(output.GetRawText()) : new JsonObject { ["type"] = "object" }),
                ["default"] = Json("A tool error; the status follows error_code (400, 401, 403, 404, 409, 413, 422, 429, 501, 500).",
                    new JsonObject { ["$ref"] = "#/components/schemas/ToolError" }),
            },
        };
        if (get)
        {
            var parameters = new JsonArray();
            if (tool.InputSchema.TryGetProperty("properties", out var properties))
            {
                var required = tool.InputSchema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
                foreach (var property in properties.EnumerateObject())
                {
                    parameters.Add(new JsonObject
                    {
                        ["name"] = property.Name,
                        ["in"] = "query",
                        ["required"] = required.Contains(property.Name),
                        ["schema"] = JsonNode.Parse(property.Value.GetRawText()),
                    });
                }
            }

            operation["parameters"] = parameters;
        }
        else
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = JsonNode.Parse(tool.InputSchema.GetRawText()) } },
            };
        }

        return operation;
    }

    private static JsonObject Json(string description, JsonNode? schema) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema } },
    };
}
