using Microsoft.Extensions.Time.Testing;
using MtMcp.Storage;
using MtMcp.Testing;

namespace MtMcp.Paper.Tests;

public sealed class PaperTradingServiceTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string JournalPath => _directory.File("accounts.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void EnsureDefaultAccount_NoAccounts_CreatesTheDocumentedDemoAccount()
    {
        using var service = NewService(Feed());
        service.EnsureDefaultAccount();

        var snapshot = service.Read("demo", a => a.Snapshot());
        Assert.Equal(["demo"], service.Accounts);
        Assert.Equal(10_000m, snapshot.Balance);
        Assert.Equal("USD", snapshot.Info.Currency);
        Assert.Equal(100, snapshot.Info.Leverage);
        Assert.Equal(AccountMarginMode.RetailHedging, snapshot.Info.MarginMode);
        Assert.Equal(AccountTradeMode.Demo, snapshot.Info.TradeMode);
    }

    [Fact]
    public void EnsureDefaultAccount_AccountsExist_CreatesNothing()
    {
        using var service = NewService(Feed());
        service.Create("mine", Settings("EUR"), 500m);
        service.EnsureDefaultAccount();
        Assert.Equal(["mine"], service.Accounts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("123456789012345678901234567890123")]
    public void Create_BadName_ThrowsNamingTheRule(string name)
    {
        using var service = NewService(Feed());
        var error = Assert.Throws<ArgumentException>(() => service.Create(name, Settings("USD"), 100m));
        Assert.Contains("letters, digits", error.Message, StringComparison.Ordinal);
        Assert.Empty(service.Accounts);
    }

    [Fact]
    public void Create_ExistingName_Throws()
    {
        using var service = NewService(Feed());
        service.Create("a", Settings("USD"), 100m);
        Assert.Throws<ArgumentException>(() => service.Create("A", Settings("USD"), 100m));
    }

    [Fact]
    public void DepositAndWithdraw_ChangeTheBalance_AndSurviveARestart()
    {
        using (var service = NewService(Feed()))
        {
            service.Create("a", Settings("USD"), 1_000m);
            Assert.Equal(TradeRetcode.Done, service.Deposit("a", 250.5m, "top up").Retcode);
            Assert.Equal(TradeRetcode.Done, service.Deposit("a", -100m).Retcode);
        }

        using var restarted = NewService(Feed());
        Assert.Equal(1_150.5m, restarted.Read("a", a => a.Snapshot().Balance));
        Assert.Equal(3, restarted.Read("a", a => a.Deals(HistoryQuery.All).Count(d => d.Type == DealType.Balance)));
    }

    [Fact]
    public void Send_MarketOrder_IsInTheJournalWhenTheCallReturns()
    {
        var feed = Feed();
        using var service = NewService(feed);
        service.Create("a", Settings("USD"), 10_000m);
        Drive(service, feed);

        var result = service.Send("a", Buy(0.1m, "c1"));

        Assert.Equal(TradeRetcode.Done, result.Retcode);
        using var reader = new SqliteTradingJournal(JournalPath);
        var stored = reader.Load("a")!;
        Assert.Contains(stored.Positions, p => p.Ticket == result.Position && p.Volume == 0.1m);
        Assert.Contains(stored.Deals, d => d.Ticket == result.Deal);
        Assert.True(stored.ClientOrders.ContainsKey("c1"));
    }

    [Fact]
    public void Reset_RemovesTradingAndRestoresTheFirstDeposit()
    {
        var feed = Feed();
        using var service = NewService(feed);
        service.Create("a", Settings("USD"), 2_000m);
        Drive(service, feed);
        service.Send("a", Buy(0.1m, "c1"));
        service.Deposit("a", 500m);

        service.Reset("a");

        var state = service.Read("a", a => a.ToState());
        Assert.Equal(2_000m, state.Balance);
        Assert.Empty(state.Positions);
        Assert.Single(state.Deals);
        Assert.Empty(state.ClientOrders);
    }

    [Fact]
    public void Remove_DeletesTheAccountFromMemoryAndJournal()
    {
        using (var service = NewService(Feed()))
        {
            service.Create("a", Settings("USD"), 100m);
            Assert.True(service.Remove("a"));
            Assert.False(service.Remove("a"));
            Assert.Throws<KeyNotFoundException>(() => service.Read("a", a => a.Snapshot()));
        }

        using var restarted = NewService(Feed());
        Assert.Empty(restarted.Accounts);
    }

    [Fact]
    public void Subscribe_ReceivesEveryCommittedStepInOrder()
    {
        var feed = Feed();
        using var service = NewService(feed);
        service.Create("a", Settings("USD"), 10_000m);
        using var subscription = service.Subscribe();
        Drive(service, feed);

        var result = service.Send("a", Buy(0.1m, "c1"));
        service.Deposit("a", 1m);

        Assert.True(subscription.Updates.TryRead(out var trade));
        Assert.Equal("a", trade.Account);
        Assert.Contains(trade.Transactions, t => t.Type == TradeTransactionType.DealAdd && t.Deal!.Ticket == result.Deal);
        Assert.Contains(trade.Transactions, t => t.Type == TradeTransactionType.Position && t.Position!.Ticket == result.Position);
        Assert.True(subscription.Updates.TryRead(out var deposit));
        Assert.Equal(trade.Balance + 1m, deposit.Balance);
        Assert.False(subscription.Updates.TryRead(out _));
    }

    [Fact]
    public void SpreadMarkup_WidensTheQuoteTheAccountTradesOn()
    {
        var feed = Feed();
        using var service = NewService(feed);
        service.Create("plain", Settings("USD"), 10_000m);
        service.Create("marked", Settings("USD") with { SpreadMarkupPoints = 5 }, 10_000m);
        Drive(service, feed);
        var ask = feed.Ticks[^1].Tick.Ask;
        var bid = feed.Ticks[^1].Tick.Bid;

        Assert.Equal(ask, service.Send("plain", Buy(0.1m, "b")).Price, 10);
        Assert.Equal(ask + 0.00003, service.Send("marked", Buy(0.1m, "b")).Price, 10);
        Assert.Equal(bid - 0.00002, service.Send("marked", Buy(0.1m, "s") with { Type = OrderType.Sell }).Price, 10);
    }

    [Fact]
    public void Commit_Fails_TheCallThrowsAndTheAccountIsAsLastStored()
    {
        var feed = Feed();
        var journal = new FailingJournal(new SqliteTradingJournal(JournalPath));
        using var service = new PaperTradingService(journal, SymbolCatalog.BuiltIn, feed, TimeProvider.System);
        service.Create("a", Settings("USD"), 10_000m);
        Drive(service, feed);
        var before = service.Read("a", a => a.ToState());

        journal.FailCommits = true;
        Assert.Throws<IOException>(() => service.Send("a", Buy(0.1m, "c1")));

        var after = service.Read("a", a => a.ToState());
        Assert.Empty(after.Positions);
        Assert.Equal(before.Deals, after.Deals);
        Assert.Equal(before.NextTicket, after.NextTicket);

        // Once the disk is back the same request trades once.
        journal.FailCommits = false;
        Assert.Equal(TradeRetcode.Done, service.Send("a", Buy(0.1m, "c1")).Retcode);
        Assert.Single(service.Read("a", a => a.Positions));
    }

    [Fact]
    public async Task RunAsync_Replay_TriggersPendingOrdersAndCommitsTheCursor()
    {
        var feed = new ListFeed("EURUSD", (1.10000, 1.10010), (1.09950, 1.09960), (1.09890, 1.09900), (1.09800, 1.09810));
        using (var service = NewService(feed))
        {
            service.Create("a", Settings("USD"), 10_000m);
            service.Process(feed.Ticks[0]);
            var placed = service.Send("a", new TradeRequest
            {
                Action = TradeAction.Pending, Symbol = "EURUSD", Type = OrderType.BuyLimit, Volume = 0.1m, Price = 1.09900, ClientOrderId = "limit",
            });
            Assert.Equal(TradeOutcome.Placed, placed.Outcome);

            await service.RunAsync(TestContext.Current.CancellationToken);

            var position = Assert.Single(service.Read("a", a => a.Positions));
            Assert.Equal(1.09900, position.PriceOpen, 10);
        }

        using var restarted = NewService(feed);
        Assert.Equal(3, restarted.ResumePosition);
        Assert.Single(restarted.Read("a", a => a.Positions));
    }

    [Fact]
    public async Task RunAsync_LiveDemoMarket_TradesOnPrimedQuotesAndFillsAsTheClockAdvances()
    {
        // A Tuesday afternoon: the forex market is open.
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 4, 14, 0, 0, TimeSpan.Zero));
        var feed = new DemoMarketFeed(new DemoMarket.DemoMarket(new DemoMarket.DemoMarketOptions()), time);
        using var service = new PaperTradingService(new SqliteTradingJournal(JournalPath), SymbolCatalog.BuiltIn, feed, time);
        service.EnsureDefaultAccount();
        service.PrimeQuotes();
        var primed = feed.QuotesAt(0).Last(t => t.Symbol == "EURUSD").Tick;

        var buy = service.Send("demo", Buy(0.1m, "now"));
        Assert.Equal(TradeRetcode.Done, buy.Retcode);
        Assert.Equal(primed.Ask, buy.Price, 10);

        // Stops one point either side of the market: whichever way it moves, one of them fills.
        var spec = SymbolCatalog.BuiltIn.TryGet("EURUSD", out var s) ? s : throw new InvalidOperationException();
        service.Send("demo", new TradeRequest { Action = TradeAction.Pending, Symbol = "EURUSD", Type = OrderType.BuyStop, Volume = 0.1m, Price = spec.NormalizePrice(primed.Ask + spec.Point), ClientOrderId = "up" });
        service.Send("demo", new TradeRequest { Action = TradeAction.Pending, Symbol = "EURUSD", Type = OrderType.SellStop, Volume = 0.1m, Price = spec.NormalizePrice(primed.Bid - spec.Point), ClientOrderId = "down" });
        using var subscription = service.Subscribe();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = service.RunAsync(stop.Token);

        AccountUpdate? fill = null;
        for (var second = 0; second < 600 && fill is null; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1, TestContext.Current.CancellationToken);
            while (fill is null && subscription.Updates.TryRead(out var update))
            {
                fill = update.Transactions.Any(t => t.Type == TradeTransactionType.DealAdd) ? update : null;
            }
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.NotNull(fill);
        var deal = fill.Transactions.First(t => t.Type == TradeTransactionType.DealAdd).Deal!;
        Assert.True(deal.TimeMs > primed.TimeMs && deal.TimeMs <= time.GetUtcNow().ToUnixTimeMilliseconds(), "the fill happened on a later live tick");
        var (positions, orders) = service.Read("demo", a => (a.Positions.Count, a.Orders.Count));
        Assert.InRange(positions, 2, 3);
        Assert.Equal(3, positions + orders);
    }

    private PaperTradingService NewService(IMarketFeed feed) =>
        new(new SqliteTradingJournal(JournalPath), SymbolCatalog.BuiltIn, feed, TimeProvider.System);

    private static ListFeed Feed() => new("EURUSD", (1.10000, 1.10010), (1.10002, 1.10012));

    private static void Drive(PaperTradingService service, ListFeed feed)
    {
        foreach (var tick in feed.Ticks)
        {
            service.Process(tick);
        }
    }

    private static TradeRequest Buy(decimal volume, string id) =>
        new() { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = volume, ClientOrderId = id };

    private static AccountSettings Settings(string currency) => PaperAccounts.DefaultSettings() with
    {
        Info = PaperAccounts.DefaultSettings().Info with { Currency = currency, CurrencyDigits = CurrencyDigits.For(currency) },
    };
}
