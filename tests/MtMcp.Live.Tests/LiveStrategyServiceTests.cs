using Microsoft.Extensions.Time.Testing;
using MtMcp.Paper;
using MtMcp.Storage;
using MtMcp.Testing;

namespace MtMcp.Live.Tests;

/// <summary>The live strategy service on a scripted feed: the order path, stop and flatten, failures, and restarts.</summary>
public sealed class LiveStrategyServiceTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(MinuteFeed.StartMs));

    private string Journal => _directory.File("journal.db");

    private string Strategies => _directory.File("strategies.json");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Start_UnknownAccount_ThrowsAndStoresNothing()
    {
        using var session = Open(new MinuteFeed(MinuteFeed.Rising(3)));
        Assert.Throws<KeyNotFoundException>(() => session.Live.Start(Spec(account: "nope")));
        Assert.Empty(session.Live.List());
        Assert.False(File.Exists(Strategies));
    }

    [Fact]
    public void Start_MisspelledParameter_ThrowsNamingItAndStoresNothing()
    {
        using var session = Open(new MinuteFeed(MinuteFeed.Rising(3)));
        var error = Assert.Throws<ArgumentException>(() => session.Live.Start(Spec("builtin:sma_cross", new Dictionary<string, double> { ["fats"] = 5 })));
        Assert.Contains("fats", error.Message, StringComparison.Ordinal);
        Assert.Empty(session.Live.List());
    }

    [Fact]
    public void Orders_GoThroughThePaperOrderPath_WithTheStrategyIdAsActorAndItsMagic()
    {
        var feed = new MinuteFeed(MinuteFeed.Rising(21));
        string id;
        ulong magic;
        using (var session = Open(feed))
        {
            var started = session.Live.Start(Spec());
            (id, magic) = (started.Record.Id, started.Record.Magic);
            session.Run(feed.Ticks);

            // Three ticks a bar: bar 10:01 closes at tick 6 (the first of 10:02), where its buy fills at the ask; bar 10:03
            // closes at tick 12, where the close fills at the bid; bar 10:05 at tick 18 buys again.
            var status = session.Live.Status(id);
            var deals = session.Paper.Read("demo", a => a.Deals(HistoryQuery.All)).Where(d => d.Type != DealType.Balance).ToList();
            Assert.Equal(3, deals.Count);
            Assert.All(deals, d => Assert.Equal(magic, d.Magic));
            Assert.Equal(feed.Ticks[6].Tick.Ask, deals[0].Price);
            Assert.Equal((DealType.Buy, DealEntry.In, 0.1m), (deals[0].Type, deals[0].Entry, deals[0].Volume));
            Assert.Equal(feed.Ticks[6].Tick.TimeMs, deals[0].TimeMs);
            Assert.Equal((DealType.Sell, DealEntry.Out), (deals[1].Type, deals[1].Entry));
            Assert.Equal(feed.Ticks[12].Tick.Bid, deals[1].Price);
            Assert.Equal(feed.Ticks[18].Tick.Ask, deals[2].Price);
            Assert.Single(status.Positions);
            Assert.Equal(deals.Sum(d => d.Profit + d.Commission + d.Swap), status.RealizedProfit);
            Assert.Equal(3, status.Signals.Count);
            Assert.All(status.Signals, s => Assert.Equal(TradeRetcode.Done, s.Retcode));
        }

        using var audit = AuditLog.Open(Journal);
        var intents = audit.Read(new AuditQuery { Actor = id, Kind = "order_intent" });
        Assert.Equal(3, intents.Count);
        Assert.All(intents, e => Assert.Equal("strategy:scripted", e.Record.Channel));
        Assert.All(intents, e => Assert.StartsWith(id + ":", e.Record.ClientOrderId, StringComparison.Ordinal));
    }

    [Fact]
    public void Stop_WithFlatten_ClosesOnlyItsOwnPositionsAndStopsTrading()
    {
        var feed = new MinuteFeed(MinuteFeed.Rising(30));
        using var session = Open(feed);
        var id = session.Live.Start(Spec()).Record.Id;
        session.Run(feed.Ticks.Take(8));
        var manual = session.Paper.Send("demo", new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Sell, Volume = 0.2m });
        Assert.Equal(TradeRetcode.Done, manual.Retcode);

        var stopped = session.Live.Stop(id, flatten: true);
        session.Run(feed.Ticks.Skip(8));

        Assert.Equal(LiveStrategyState.Stopped, stopped.Record.State);
        Assert.Empty(stopped.Positions);
        var positions = session.Paper.Read("demo", a => a.Positions.ToList());
        var left = Assert.Single(positions);
        Assert.Equal((PositionType.Sell, 0UL), (left.Type, left.Magic));
        // Stopped after its first buy: nothing after the flatten.
        Assert.Equal(2, session.Paper.Read("demo", a => a.Deals(HistoryQuery.All)).Count(d => d.Magic == stopped.Record.Magic));
    }

    [Fact]
    public void Changed_StartOrdersFailureAndStop_RaisedOncePerChangeWithTheStrategysId()
    {
        var feed = new MinuteFeed(MinuteFeed.Rising(21));
        using var session = Open(feed);
        var raised = new List<string>();
        session.Live.Changed += raised.Add;
        var id = session.Live.Start(Spec()).Record.Id;
        var failing = session.Live.Start(Spec(parameters: new Dictionary<string, double> { ["fail"] = 2 })).Record.Id;
        Assert.Equal([id, failing], raised);

        // The scripted strategy sends three orders (10:01 buy, 10:03 close, 10:05 buy); the other fails on 10:02 after its buy.
        raised.Clear();
        session.Run(feed.Ticks);
        Assert.Equal(3, raised.Count(r => r == id));
        Assert.Equal(2, raised.Count(r => r == failing));
        Assert.Equal(LiveStrategyState.Failed, session.Live.Status(failing).Record.State);

        raised.Clear();
        session.Live.Stop(id, flatten: false);
        Assert.Equal([id], raised);
    }

    [Fact]
    public void IdOf_MagicOfEachStrategy_IsItsIdAndOtherMagicsAreNone()
    {
        using var session = Open(new MinuteFeed(MinuteFeed.Rising(3)));
        var first = session.Live.Start(Spec()).Record;
        var second = session.Live.Start(Spec()).Record;
        Assert.Equal(first.Id, session.Live.IdOf(first.Magic));
        Assert.Equal(second.Id, session.Live.IdOf(second.Magic));
        Assert.Null(session.Live.IdOf(0));
        Assert.Null(session.Live.IdOf(LiveStrategyService.MagicBase));
        Assert.Null(session.Live.IdOf(second.Magic + 1));
    }

    [Fact]
    public void StrategyThatThrows_IsMarkedFailed_AndTheFeedAndOtherStrategiesGoOn()
    {
        var feed = new MinuteFeed(MinuteFeed.Rising(21));
        using var session = Open(feed);
        var failing = session.Live.Start(Spec(parameters: new Dictionary<string, double> { ["fail"] = 2 })).Record.Id;
        var healthy = session.Live.Start(Spec()).Record.Id;
        session.Run(feed.Ticks);

        var failed = session.Live.Status(failing);
        Assert.Equal(LiveStrategyState.Failed, failed.Record.State);
        Assert.Equal("scripted failure", failed.Record.Error);
        Assert.Equal(3, session.Live.Status(healthy).Deals);
    }

    [Fact]
    public void Restart_DisposedAndReopened_ResumesRunningStrategiesOnlyAndTradesAsAnUninterruptedRun()
    {
        var feed = new MinuteFeed(MinuteFeed.Rising(21));
        using (var session = Open(feed))
        {
            session.Live.Start(Spec());
            var stopped = session.Live.Start(Spec()).Record.Id;
            session.Live.Stop(stopped, flatten: false);
            session.Run(feed.Ticks.Take(8));
        }

        using (var session = Open(feed))
        {
            var list = session.Live.List();
            Assert.Equal([LiveStrategyState.Running, LiveStrategyState.Stopped], list.Select(s => s.Record.State));
            session.Run(feed.Ticks.Skip((int)session.Paper.ResumePosition));
            var status = session.Live.Status(list[0].Record.Id);
            Assert.Equal(3, status.Deals);
            Assert.Equal(0, session.Live.Status(list[1].Record.Id).Deals);
        }
    }

    private Session Open(MinuteFeed feed)
    {
        var paper = new PaperTradingService(new SqliteTradingJournal(Journal), SymbolCatalog.BuiltIn, feed, _time);
        paper.EnsureDefaultAccount();
        var live = new LiveStrategyService(paper, Strategies, _time, history: null, factory: spec => spec.Strategy == "scripted" ? new ScriptedStrategy() : LiveStrategyService.CreateStrategy(spec));
        paper.PrimeQuotes();
        return new Session(paper, live);
    }

    private static LiveStrategySpec Spec(string strategy = "scripted", Dictionary<string, double>? parameters = null, string account = "demo") => new()
    {
        Strategy = strategy,
        Parameters = parameters ?? [],
        Account = account,
        Symbol = "EURUSD",
        Timeframe = Timeframe.M1,
    };

    private sealed class Session(PaperTradingService paper, LiveStrategyService live) : IDisposable
    {
        public PaperTradingService Paper { get; } = paper;

        public LiveStrategyService Live { get; } = live;

        public void Run(IEnumerable<FeedTick> ticks)
        {
            foreach (var tick in ticks)
            {
                Paper.Process(tick);
            }
        }

        public void Dispose()
        {
            Live.Dispose();
            Paper.Dispose();
        }
    }
}
