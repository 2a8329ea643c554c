using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using ModelContextProtocol.Client;

namespace MtMcp.Benchmarks;

/// <summary>
/// <c>get_quote</c> (EURUSD) calls per second through the real <c>mtmcp serve --http</c> process on loopback: several
/// C# SDK clients (Streamable HTTP at <c>/mcp</c>, one session each) call concurrently, each waiting for its answer
/// before the next call, as agents do. Server and clients share the machine's cores, so the figure is what one
/// machine sustains end to end, clients included.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes them.")]
public class ServerHttpBenchmarks
{
    private const int CallsPerClient = 100;
    private const int MaxClients = 16;

    private string _data = "";
    private Process _server = null!;
    private McpClient[] _clients = [];

    /// <summary>Concurrent clients.</summary>
    [Params(4, MaxClients)]
    public int Clients { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = ServerProcess.NewDataDirectory();
        (_server, var endpoint) = ServerProcess.StartHttpAsync(_data).GetAwaiter().GetResult();
        _clients = new McpClient[Clients];
        for (var i = 0; i < _clients.Length; i++)
        {
            _clients[i] = McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint })).GetAwaiter().GetResult();
        }

        // The first quote waits for the demo market to prime; the measured calls start after it.
        _ = _clients[0].CallToolAsync("get_quote", ServerProcess.QuoteArguments).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var client in _clients)
        {
            client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        ServerProcess.Stop(_server);
        ServerProcess.DeleteDataDirectory(_data);
    }

    [Benchmark(OperationsPerInvoke = CallsPerClient * MaxClients)]
    [Headline("get_quote over HTTP (calls/s)", HeadlineUnit.ItemsPerSecond, 10_000)]
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
