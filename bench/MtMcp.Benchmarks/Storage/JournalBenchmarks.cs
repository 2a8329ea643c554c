using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Storage;
using Perfolizer.Mathematics.OutlierDetection;

namespace MtMcp.Benchmarks;

/// <summary>
/// The durable commit of one market-order step (ORDER_ADD, DEAL_ADD, POSITION, ORDER_DELETE, HISTORY_ADD and the
/// account row) to a journal file in a temp folder. One commit per iteration, outliers kept, so the P99 column is
/// the tail latency of single commits (the WAL checkpoints included). Steps alternate opening and closing a
/// position, so the order and deal history grows as in real use while the open positions stay few.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
[InvocationCount(1)]
[WarmupCount(300)]
[IterationCount(3000)]
[Outliers(OutlierMode.DontRemove)]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet calls [GlobalCleanup], which disposes them.")]
public class JournalBenchmarks
{
    private const string Account = "bench";
    private string _folder = "";
    private SqliteTradingJournal _journal = null!;
    private readonly AccountChanges _changes = new();
    private ulong _ticket;
    private decimal _balance;

    /// <summary>What a returned commit survives: a process kill (no flush), or a power loss (a flush per commit).</summary>
    [Params(JournalDurability.ProcessCrashSafe, JournalDurability.PowerLossSafe)]
    public JournalDurability Durability { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "mtmcp-bench-journal-" + Environment.ProcessId);
        Directory.CreateDirectory(_folder);
        _journal = new SqliteTradingJournal(Path.Combine(_folder, "accounts.db"), Durability);
        var info = new AccountInfo
        {
            Login = 1, Server = "Bench", Currency = "USD", Leverage = 30, TradeMode = AccountTradeMode.Demo,
            MarginMode = AccountMarginMode.RetailHedging,
        };
        _balance = 100_000m;
        _ticket = 2;
        _journal.Save(Account, new AccountState { Settings = new AccountSettings { Info = info }, Balance = _balance, NextTicket = _ticket });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _journal.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    [Headline("Journal commit of a market-order step", HeadlineUnit.Milliseconds, 1)]
    public void CommitMarketOrderStep() => _journal.Commit(Account, NextStep());

    /// <summary>The changes of the next step: a market order that opens a position (even steps) or closes it.</summary>
    private AccountChanges NextStep()
    {
        var order = _ticket;
        var opens = order % 4 == 2;
        var positionTicket = opens ? order : order - 2;
        var time = 1_735_776_000_000 + (long)order;
        var placed = new Order
        {
            Ticket = order, Symbol = "EURUSD", Type = opens ? OrderType.Buy : OrderType.Sell, State = OrderState.Started,
            VolumeInitial = 0.1m, VolumeCurrent = 0.1m, PriceOpen = 1.08123, TimeSetupMs = time, Magic = 20250101,
            Comment = "bench", PositionId = positionTicket,
        };
        var profit = opens ? 0m : 1.23m;
        _balance += profit;
        _changes.Clear();
        _changes.Add(new TradeTransaction(TradeTransactionType.OrderAdd, time, Order: placed));
        _changes.Add(new TradeTransaction(TradeTransactionType.DealAdd, time, Deal: new Deal
        {
            Ticket = order + 1, Order = order, PositionId = positionTicket, Symbol = "EURUSD",
            Type = opens ? DealType.Buy : DealType.Sell, Entry = opens ? DealEntry.In : DealEntry.Out, Volume = 0.1m,
            Price = 1.08123, Profit = profit, TimeMs = time, Magic = 20250101, Comment = "bench",
        }));
        _changes.Add(new TradeTransaction(TradeTransactionType.Position, time, Position: new Position
        {
            Ticket = positionTicket, Symbol = "EURUSD", Type = PositionType.Buy, Volume = opens ? 0.1m : 0m,
            PriceOpen = 1.08123, TimeMs = time, TimeUpdateMs = time, Magic = 20250101, Comment = "bench",
        }));
        _changes.Add(new TradeTransaction(TradeTransactionType.OrderDelete, time, Order: placed));
        _changes.Add(new TradeTransaction(TradeTransactionType.HistoryAdd, time, Order: placed with
        {
            State = OrderState.Filled, VolumeCurrent = 0m, TimeDoneMs = time,
        }));
        _ticket += 2;
        _changes.Balance = _balance;
        _changes.NextTicket = _ticket;
        _changes.TimeMs = time;
        return _changes;
    }

    internal sealed class Percentiles : ManualConfig
    {
        public Percentiles()
        {
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
        }
    }
}
