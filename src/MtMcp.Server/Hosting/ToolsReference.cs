using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MtMcp.Server;

/// <summary>
/// Renders <c>docs/tools.md</c> from the server's own tool metadata (names, titles, descriptions, annotations, input
/// and output schemas), toolset by toolset, so the reference can never drift from what clients see.
/// </summary>
public static class ToolsReference
{
    /// <summary>The tool definitions of each toolset as a paper-mode server exposes them, in <see cref="Toolsets.All"/> order.</summary>
    public static IReadOnlyList<(string Toolset, IReadOnlyList<Tool> Tools)> Collect()
    {
        var result = new List<(string, IReadOnlyList<Tool>)>();
        foreach (var toolset in Toolsets.All)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddMtMcpServer(new ServerSettings { DataDirectory = Path.GetTempPath(), Toolsets = [toolset] }, TimeProvider.System);
            using var provider = services.BuildServiceProvider();
            result.Add((toolset, [.. provider.GetServices<McpServerTool>().Select(t => t.ProtocolTool)]));
        }

        return result;
    }

    /// <summary>The Markdown reference.</summary>
    public static string Render()
    {
        var toolsets = Collect();
        var md = new StringBuilder();
        md.Append("# Tools reference\n\n")
            .Append("Generated from the server's own tool metadata (`ToolsReference.Render`); a test fails when this file is stale. ")
            .Append("Regenerate it with `MTMCP_UPDATE_DOCS=1 dotnet test tests/MtMcp.Server.Tests --filter ToolsReference`.\n\n")
            .Append("Every failure is a tool error (`isError`) whose text is `{\"error_code\", \"message\", \"retryable\", \"argument\", \"retcode\"}`; ")
            .Append("see [mcp-server.md](mcp-server.md#errors).\n\n")
            .Append("| toolset | tools |\n|---|---|\n");
        foreach (var (toolset, tools) in toolsets)
        {
            md.Append(CultureInfo.InvariantCulture, $"| [{toolset}](#{toolset}) | {string.Join(", ", tools.Select(t => $"`{t.Name}`"))} |\n");
        }

        foreach (var (toolset, tools) in toolsets)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## {toolset}\n");
            foreach (var tool in tools)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n### `{tool.Name}` — {tool.Title}\n\n{tool.Description}\n\n");
                md.Append(CultureInfo.InvariantCulture, $"Hints: {Hints(tool.Annotations)}.\n\n");
                AppendArguments(md, tool.InputSchema);
                AppendOutput(md, tool.OutputSchema);
            }
        }

        return md.ToString();
    }

    private static string Hints(ToolAnnotations? a) => a is null
        ? "none"
        : string.Join(" · ", [
            a.ReadOnlyHint == true ? "read-only" : "writes",
            a.DestructiveHint == true ? "destructive" : "non-destructive",
            a.IdempotentHint == true ? "idempotent" : "not idempotent",
            a.OpenWorldHint == true ? "open world" : "closed world"]);

    private static void AppendArguments(StringBuilder md, JsonElement schema)
    {
        if (!schema.TryGetProperty("properties", out var properties) || !properties.EnumerateObject().Any())
        {
            md.Append("Arguments: none.\n\n");
            return;
        }

        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
        md.Append("| argument | type | required | description |\n|---|---|---|---|\n");
        foreach (var property in properties.EnumerateObject())
        {
            var description = property.Value.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
            md.Append(CultureInfo.InvariantCulture,
                $"| `{property.Name}` | {TypeOf(property.Value)} | {(required.Contains(property.Name) ? "yes" : "no")} | {Cell(description)} |\n");
        }

        md.Append('\n');
    }

    private static void AppendOutput(StringBuilder md, JsonElement? schema)
    {
        if (schema is not { } s || !s.TryGetProperty("properties", out var properties))
        {
            md.Append("Output: no schema (text).\n");
            return;
        }

        md.Append("Output (`structuredContent`): ")
            .AppendJoin(", ", properties.EnumerateObject().Select(p => $"`{p.Name}` ({TypeOf(p.Value)})"))
            .Append(".\n");
    }

    private static string TypeOf(JsonElement schema)
    {
        // A schema may be the boolean `true` (any JSON value), as generated for JsonElement and object properties.
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            // A repeated type is a reference to its first definition.
            return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out _) ? "object" : "any";
        }

        var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).Where(t => t != "null").ToList() : [type.GetString()];
        var name = string.Join(" or ", names);
        if (name == "array" && schema.TryGetProperty("items", out var items))
        {
            return $"array of {TypeOf(items)}";
        }

        return name;
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
