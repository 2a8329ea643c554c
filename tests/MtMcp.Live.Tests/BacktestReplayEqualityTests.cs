using MtMcp.Backtesting;
using MtMcp.Data.Store;
using MtMcp.Paper;
using MtMcp.Storage;
using MtMcp.Strategies;

namespace MtMcp.Live.Tests;

/// <summary>
/// The Must-show of issue 8: the same strategy on the same real EURUSD ticks gives the same trades and the same final
/// balance, to the cent, in a native backtest and in a paper replay run by the live strategy host (also when the paper
/// replay is stopped and reopened half-way).
/// </summary>
public sealed class BacktestReplayEqualityTests(EurusdTicks data) : IClassFixture<EurusdTicks>
{
    private const string Account = "bt";
    private static readonly Dictionary<string, double> s_parameters = new() { ["fast"] = 10, ["slow"] = 30 };

    [Theory]
    [InlineData("builtin:sma_cross", false)]
    [InlineData("builtin:sma_cross", true)]
    [InlineData("csharp:sma_cross", false)]
    public void PaperReplay_SameStrategyAndTicks_EqualsTheBacktestToTheCent(string strategy, bool hedging)
    {
        var backtest = Backtest(strategy, hedging);
        var paper = Replay(strategy, hedging, restartAfter: []);

        // Enough trades that equal ledgers mean something.
        Assert.True(backtest.Report.TotalTrades > 20, $"{backtest.Report.TotalTrades} trades");
        Assert.Empty(backtest.Rejections);
        Assert.Equal(Ledger(backtest.Deals), Ledger(paper.Deals));
        Assert.Equal(backtest.FinalBalance, paper.Balance);
    }

    [Fact]
    public void PaperReplay_StoppedAndReopenedTwice_EqualsTheBacktestToTheCent()
    {
        var backtest = Backtest("builtin:sma_cross", hedging: false);
        var paper = Replay("builtin:sma_cross", hedging: false, restartAfter: [data.Ticks.Length / 3, data.Ticks.Length * 2 / 3]);

        Assert.Equal(2, paper.Restarts);
        Assert.Equal(Ledger(backtest.Deals), Ledger(paper.Deals));
        Assert.Equal(backtest.FinalBalance, paper.Balance);
        // The strategy's orders carry its client order ids, each used once.
        Assert.NotEmpty(paper.ClientOrderIds);
        Assert.Equal(paper.ClientOrderIds.Count, paper.ClientOrderIds.Distinct(StringComparer.Ordinal).Count());
    }

    private NativeResult Backtest(string strategy, bool hedging) =>
        NativeBacktest.RunTicks(data.Ticks, Timeframe.M1, Create(strategy), Parameters(), new NativeOptions { Hedging = hedging, Leverage = 100 });

    private (IReadOnlyList<Deal> Deals, decimal Balance, int Restarts, IReadOnlyList<string> ClientOrderIds) Replay(string strategy, bool hedging, int[] restartAfter)
    {
        var journal = data.NewFile("journal.db");
        var strategies = data.NewFile("strategies.json");
        var history = new TickHistory(data.Ticks, 0.00001);
        using var store = new MarketDataStore(data.StoreDirectory);
        string? id = null;
        var restarts = 0;
        var stops = new Queue<int>(restartAfter);
        while (true)
        {
            using var feed = new ReplayFeed(store, ["EURUSD"], from: null, to: null, speed: 0, TimeProvider.System);
            var paper = new PaperTradingService(new SqliteTradingJournal(journal), SymbolCatalog.BuiltIn, feed, TimeProvider.System);
            var live = new LiveStrategyService(paper, strategies, TimeProvider.System, history, spec => Create(spec.Strategy));
            try
            {
                if (id is null)
                {
                    paper.Create(Account, Settings(hedging), 10_000m);
                    id = live.Start(new LiveStrategySpec
                    {
                        Strategy = strategy,
                        Parameters = s_parameters,
                        Account = Account,
                        Symbol = "EURUSD",
                        Timeframe = Timeframe.M1,
                    }).Record.Id;
                }

                paper.PrimeQuotes();
                var resume = paper.ResumePosition;
                history.Seen = (int)resume;
                // The replay resumes after the last committed step, which may be before the point the last session reached.
                var stopAt = stops.Count > 0 ? stops.Dequeue() : long.MaxValue;
                var stopped = false;
                foreach (var tick in feed.ReadAsync(resume, TestContext.Current.CancellationToken).ToBlockingEnumerable())
                {
                    paper.Process(tick);
                    if (tick.Position >= stopAt)
                    {
                        stopped = true;
                        break;
                    }
                }

                if (stopped)
                {
                    restarts++;
                    continue;
                }

                // The backtest closes everything at the last tick; the paper run stops the strategy with flatten there.
                var final = live.Stop(id, flatten: true);
                Assert.Equal(LiveStrategyState.Stopped, final.Record.State);
                Assert.Empty(final.Positions);
                var deals = paper.Read(Account, a => a.Deals(HistoryQuery.All));
                var orders = paper.Read(Account, a => a.HistoryOrders(HistoryQuery.All));
                return (deals, paper.Read(Account, a => a.Balance), restarts, [.. orders.Select(o => o.ClientOrderId).OfType<string>()]);
            }
            finally
            {
                live.Dispose();
                paper.Dispose();
            }
        }
    }

    // Same settings as the native backtest's account: USD, 1:100, no commission.
    private static AccountSettings Settings(bool hedging) => new()
    {
        Info = new AccountInfo
        {
            Login = 1,
            Server = "replay",
            Currency = "USD",
            Leverage = 100,
            TradeMode = AccountTradeMode.Demo,
            MarginMode = hedging ? AccountMarginMode.RetailHedging : AccountMarginMode.RetailNetting,
        },
    };

    private static StrategyParameters Parameters()
    {
        var parameters = new StrategyParameters();
        foreach (var (name, value) in s_parameters)
        {
            parameters.Set(name, value);
        }

        return parameters;
    }

    private static IStrategy Create(string strategy) =>
        strategy.StartsWith("csharp:", StringComparison.Ordinal) ? BuiltinStrategies.Create(strategy["csharp:".Length..]) : new LanguageStrategy(StrategyResolver.Builtin(strategy));

    // What a trade is worth: time, side, entry, volume, price and the money; tickets, magic numbers and comments differ
    // by design (the live strategy marks its orders).
    private static string[] Ledger(IEnumerable<Deal> deals) =>
        [.. deals.Where(d => d.Type != DealType.Balance).Select(d => FormattableString.Invariant(
            $"{d.TimeMs} {d.Type} {d.Entry} {d.Volume} {d.Price} profit={d.Profit} commission={d.Commission} swap={d.Swap} {d.Reason}"))];
}
