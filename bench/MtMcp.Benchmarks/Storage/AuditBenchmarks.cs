using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Storage;

namespace MtMcp.Benchmarks;

/// <summary>
/// Audit append throughput: steps carrying <see cref="RecordsPerStep"/> audit records (about 400-byte canonical JSON
/// payloads, as an order intent) committed to a journal file with the account row, each call returning once durable.
/// Signed checkpoints on (a key, every 1000 records, with the anchor file). <see cref="AppendSteps"/> is one writer
/// waiting for each commit before the next (a transaction per step: bounded by the commit's latency);
/// <see cref="AppendStepsFromWriters"/> is <see cref="Writers"/> threads, one account each, committing at once, as the
/// server's clients, bridged accounts and venue do, so that group commit shares transactions among them. The mean per
/// operation is the time per record.
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
    private const int Writers = 16;
    private const int RecordsPerWriter = 100;
    private const int RecordsPerOrder = 5;
    private const string Account = "bench";
    private readonly Writer _writer = new(Account, 6);
    private string _folder = "";
    private SqliteTradingJournal _journal = null!;
    private AuditRecord[] _records = [];
    private Writer[] _writers = [];
    private Thread[] _threads = [];
    private Barrier _round = null!;
    private volatile bool _stopping;

    /// <summary>
    /// Records per step: an order's intent, decision, gateway request, result and fill are 5 (the headline case: the
    /// target is about order traffic); 1 is the worst case (a lone kill-switch or configuration record), 100 a bulk close.
    /// </summary>
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
        _writers = [.. Enumerable.Range(0, Writers).Select(i => new Writer(string.Create(CultureInfo.InvariantCulture, $"{Account}-{i}"), 100 + i))];
        foreach (var name in _writers.Select(w => w.Account).Prepend(Account))
        {
            _journal.Save(name, new AccountState { Settings = new AccountSettings { Info = info }, Balance = 100_000m, NextTicket = 2 });
        }

        _records = [.. Enumerable.Range(0, RecordsPerStep).Select(Record)];
        _round = new Barrier(Writers + 1);
        _threads = [.. _writers.Select(w => new Thread(() => RunWriter(w)) { IsBackground = true })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stopping = true;
        _round.SignalAndWait();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _round.Dispose();
        _journal.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = RecordsPerInvoke)]
    public void AppendSteps() => Append(_writer, RecordsPerInvoke);

    [Benchmark(OperationsPerInvoke = Writers * RecordsPerWriter)]
    [Headline("Audit append, 16 writers, orders (records/s)", HeadlineUnit.ItemsPerSecond, 50_000, Case = "RecordsPerStep=5")]
    public void AppendStepsFromWriters()
    {
        _round.SignalAndWait(); // start the round
        _round.SignalAndWait(); // every writer has appended its share
    }

    private void RunWriter(Writer writer)
    {
        while (true)
        {
            _round.SignalAndWait();
            if (_stopping)
            {
                return;
            }

            Append(writer, RecordsPerWriter);
            _round.SignalAndWait();
        }
    }

    private void Append(Writer writer, int records)
    {
        var changes = writer.Changes;
        for (var appended = 0; appended < records; appended += RecordsPerStep)
        {
            changes.Clear();
            writer.Time++;
            var clientOrderId = "";
            for (var i = 0; i < _records.Length; i++)
            {
                if (i % RecordsPerOrder == 0)
                {
                    clientOrderId = writer.Random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
                }

                changes.AddAudit(_records[i] with { TimeMs = writer.Time, Account = writer.Account, ClientOrderId = clientOrderId });
            }

            changes.Balance = 100_000m;
            changes.NextTicket = 2;
            changes.TimeMs = writer.Time;
            _journal.Commit(writer.Account, changes);
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

    /// <summary>One writer's account, step buffer, client order ids and venue time (which only moves forward).</summary>
    private sealed class Writer(string account, int seed)
    {
        public string Account { get; } = account;

        public AccountChanges Changes { get; } = new();

        public Random Random { get; } = new(seed);

        public long Time { get; set; } = 1_735_776_000_000;
    }
}
