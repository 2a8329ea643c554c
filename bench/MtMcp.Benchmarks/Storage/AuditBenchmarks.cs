using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Storage;

namespace MtMcp.Benchmarks;

/// <summary>
/// Audit append throughput: steps carrying <see cref="RecordsPerStep"/> audit records (about 400-byte canonical JSON
/// payloads, as an order intent) committed to a journal file, each step one durable transaction with the account row, as
/// the paper venue commits them. Signed checkpoints on (a key, every 1000 records, with the anchor file). One invocation
/// appends <see cref="RecordsPerInvoke"/> records, so the mean per operation is the time per record.
/// </summary>
/// <remarks>
/// As in a venue, a step's records carry the step's time (venue time only moves forward) and every order its own client
/// order id (random hex, as UUIDs are, shared by the order's <see cref="RecordsPerOrder"/> records). Appending the same
/// records again and again instead (event times going back every step, the same 100 client order ids) scatters every
/// step's index entries over the whole of both indexes and measures that pattern, not the journal: 30–45 k records/s.
/// </remarks>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes them.")]
public class AuditBenchmarks
{
    private const int RecordsPerInvoke = 1000;
    private const int RecordsPerOrder = 5;
    private const string Account = "bench";
    private readonly AccountChanges _changes = new();
    private readonly Random _random = new(6);
    private string _folder = "";
    private SqliteTradingJournal _journal = null!;
    private AuditRecord[] _records = [];
    private long _time = 1_735_776_000_000;

    /// <summary>Records per step (one transaction): a refused order has 3, a fill about 5, a bulk close many.</summary>
    [Params(1, 5, 100)]
    public int RecordsPerStep { get; set; }

    /// <summary>What a returned commit survives: a process kill (no flush), or a power loss (a flush per commit).</summary>
    [Params(JournalDurability.ProcessCrashSafe, JournalDurability.PowerLossSafe)]
    public JournalDurability Durability { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "mtmcp-bench-audit-" + Environment.ProcessId);
        Directory.CreateDirectory(_folder);
        var options = new AuditOptions { Key = "benchmark-audit-key-0123456789abcdef"u8.ToArray(), Time = TimeProvider.System };
        _journal = new SqliteTradingJournal(Path.Combine(_folder, "accounts.db"), Durability, options);
        var info = new AccountInfo
        {
            Login = 1, Server = "Bench", Currency = "USD", Leverage = 30, TradeMode = AccountTradeMode.Demo,
            MarginMode = AccountMarginMode.RetailHedging,
        };
        _journal.Save(Account, new AccountState { Settings = new AccountSettings { Info = info }, Balance = 100_000m, NextTicket = 2 });
        _records = [.. Enumerable.Range(0, RecordsPerStep).Select(Record)];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _journal.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = RecordsPerInvoke)]
    [Headline("Audit append (records/s)", HeadlineUnit.ItemsPerSecond, 50_000)]
    public void AppendSteps()
    {
        for (var appended = 0; appended < RecordsPerInvoke; appended += RecordsPerStep)
        {
            _changes.Clear();
            _time++;
            var clientOrderId = "";
            for (var i = 0; i < _records.Length; i++)
            {
                if (i % RecordsPerOrder == 0)
                {
                    clientOrderId = _random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
                }

                _changes.AddAudit(_records[i] with { TimeMs = _time, ClientOrderId = clientOrderId });
            }

            _changes.Balance = 100_000m;
            _changes.NextTicket = 2;
            _changes.TimeMs = _time;
            _journal.Commit(Account, _changes);
        }
    }

    private static AuditRecord Record(int i) => new(
        "order_intent", 1_735_776_000_000 + i, Account, "key-7", "mcp:place_order", string.Create(CultureInfo.InvariantCulture, $"c-{i}"),
        new CanonicalJson()
            .Add("action", "Deal").Add("symbol", "EURUSD").Add("type", "Buy").Add("volume", 0.1m).Add("price", 1.08123)
            .Add("stop_limit", 0.0).Add("stop_loss", 1.07).Add("take_profit", 1.09).Add("deviation", 10L).Add("filling", "Fok")
            .Add("time_type", "Gtc").Add("expiration_ms", 0L).Add("magic", 20250101UL).Add("comment", "bench")
            .Add("order", 0UL).Add("position", 0UL).Add("position_by", 0UL)
            .Add("client_order_id", string.Create(CultureInfo.InvariantCulture, $"c-{i}"))
            .Add("trailing_stop_points", 0L).Add("trailing_step_points", 0L).ToString());
}
