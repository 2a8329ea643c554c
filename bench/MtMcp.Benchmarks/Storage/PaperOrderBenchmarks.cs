using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Paper;
using MtMcp.Risk;
using MtMcp.Storage;
using Perfolizer.Mathematics.OutlierDetection;

namespace MtMcp.Benchmarks;

/// <summary>
/// A persisted order round trip as a client sees it: <see cref="PaperTradingService.Send"/> of a market order through
/// the risk gate, the engine, the audit records and the SQLite commit (default durability), until the result returns.
/// One order per iteration, outliers kept, so the P99 column is the tail latency of single orders.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(JournalBenchmarks.Percentiles))]
[InvocationCount(1)]
[WarmupCount(300)]
[IterationCount(3000)]
[Outliers(OutlierMode.DontRemove)]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes them.")]
public class PaperOrderBenchmarks
{
    private static readonly long s_start = new DateTimeOffset(2025, 1, 7, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private string _folder = "";
    private PaperTradingService _service = null!;
    private long _orders;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "mtmcp-bench-paper-" + Environment.ProcessId);
        Directory.CreateDirectory(_folder);
#pragma warning disable CA2000 // the service owns the journal and disposes it
        var journal = new SqliteTradingJournal(Path.Combine(_folder, "accounts.db"), audit: new AuditOptions { Time = TimeProvider.System });
        _service = new PaperTradingService(journal, SymbolCatalog.BuiltIn, new OneQuoteFeed(), TimeProvider.System, new PreTradeGate());
#pragma warning restore CA2000
        _service.Create("bench", PaperAccounts.DefaultSettings(), 100_000m);
        _service.PrimeQuotes();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _service.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Alternately opens and closes a 0.1-lot EURUSD position on a hedging account.</summary>
    [Benchmark]
    [Headline("Paper order round trip, persisted (gate, engine, audit, SQLite)", HeadlineUnit.Milliseconds, 1)]
    public ulong MarketOrder()
    {
        var n = ++_orders;
        var open = _service.Read("bench", a => a.Positions.Count == 0);
        var request = new TradeRequest
        {
            Action = TradeAction.Deal, Symbol = "EURUSD", Type = open ? OrderType.Buy : OrderType.Sell, Volume = 0.1m,
            Position = open ? 0 : _service.Read("bench", a => a.Positions[0].Ticket), ClientOrderId = "b" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return _service.Send("bench", request).Deal;
    }

    // A replay of one EURUSD quote on a Tuesday morning: enough for market orders.
    private sealed class OneQuoteFeed : IMarketFeed
    {
        private readonly FeedTick _tick = new(1, "EURUSD", new Tick(s_start, 1.10000, 1.10010, 0, 0, TickFlags.Bid | TickFlags.Ask));

        public bool IsLive => false;

        public IReadOnlyList<string> Symbols { get; } = ["EURUSD"];

        public async IAsyncEnumerable<FeedTick> ReadAsync(long after, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask.ConfigureAwait(false);
            yield break;
        }

        public IReadOnlyList<FeedTick> QuotesAt(long position) => [_tick];
    }
}
