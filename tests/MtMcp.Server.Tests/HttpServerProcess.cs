using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MtMcp.Testing;

namespace MtMcp.Server.Tests;

/// <summary>
/// One real <c>mtmcp serve --http</c> process on a free loopback port, with a configuration file the caller writes
/// (the port is known before, so the configuration may name this server's URL). Its stdout and stderr are captured,
/// so tests can check what the server logs.
/// </summary>
public sealed class HttpServerProcess : IAsyncDisposable
{
    private readonly TempDirectory _data = new();
    private readonly StringBuilder _log = new();
    private Process? _process;

    public HttpServerProcess()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        BaseUri = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>The server's root URL, ending in '/'.</summary>
    public Uri BaseUri { get; }

    /// <summary>The MCP endpoint.</summary>
    public Uri Mcp => new(BaseUri, "/mcp");

    /// <summary>The data directory (configuration files may sit here).</summary>
    public string DataDirectory => _data.Path;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
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

    /// <summary>Writes <paramref name="configuration"/>, starts the server (with <paramref name="options"/> after <c>serve</c>) and waits until /healthz answers.</summary>
    public async Task StartAsync(string configuration, CancellationToken cancellationToken, params string[] options)
    {
        var config = Path.Combine(_data.Path, "mtmcp.json");
        await File.WriteAllTextAsync(config, configuration, cancellationToken);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { StdioEndToEndTests.CliPath(), "--data-dir", _data.Path, "--config", config, "serve", "--http", "--urls", BaseUri.ToString().TrimEnd('/') }.Concat(options))
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseUri };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/healthz", cancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(30) && !_process.HasExited)
            {
            }

            Assert.False(_process.HasExited, "the server exited: " + Log);
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the server did not answer /healthz within 30 s");
            await Task.Delay(100, cancellationToken);
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
}
