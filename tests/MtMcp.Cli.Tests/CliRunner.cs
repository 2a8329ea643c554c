using Microsoft.Extensions.Time.Testing;
using MtMcp.Testing;

namespace MtMcp.Cli.Tests;

/// <summary>Runs <c>mtmcp</c> in-process against a throwaway data directory and captures its output.</summary>
internal sealed class CliRunner : IDisposable
{
    private readonly TempDirectory _home = new();

    public CliRunner(DateTimeOffset? now = null) =>
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2025, 3, 3, 12, 0, 0, TimeSpan.Zero));

    public FakeTimeProvider Time { get; }

    public string DataDir => _home.Path;

    public string File(string name) => _home.File(name);

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] withDir = [.. args, "--data-dir", DataDir];
        var code = await CliApplication.RunAsync(withDir, output, error, Time, TestContext.Current.CancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>SHA-256 of every file under the data directory, by relative path: the store's exact state.</summary>
    public SortedDictionary<string, string> Snapshot()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(DataDir, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(DataDir, path)] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.IO.File.ReadAllBytes(path)));
        }

        return files;
    }

    public void Dispose() => _home.Dispose();
}

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
