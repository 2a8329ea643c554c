using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>
/// One real <c>mtmcp serve --http</c> process with API keys configured (a read key and a trade key), shared by the
/// tests of the HTTP surfaces so the demo market starts once.
/// </summary>
public sealed class SecuredServer : IAsyncLifetime
{
    public const string ReadKey = "mtk_read_8d1f0c9e7b6a";
    public const string TradeKey = "mtk_trade_2b7e41a9c3f5";

    private readonly TempDirectory _data = new();
    private Process? _process;
    private readonly StringBuilder _log = new();

    public Uri BaseUri { get; private set; } = null!;

    public Uri Mcp => new(BaseUri, "/mcp");

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public HttpClient Http(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseUri };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public async ValueTask InitializeAsync()
    {
        var config = Path.Combine(_data.Path, "mtmcp.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "server": {
                "auth": {
                  "api_keys": [
                    { "name": "reader", "sha256": "{{Hash(ReadKey)}}", "scopes": ["read"] },
                    { "name": "trader", "sha256": "{{Hash(TradeKey)}}", "scopes": ["read", "trade"], "requests_per_minute": 100000 }
                  ]
                },
                "update_interval_ms": 100
              }
            }
            """, TestContext.Current.CancellationToken);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        BaseUri = new Uri($"http://127.0.0.1:{port}");

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { StdioEndToEndTests.CliPath(), "--data-dir", _data.Path, "--config", config, "serve", "--http", "--urls", BaseUri.ToString().TrimEnd('/') })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = Http(null);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/healthz", TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(30) && !_process.HasExited)
            {
            }

            Assert.False(_process.HasExited, "the server exited: " + Log);
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the server did not answer /healthz within 30 s");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _data.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
