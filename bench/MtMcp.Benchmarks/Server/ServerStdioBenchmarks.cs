using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using ModelContextProtocol.Client;
using Perfolizer.Mathematics.OutlierDetection;

namespace MtMcp.Benchmarks;

/// <summary>
/// One <c>get_quote</c> (EURUSD) round trip from the C# SDK client to the real <c>mtmcp serve</c> process over its
/// stdin/stdout: request written, server parses, runs the tool, serialises the structured result, client reads and
/// parses the answer. One call per iteration, outliers kept, so the median and P99 columns are single-call latencies.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
[InvocationCount(1)]
[WarmupCount(500)]
[IterationCount(5000)]
[Outliers(OutlierMode.DontRemove)]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes them.")]
public class ServerStdioBenchmarks
{
    private string _data = "";
    private McpClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = ServerProcess.NewDataDirectory();
        _client = ServerProcess.ConnectStdioAsync(_data).GetAwaiter().GetResult();
        // The first quote waits for the demo market to prime. Then 20 s of calls bring the server to its steady state
        // (tiered compilation with dynamic PGO recompiles the hot methods in the background for several seconds; calls
        // that meet a recompilation or the switch to new code make the tail), before the warm-up iterations.
        _ = _client.CallToolAsync("get_quote", ServerProcess.QuoteArguments).AsTask().GetAwaiter().GetResult();
        var warm = System.Diagnostics.Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(20))
        {
            _ = GetQuote().GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        ServerProcess.DeleteDataDirectory(_data);
    }

    [Benchmark]
    [Headline("get_quote round trip over stdio", HeadlineUnit.Milliseconds, 0.2)]
    public async Task<bool> GetQuote()
    {
        var result = await _client.CallToolAsync("get_quote", ServerProcess.QuoteArguments).ConfigureAwait(false);
        return result.IsError == true ? throw new InvalidOperationException("get_quote failed") : true;
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles()
        {
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
        }
    }
}
