using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>The real <c>mtmcp serve</c> process over stdio, driven by the C# SDK client.</summary>
public sealed class StdioEndToEndTests
{
    [Fact]
    public async Task Serve_Stdio_AnswersTheSdkClientAndWritesOnlyJsonRpcToStdout()
    {
        using var data = new TempDirectory();
        using var process = Start(data.Path);
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        var stdout = new RecordingStream(process.StandardOutput.BaseStream);
        try
        {
            await using (var client = await McpClient.CreateAsync(
                new StreamClientTransport(process.StandardInput.BaseStream, stdout), cancellationToken: TestContext.Current.CancellationToken))
            {
                Assert.Equal("mtmcp", client.ServerInfo?.Name);
                var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
                Assert.Equal(47, tools.Count);
                Assert.All(tools, t => Assert.NotNull(t.ProtocolTool.Annotations?.DestructiveHint));

                var quote = await client.CallToolAsync("get_quote", new Dictionary<string, object?> { ["symbols"] = new[] { "EURUSD" } },
                    cancellationToken: TestContext.Current.CancellationToken);
                Assert.NotEqual(true, quote.IsError);
                var q = quote.StructuredContent!.Value.GetProperty("quotes")[0];
                Assert.True(q.GetProperty("ask").GetDouble() > q.GetProperty("bid").GetDouble());

                var bad = await client.CallToolAsync("get_bars", new Dictionary<string, object?> { ["symbol"] = "EURUSD", ["timeframe"] = "H5" },
                    cancellationToken: TestContext.Current.CancellationToken);
                Assert.True(bad.IsError);
            }

            // Closing stdin ends the server.
            process.StandardInput.Close();
            using var exit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            exit.CancelAfter(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(exit.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        // Every byte on stdout is a JSON-RPC message, one per line: logs went elsewhere.
        var lines = Encoding.UTF8.GetString(stdout.Recorded()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 4, $"stdout: {lines.Length} lines; stderr: {stderr}");
        foreach (var line in lines)
        {
            using var message = JsonDocument.Parse(line);
            Assert.Equal("2.0", message.RootElement.GetProperty("jsonrpc").GetString());
        }

        lock (stderr)
        {
            Assert.True(stderr.Length > 0, "the server logs to stderr");
        }
    }

    [Fact]
    public async Task Serve_LiveModeWithoutConfiguration_ExitsWithTheSettingToChange()
    {
        using var data = new TempDirectory();
        using var process = Start(data.Path, "--mode", "live");
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("trading.live.enabled", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task Serve_MetaApiAccountWithoutAToken_ExitsNamingBothPlacesForIt()
    {
        using var data = new TempDirectory();
        var config = Path.Combine(data.Path, "config.json");
        await File.WriteAllTextAsync(config, """{ "metaapi": { "account_id": "865d3a4d-3803-486d-bdf3-a85679d9fad2" } }""", TestContext.Current.CancellationToken);
        using var process = Start(data.Path, info => info.Environment.Remove("METAAPI_TOKEN"), "--config", config);
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("metaapi.token", stderr, StringComparison.Ordinal);
        Assert.Contains("METAAPI_TOKEN", stderr, StringComparison.Ordinal);
    }

    private static Process Start(string dataDir, params string[] extra) => Start(dataDir, _ => { }, extra);

    private static Process Start(string dataDir, Action<ProcessStartInfo> configure, params string[] extra)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        configure(info);
        info.ArgumentList.Add(CliPath());
        info.ArgumentList.Add("--data-dir");
        info.ArgumentList.Add(dataDir);
        info.ArgumentList.Add("serve");
        foreach (var arg in extra)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    internal static string CliPath()
    {
        // The test runs from tests/MtMcp.Server.Tests/bin/<configuration>/<tfm>; the CLI builds to the same place under src/.
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfm.Parent!.Name;
        var path = Path.Combine(SharedData.RepoRoot, "src", "MtMcp.Cli", "bin", configuration, tfm.Name, "mtmcp.dll");
        Assert.True(File.Exists(path), $"{path} is missing: build src/MtMcp.Cli first.");
        return path;
    }
}
