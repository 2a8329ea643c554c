using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>The stored output schemas are what the SDK would build, and the server's tools equal the SDK's own registration.</summary>
public sealed class ToolOutputSchemasTests
{
    [Fact]
    public void ToolOutputSchemas_CheckedInFile_MatchesWhatTheSdkBuilds()
    {
        var path = Path.Combine(SharedData.RepoRoot, "src", "MtMcp.Server", "Hosting", "output-schemas.json");
        var rendered = ToolOutputSchemas.Render();
        if (Environment.GetEnvironmentVariable("MTMCP_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        Assert.True(File.Exists(path), "src/MtMcp.Server/Hosting/output-schemas.json is missing: run the test with MTMCP_UPDATE_DOCS=1 to write it.");
        Assert.True(File.ReadAllText(path).ReplaceLineEndings("\n") == rendered,
            "src/MtMcp.Server/Hosting/output-schemas.json is stale: run `MTMCP_UPDATE_DOCS=1 dotnet test tests/MtMcp.Server.Tests --filter ToolOutputSchemas` "
            + "and rebuild.");
    }

    [Fact]
    public void ServerTools_EqualTheSdksOwnRegistration_ToolForTool()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var builder = services.AddMtMcpServer(new ServerSettings { DataDirectory = Path.GetTempPath() }, TimeProvider.System);
        var ours = services.Count(d => d.ServiceType == typeof(McpServerTool));
        var toolTypes = typeof(ToolOutputSchemas).Assembly.GetTypes().Where(t => t.GetCustomAttribute<McpServerToolTypeAttribute>() is not null);
        builder.WithTools(toolTypes, ToolJson.Options);
        using var provider = services.BuildServiceProvider();

        var tools = provider.GetServices<McpServerTool>().ToList();
        var sdk = tools.Skip(ours).ToDictionary(t => t.ProtocolTool.Name);
        Assert.Equal(ours, sdk.Count);
        Assert.Contains(tools.Take(ours), t => t.ProtocolTool.OutputSchema is not null);
        foreach (var tool in tools.Take(ours))
        {
            Assert.True(sdk.TryGetValue(tool.ProtocolTool.Name, out var reference), $"{tool.ProtocolTool.Name} is not a tool the SDK registers");
            Assert.Equal(Json(reference.ProtocolTool), Json(tool.ProtocolTool));
        }
    }

    private static string Json(ModelContextProtocol.Protocol.Tool tool) => JsonSerializer.Serialize(tool, McpJsonUtilities.DefaultOptions);
}
