using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ModelContextProtocol.Client;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>The real <c>mtmcp serve --http</c> process, driven by the C# SDK client and the Node SDK client.</summary>
public sealed class HttpEndToEndTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private Process? _server;
    private Uri _endpoint = null!;

    public async ValueTask InitializeAsync()
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { StdioEndToEndTests.CliPath(), "--data-dir", _data.Path, "serve", "--http", "--urls", $"http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(arg);
        }

        _server = Process.Start(info)!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        _endpoint = new Uri($"http://127.0.0.1:{port}/mcp");

        // Poll /healthz until the server answers (a deadline, not a sleep).
        using var http = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await http.GetAsync(new Uri(_endpoint, "/healthz"), TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(30) && !_server.HasExited)
            {
            }

            Assert.False(_server.HasExited, $"the server exited with {(_server.HasExited ? _server.ExitCode : 0)}");
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the server did not answer /healthz within 30 s");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(10_000);
        }

        _server?.Dispose();
        _data.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ServeHttp_SdkClient_TradesAPaperPositionEndToEnd()
    {
        await using var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = _endpoint });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);
        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(47, tools.Count);

        var account = await client.CallToolAsync("get_account", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("demo", account.StructuredContent!.Value.GetProperty("name").GetString());

        var bad = await client.CallToolAsync("get_quote", new Dictionary<string, object?> { ["symbols"] = new[] { "NOPE" } },
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(bad.IsError);
        Assert.Contains("UNKNOWN_SYMBOL", ServerHarness.Text(bad), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeHttp_NodeSdkClient_PassesTheSmokeTest()
    {
        var e2e = Path.Combine(SharedData.RepoRoot, "tests", "e2e");
        var (ready, why) = await NodeEndToEndTests.EnsureNodeAsync(e2e);
        if (!ready)
        {
            Assert.Skip(why);
        }

        var (code, output) = await NodeEndToEndTests.RunAsync("node", e2e, "smoke.mjs", "http", _endpoint.ToString());
        Assert.True(code == 0, output);
        Assert.Contains("ok: 47 tools over http", output, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
