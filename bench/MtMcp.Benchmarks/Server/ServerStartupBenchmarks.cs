using BenchmarkDotNet.Attributes;
using ModelContextProtocol.Client;

namespace MtMcp.Benchmarks;

/// <summary>
/// From starting <c>dotnet mtmcp.dll serve</c> (stdio) until the C# SDK client has the answer to its first
/// <c>get_quote</c>: process and runtime start, host start, <c>initialize</c>, the demo market primed for now, the call.
/// <see cref="DataDirectory.Warm"/> reuses a data directory a previous server ran on (the demo market's saved walk
/// checkpoints are there), as every start after the first does; <see cref="DataDirectory.Fresh"/> is a first start.
/// <see cref="CliBuild.Jit"/> runs the build output (every method JIT-compiled on its first call, as the platform-neutral
/// .NET tool runs); <see cref="CliBuild.ReadyToRun"/> runs the CLI published with ReadyToRun code for this platform, as
/// the container image ships it.
/// </summary>
[InvocationCount(1)]
[WarmupCount(1)]
[IterationCount(10)]
public class ServerStartupBenchmarks
{
    private string _warm = "";
    private string _data = "";
    private McpClient? _client;

    /// <summary>Whether the server has run on the data directory before.</summary>
    public enum DataDirectory
    {
        /// <summary>A server ran on it before.</summary>
        Warm,

        /// <summary>An empty directory: a first start.</summary>
        Fresh,
    }

    /// <summary>How the server's code was compiled.</summary>
    public enum CliBuild
    {
        /// <summary>The build output: IL only.</summary>
        Jit,

        /// <summary>Published with ReadyToRun (precompiled) code for this platform.</summary>
        ReadyToRun,
    }

    /// <summary>The data directory the server starts on.</summary>
    [Params(DataDirectory.Warm, DataDirectory.Fresh)]
    public DataDirectory Data { get; set; }

    /// <summary>Which build of the server runs.</summary>
    [Params(CliBuild.Jit, CliBuild.ReadyToRun)]
    public CliBuild Build { get; set; }

    private string Cli => Build == CliBuild.ReadyToRun ? ServerProcess.ReadyToRunCliPath : ServerProcess.CliPath;

    [GlobalSetup]
    public void Setup()
    {
        _warm = ServerProcess.NewDataDirectory();
        FirstQuoteAsync(_warm, Cli).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => ServerProcess.DeleteDataDirectory(_warm);

    [IterationSetup]
    public void IterationSetup() => _data = Data == DataDirectory.Warm ? _warm : ServerProcess.NewDataDirectory();

    [IterationCleanup]
    public void IterationCleanup()
    {
        // Shutting the server down is not part of the figure, but must be over before the next start.
        _client?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _client = null;
        if (_data != _warm)
        {
            ServerProcess.DeleteDataDirectory(_data);
        }
    }

    [Benchmark]
    [Headline("serve start to first get_quote answer", HeadlineUnit.Milliseconds, 500, Case = "Data=Warm&Build=Jit")]
    public async Task StartToFirstQuote()
    {
        _client = await ServerProcess.ConnectStdioAsync(_data, Cli).ConfigureAwait(false);
        var result = await _client.CallToolAsync("get_quote", ServerProcess.QuoteArguments).ConfigureAwait(false);
        if (result.IsError == true)
        {
            throw new InvalidOperationException("get_quote failed");
        }
    }

    private static async Task FirstQuoteAsync(string data, string cli)
    {
        await using var client = await ServerProcess.ConnectStdioAsync(data, cli).ConfigureAwait(false);
        _ = await client.CallToolAsync("get_quote", ServerProcess.QuoteArguments).ConfigureAwait(false);
    }
}
