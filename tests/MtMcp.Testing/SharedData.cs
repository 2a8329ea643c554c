namespace MtMcp.Testing;

/// <summary>
/// Locates the real market data that lives beside the repository at <c>../shared/data</c>.
/// Tests read it in place; it is never copied into the project.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> s_repoRoot = new(FindRepoRoot);

    /// <summary>The repository root (the folder holding <c>MtMcp.slnx</c>).</summary>
    public static string RepoRoot => s_repoRoot.Value;

    /// <summary>The shared data folder, <c>&lt;repo&gt;/../shared/data</c>.</summary>
    public static string Root => System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared", "data"));

    /// <summary>A path inside the shared data folder; fails the test when the file is missing.</summary>
    public static string Path(params string[] parts)
    {
        var path = System.IO.Path.Combine([Root, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"Shared test data is missing: {path}. CI places ../shared beside the repository.", path);
        }

        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MtMcp.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No MtMcp.slnx above {AppContext.BaseDirectory}.");
    }
}
