using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>docs/tools.md is generated from the server's metadata and must match it.</summary>
public sealed class ToolsReferenceTests
{
    [Fact]
    public void ToolsReference_CheckedInDocument_MatchesTheServerMetadata()
    {
        var path = Path.Combine(SharedData.RepoRoot, "docs", "tools.md");
        var rendered = ToolsReference.Render();
        if (Environment.GetEnvironmentVariable("MTMCP_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        Assert.True(File.Exists(path), "docs/tools.md is missing: run the test with MTMCP_UPDATE_DOCS=1 to write it.");
        Assert.True(File.ReadAllText(path).ReplaceLineEndings("\n") == rendered,
            "docs/tools.md is stale: run `MTMCP_UPDATE_DOCS=1 dotnet test tests/MtMcp.Server.Tests --filter ToolsReference` and review the diff.");
    }

    [Fact]
    public void ToolsReference_Render_ListsEveryToolOnce()
    {
        var rendered = ToolsReference.Render();
        foreach (var (_, tools) in ToolsReference.Collect())
        {
            foreach (var tool in tools)
            {
                Assert.Single(System.Text.RegularExpressions.Regex.Matches(rendered, $"### `{tool.Name}`"));
            }
        }
    }
}
