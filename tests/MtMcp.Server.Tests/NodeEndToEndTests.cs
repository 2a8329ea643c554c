using System.Diagnostics;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>The real server over stdio driven by the official Node MCP SDK client (tests/e2e/smoke.mjs).</summary>
public sealed class NodeEndToEndTests
{
    [Fact]
    public async Task Serve_Stdio_PassesTheNodeSdkSmokeTest()
    {
        var e2e = Path.Combine(SharedData.RepoRoot, "tests", "e2e");
        var (ready, why) = await EnsureNodeAsync(e2e);
        if (!ready)
        {
            Assert.Skip(why);
        }

        using var data = new TempDirectory();
        var (code, output) = await RunAsync("node", e2e, "smoke.mjs", "stdio", "dotnet", StdioEndToEndTests.CliPath(), "--data-dir", data.Path, "serve");
        Assert.True(code == 0, output);
        Assert.Contains("ok: 47 tools over stdio", output, StringComparison.Ordinal);
    }

    /// <summary>Whether node and the pinned SDK are there (installing it with npm ci the first time), and why not.</summary>
    internal static async Task<(bool Ready, string Why)> EnsureNodeAsync(string e2e)
    {
        // Test classes run in parallel: install once, and let every caller wait for that one install.
        await s_install.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return s_installed ??= await InstallAsync(e2e);
        }
        finally
        {
            s_install.Release();
        }
    }

    private static readonly SemaphoreSlim s_install = new(1, 1);
    private static (bool Ready, string Why)? s_installed;

    private static async Task<(bool Ready, string Why)> InstallAsync(string e2e)
    {
        if (await RunAsync("node", e2e, "--version") is not (0, _))
        {
            return (false, "node is not installed: the Node SDK end-to-end tests need Node.js 18 or later (and npm).");
        }

        if (!Directory.Exists(Path.Combine(e2e, "node_modules", "@modelcontextprotocol", "sdk"))
            && await RunAsync("npm", e2e, "ci", "--no-audit", "--no-fund") is not (0, _))
        {
            return (false, "npm ci failed in tests/e2e (no npm or no registry access): cannot install @modelcontextprotocol/sdk.");
        }

        return (true, "");
    }

    internal static async Task<(int Code, string Output)> RunAsync(string command, string directory, params string[] args)
    {
        var info = new ProcessStartInfo(command) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, $"{command} not found");
        }
    }
}
