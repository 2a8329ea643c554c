using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using ModelContextProtocol.Client;

namespace MtMcp.Benchmarks;

/// <summary>
/// <c>get_quote</c> (EURUSD) calls per second through the real <c>mtmcp serve --http</c> process on loopback, with
/// several clients calling concurrently, each waiting for its answer before the next call, as agents do. Server and
/// clients share the machine's two cores. <see cref="GetQuote"/> uses C# SDK clients (one session each), whose own CPU
/// per call is about twice the server's; <see cref="GetQuoteLean"/> sends the same calls as plain HTTP requests in the
/// protocol's sessionless 2026-07-28 form (what a load generator does: a prepared body, the response read whole and
/// checked), so the figure is the server's.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes them.")]
public class ServerHttpBenchmarks
{
    private const int CallsPerClient = 100;
    private const int MaxClients = 16;

    // A tools/call in the sessionless form: the protocol version, capabilities and client in _meta, method and tool
    // name also as headers.
    private static readonly byte[] s_leanCall = """
        {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_quote","arguments":{"symbols":["EURUSD"]},
        "_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{},
        "io.modelcontextprotocol/clientInfo":{"name":"bench","version":"1"}}}}
        """u8.ToArray();

    private string _data = "";
    private Process _server = null!;
    private Uri _endpoint = null!;
    private McpClient[] _clients = [];
    private HttpClient _http = null!;

    /// <summary>Concurrent clients.</summary>
    [Params(4, MaxClients)]
    public int Clients { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = ServerProcess.NewDataDirectory();
        (_server, _endpoint) = ServerProcess.StartHttpAsync(_data).GetAwaiter().GetResult();
        _clients = new McpClient[Clients];
        for (var i = 0; i < _clients.Length; i++)
        {
            _clients[i] = McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = _endpoint })).GetAwaiter().GetResult();
        }

        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients, UseProxy = false });

        // The first quote waits for the demo market to prime. Then the server is brought to its steady state: under
        // load, tiered compilation with dynamic PGO takes 10–15 s on two busy cores to reach its final code (the rate
        // climbs from about 7k to 20k calls/s meanwhile), and the short job's warm-up, about a second, would measure a
        // server still compiling.
        _ = _clients[0].CallToolAsync("get_quote", ServerProcess.QuoteArguments).AsTask().GetAwaiter().GetResult();
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(20))
        {
            GetQuoteLean().GetAwaiter().GetResult();
            GetQuote().GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var client in _clients)
        {
            client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _http.Dispose();
        ServerProcess.Stop(_server);
        ServerProcess.DeleteDataDirectory(_data);
    }

    [Benchmark(OperationsPerInvoke = CallsPerClient * MaxClients)]
    [Headline("get_quote over HTTP, SDK clients (calls/s)", HeadlineUnit.ItemsPerSecond, 10_000, Case = "Clients=16")]
    public async Task GetQuote()
    {
        // The same number of calls per invocation for every client count, so the per-call time is comparable.
        var tasks = new Task[_clients.Length];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = CallAsync(_clients[i], CallsPerClient * MaxClients / _clients.Length);
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    [Benchmark(OperationsPerInvoke = CallsPerClient * MaxClients)]
    [Headline("get_quote over HTTP, lean clients (calls/s)", HeadlineUnit.ItemsPerSecond, 10_000, Case = "Clients=16")]
    public async Task GetQuoteLean()
    {
        var tasks = new Task[Clients];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = CallLeanAsync(CallsPerClient * MaxClients / Clients);
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task CallLeanAsync(int calls)
    {
        var buffer = new byte[16 * 1024];
        for (var i = 0; i < calls; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(s_leanCall) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
            request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", "2026-07-28");
            request.Headers.TryAddWithoutValidation("Mcp-Method", "tools/call");
            request.Headers.TryAddWithoutValidation("Mcp-Name", "get_quote");
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int total = 0, read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(total)).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                var body = buffer.AsSpan(0, total);
                if (!response.IsSuccessStatusCode || body.IndexOf("\"structuredContent\""u8) < 0 || body.IndexOf("\"bid\""u8) < 0)
                {
                    throw new InvalidOperationException($"get_quote failed: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
                }
            }
        }
    }

    private static async Task CallAsync(McpClient client, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            var result = await client.CallToolAsync("get_quote", ServerProcess.QuoteArguments).ConfigureAwait(false);
            if (result.IsError == true)
            {
                throw new InvalidOperationException("get_quote failed");
            }
        }
    }
}
