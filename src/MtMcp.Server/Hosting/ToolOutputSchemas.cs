using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace MtMcp.Server;

/// <summary>
/// The tools' output schemas, worked out ahead of time. The SDK builds a tool's output schema from its
/// <see cref="McpServerToolAttribute.OutputSchemaType"/> when the tool is created, which walks every result type's
/// serialization metadata and costs about a sixth of the server's start (JIT of thousands of metadata methods). The
/// same schemas, made by the same call with the same options, are kept in <c>Hosting/output-schemas.json</c> (an
/// embedded resource) and handed to the SDK instead; a test fails when that file differs from what the SDK would build.
/// </summary>
public static class ToolOutputSchemas
{
    private const string ResourceName = "MtMcp.Server.Hosting.output-schemas.json";

    private static readonly Lazy<Dictionary<string, JsonElement>> Stored = new(Load);

    /// <summary>
    /// Registers every tool of <typeparamref name="TTools"/> as the SDK's <c>WithTools&lt;T&gt;</c> does (a new instance
    /// per call, constructor dependencies from the request's services), with the stored output schema where there is
    /// one; a tool missing from the file gets its schema built by the SDK as usual.
    /// </summary>
    public static IMcpServerBuilder WithToolsOf<[DynamicallyAccessedMembers(
        DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors)] TTools>(
        this IMcpServerBuilder builder, JsonSerializerOptions serializerOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var method in ToolMethods(typeof(TTools)))
        {
            var name = method.GetCustomAttribute<McpServerToolAttribute>()!.Name!;
            builder.Services.AddSingleton(services => McpServerTool.Create(
                method,
                static request => ActivatorUtilities.CreateInstance(request.Services!, typeof(TTools)),
                new McpServerToolCreateOptions
                {
                    Services = services,
                    SerializerOptions = serializerOptions,
                    OutputSchema = Stored.Value.TryGetValue(name, out var schema) ? schema : null,
                }));
        }

        return builder;
    }

    /// <summary>
    /// The file's content as the SDK would build it now: every tool's schema from its output type and
    /// <see cref="ToolJson.Options"/>, by tool name.
    /// </summary>
    public static string Render()
    {
        var root = new JsonObject();
        var tools = typeof(ToolOutputSchemas).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<McpServerToolTypeAttribute>() is not null)
            .SelectMany(ToolMethods)
            .Select(m => m.GetCustomAttribute<McpServerToolAttribute>()!)
            .Where(a => a.OutputSchemaType is not null)
            .OrderBy(a => a.Name, StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            var schema = AIJsonUtilities.CreateJsonSchema(tool.OutputSchemaType!, serializerOptions: ToolJson.Options);
            root[tool.Name!] = JsonNode.Parse(schema.GetRawText());
        }

        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return root.ToJsonString(options).ReplaceLineEndings("\n") + "\n";
    }

    private static IEnumerable<MethodInfo> ToolMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<McpServerToolAttribute>() is not null);

    private static Dictionary<string, JsonElement> Load()
    {
        using var stream = typeof(ToolOutputSchemas).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return new Dictionary<string, JsonElement>();
        }

        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }
}
