using Microsoft.Extensions.Time.Testing;
using MtMcp.Paper;
using MtMcp.Storage;
using MtMcp.Testing;

namespace MtMcp.Live.Tests;

/// <summary>
/// Strategies on a broker account, with a stand-in broker (<see cref="Desk"/>) whose quotes the test pushes: they run on
/// their own thread from the broker's quotes only, wait for an account that is not connected at a restart, and skip a
/// step the broker cannot answer without failing.
/// </summary>
public sealed class BrokerStrategyServiceTests : IDisposable
{
    private const string Broker = "mt5-7001";
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(MinuteFeed.StartMs));
    private readonly Desk _desk = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void BrokerStrategy_RunsOnTheBrokersQuotesOnly_OnAThreadOfItsOwn()
    {
        var feed = new MinuteFeed(MinuteFeed.Rising(21));
        using var session = Open(feed);
        var started = session.Live.Start(Spec());
        Assert.Equal("metatrader", started.Record.Spec.Venue);

        // The paper feed's ticks do not drive it: only the broker's quotes do.
        session.Run(feed.Ticks.Take(9), push: false);
        Assert.Equal(0, session.Live.Status(started.Record.Id).Deals);

        // From 10:03 on it sees its first bar close at 10:04 (its indicator is ready after it) and buys on the 10:05 bar.
        session.Run(feed.Ticks.Skip(9), push: true);
        var status = Eventually(() => session.Live.Status(started.Record.Id), s => s.Deals == 1);
        Assert.NotEqual(Environment.CurrentManagedThreadId, _desk.StepThread);
        Assert.All(status.Signals, s => Assert.Equal(TradeRetcode.Done, s.Retcode));
        Assert.Single(status.Positions);
        Assert.Equal(started.Record.Magic, status.Positions[0].Position.Magic);
    }

    [Fact]
    public void Restart_BrokerAccountNotConnected_WaitsRunningAndResumesWhenItIs()
    {
        var feed = new MinuteFeed(MinuteFeed.Rising(21));
        string id;
        using (var session = Open(feed))
        {
            id = session.Live.Start(Spec()).Record.Id;
        }

        _desk.Connected = false;
        using (var session = Open(feed))
        {
            var waiting = session.Live.Status(id);
            Assert.Equal(LiveStrategyState.Running, waiting.Record.State);
            Assert.Contains("not connected", waiting.AccountUnavailable, StringComparison.Ordinal);
            session.Run(feed.Ticks.Take(9), push: true);
            Assert.Equal(0, _desk.Listeners);

            _desk.Connected = true;
            session.Live.ResumeWaiting();
            Assert.Equal(1, _desk.Listeners);
            session.Run(feed.Ticks.Skip(9), push: true);
            var resumed = Eventually(() => session.Live.Status(id), s => s.Deals == 1);
            Assert.Null(resumed.AccountUnavailable);
            Assert.Equal(LiveStrategyState.Running, resumed.Record.State);
        }
    }

    [Fact]
    public void BrokerUnreachableMidStep_TheStepIsSkippedAsASignal_AndTheStrategyGoesOn()
    {
        var feed = new MinuteFeed(MinuteFeed.Rising(21));
        using var session = Open(feed);
        var id = session.Live.Start(Spec()).Record.Id;

        // 10:01 buys (no read needed for a fixed size); at 10:03 the close must read the positions: the broker is down.
        session.Run(feed.Ticks.Take(9), push: true);
        Eventually(() => session.Live.Status(id), s => s.Deals == 1);
        _desk.Unreachable = true;
        session.Run(feed.Ticks.Skip(9).Take(6), push: true);
        var skipped = Eventually(() => session.Live.Status(id), s => s.Signals.Count == 2);
        Assert.Equal(("skipped", TradeRetcode.Connection), (skipped.Signals[1].Action, skipped.Signals[1].Retcode));
        Assert.Equal(LiveStrategyState.Running, skipped.Record.State);

        // Back up: 10:05 buys again, on top of the position the skipped step did not close.
        _desk.Unreachable = false;
        session.Run(feed.Ticks.Skip(15), push: true);
        var status = Eventually(() => session.Live.Status(id), s => s.Deals == 2);
        Assert.Equal(2, status.Positions.Count);
    }

    private static LiveStrategyStatus Eventually(Func<LiveStrategyStatus> read, Func<LiveStrategyStatus, bool> done)
    {
        var until = Environment.TickCount64 + 10_000;
        var status = read();
        while (!done(status))
        {
            Assert.True(Environment.TickCount64 < until, $"Never reached; last: {status.Deals} deals, {status.Signals.Count} signals.");
            Thread.Sleep(10);
            status = read();
        }

        return status;
    }

    private Session Open(MinuteFeed feed)
    {
        var paper = new PaperTradingService(new SqliteTradingJournal(_directory.File("journal.db")), SymbolCatalog.BuiltIn, feed, _time);
        paper.EnsureDefaultAccount();
        var live = new LiveStrategyService(
            paper, _directory.File("strategies.json"), _time, history: null, factory: _ => new ScriptedStrategy(),
            brokers: name => name == Broker && _desk.Connected ? new DeskAccount(_desk, new PaperStrategyAccount(paper, "demo")) : null);
        paper.PrimeQuotes();
        return new Session(paper, live, _desk);
    }

    private static LiveStrategySpec Spec() => new()
    {
        Strategy = "scripted",
        Account = Broker,
        Symbol = "EURUSD",
        Timeframe = Timeframe.M1,
    };

    /// <summary>The stand-in broker: the paper account "demo" behind it, quotes pushed by the test.</summary>
    private sealed class Desk
    {
        private readonly List<Action<Tick>> _listeners = [];

        public volatile bool Connected = true;
        public volatile bool Unreachable;
        public volatile int StepThread;

        public int Listeners
        {
            get
            {
                lock (_listeners)
                {
                    return _listeners.Count;
                }
            }
        }

        public IDisposable Listen(Action<Tick> listener)
        {
            lock (_listeners)
            {
                _listeners.Add(listener);
            }

            return new Registration(() =>
            {
                lock (_listeners)
                {
                    _listeners.Remove(listener);
                }
            });
        }

        public void Push(Tick tick)
        {
            lock (_listeners)
            {
                foreach (var listener in _listeners)
                {
                    listener(tick);
                }
            }
        }

        private sealed class Registration(Action dispose) : IDisposable
        {
            public void Dispose() => dispose();
        }
    }

    /// <summary>The broker account as a strategy sees it: the paper account's order path, unreachable on demand.</summary>
    private sealed class DeskAccount(Desk desk, PaperStrategyAccount paper) : IStrategyAccount
    {
        public string Name => Broker;

        public string Venue => "metatrader";

        public SymbolSpec Spec(string symbol) => paper.Spec(symbol);

        public IDisposable? ListenQuotes(string symbol, Action<Tick> onQuote) => desk.Listen(onQuote);

        public T Read<T>(Func<TradingAccount, T> read)
        {
            desk.StepThread = Environment.CurrentManagedThreadId;
            return desk.Unreachable ? throw new GatewayUnavailableException("The terminal did not answer.") : paper.Read(read);
        }

        public void Refresh()
        {
        }

        public TradeResult Send(TradeRequest request, TradeOrigin origin)
        {
            desk.StepThread = Environment.CurrentManagedThreadId;
            return paper.Send(request, origin);
        }

        public void Flatten(ulong magic, TradeOrigin origin) => paper.Flatten(magic, origin);

        public StrategyBook Book(ulong magic, long sinceMs) => paper.Book(magic, sinceMs);
    }

    private sealed class Session(PaperTradingService paper, LiveStrategyService live, Desk desk) : IDisposable
    {
        public LiveStrategyService Live { get; } = live;

        // The venue fills at the tick first, then the broker streams it (as a terminal's quote follows its own book).
        public void Run(IEnumerable<FeedTick> ticks, bool push)
        {
            foreach (var tick in ticks)
            {
                paper.Process(tick);
                if (push)
                {
                    desk.Push(tick.Tick);
                }
            }
        }

        public void Dispose()
        {
            Live.Dispose();
            paper.Dispose();
        }
    }
}
