using MtMcp.Testing;

namespace MtMcp.Storage.Tests;

/// <summary>Commit: steps applied in MT5 transaction order, atomically, per account.</summary>
public sealed class SqliteTradingJournalCommitTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Position OpenBuy(ulong ticket) => new()
    {
        Ticket = ticket, Symbol = "EURUSD", Type = PositionType.Buy, Volume = 0.1m, PriceOpen = 1.1, TimeMs = Samples.T0 + (long)ticket * 1000,
        TimeUpdateMs = Samples.T0 + (long)ticket * 1000, Magic = 7, Comment = "α",
    };

    [Fact]
    public void Commit_RiskState_IsStoredAndKeptByStepsWithoutOne_SaveReplacesIt()
    {
        using var journal = new SqliteTradingJournal(_temp.File("accounts.db"));
        journal.Save("main", Samples.NewAccount());
        Assert.Null(journal.Load("main")!.RiskState);

        journal.Commit("main", new AccountChanges { Balance = 10_000m, NextTicket = 2, RiskState = "{\"peak\":10500}" });
        journal.Commit("main", new AccountChanges { Balance = 10_000m, NextTicket = 2, BalanceChanged = true });
        Assert.Equal("{\"peak\":10500}", journal.Load("main")!.RiskState);

        journal.Save("main", Samples.NewAccount() with { RiskState = "{\"peak\":1}" });
        Assert.Equal("{\"peak\":1}", journal.Load("main")!.RiskState);
        journal.Save("main", Samples.NewAccount());
        Assert.Null(journal.Load("main")!.RiskState);
    }

    [Fact]
    public void Commit_OrderLifecycleSequence_LoadsAsTheExpectedState()
    {
        using var journal = new SqliteTradingJournal(_temp.File("accounts.db"));
        journal.Save("main", Samples.NewAccount());

        // 1. Market buy: order 2, deal 3, position 2; commission 0.35.
        var step = new AccountChanges { Balance = 9_999.65m };
        var opened = OpenBuy(2);
        var (buyOrder, buyDeal) = Samples.MarketStep(step, 2, opened, DealEntry.In, 0m);
        var buyResult = new TradeResult { Retcode = TradeRetcode.Done, Action = TradeAction.Deal, Message = "done", Order = 2, Deal = 3, Position = 2, ClientOrderId = "c-1" };
        step.AddClientOrder("c-1", buyResult);
        journal.Commit("main", step);

        // 2. Buy limit 4 placed; 3. its price modified.
        var limit = new Order
        {
            Ticket = 4, Symbol = "EURUSD", Type = OrderType.BuyLimit, State = OrderState.Placed, VolumeInitial = 0.2m,
            VolumeCurrent = 0.2m, PriceOpen = 1.05, TimeSetupMs = Samples.T0 + 4000,
        };
        journal.Commit("main", Step(new TradeTransaction(TradeTransactionType.OrderAdd, 0, Order: limit), 9_999.65m, 5));
        var moved = limit with { PriceOpen = 1.0525 };
        journal.Commit("main", Step(new TradeTransaction(TradeTransactionType.OrderUpdate, 0, Order: moved), 9_999.65m, 5));

        // 4. Stop loss set on position 2.
        var withStop = opened with { StopLoss = 1.09, TimeUpdateMs = Samples.T0 + 4500 };
        journal.Commit("main", Step(new TradeTransaction(TradeTransactionType.Position, 0, Position: withStop), 9_999.65m, 5));
        var middle = journal.Load("main")!;

        // 5. Position 2 closed by market sell 5 (deal 6, profit 12.34); 6. the limit canceled.
        var close = new AccountChanges { Balance = 10_011.99m };
        var (sellOrder, sellDeal) = Samples.MarketStep(close, 5, withStop with { Volume = 0m }, DealEntry.Out, 12.34m);
        journal.Commit("main", close);
        var canceled = moved with { State = OrderState.Canceled, TimeDoneMs = Samples.T0 + 9000 };
        var cancel = Step(new TradeTransaction(TradeTransactionType.OrderDelete, 0, Order: moved), 10_011.99m, 7);
        cancel.Add(new TradeTransaction(TradeTransactionType.HistoryAdd, 0, Order: canceled));
        cancel.TimeMs = Samples.T0 + 9000;
        journal.Commit("main", cancel);

        Deep.Equal(new[] { buyOrder, moved }, middle.Orders, "middle.Orders");
        Deep.Equal(new[] { withStop }, middle.Positions, "middle.Positions");
        var expected = Samples.NewAccount() with
        {
            Balance = 10_011.99m,
            NextTicket = 7,
            TimeMs = Samples.T0 + 9000,
            Orders = [buyOrder, canceled, sellOrder],
            Positions = [],
            Deals = [Samples.NewAccount().Deals[0], buyDeal, sellDeal],
            ClientOrders = new Dictionary<string, TradeResult> { ["c-1"] = buyResult },
        };
        Deep.Equal(expected, journal.Load("main"));
        Assert.Equal(OrderType.Sell, sellOrder.Type);
    }

    [Fact]
    public void Commit_RepeatedClientOrderId_KeepsTheFirstResult()
    {
        using var journal = new SqliteTradingJournal(_temp.File("accounts.db"));
        journal.Save("main", Samples.NewAccount());
        var first = new TradeResult { Retcode = TradeRetcode.NoMoney, Action = TradeAction.Deal, Message = "first" };
        var second = first with { Retcode = TradeRetcode.Done, Message = "second" };

        foreach (var result in new[] { first, second })
        {
            var changes = new AccountChanges { Balance = 10_000m, NextTicket = 2 };
            changes.AddClientOrder("same", result);
            journal.Commit("main", changes);
        }

        Assert.Equal("first", journal.Load("main")!.ClientOrders["same"].Message);
    }

    [Fact]
    public void Commit_ConstraintFailsAfterValidChanges_LeavesTheAccountAsBefore()
    {
        var path = _temp.File("accounts.db");
        using var journal = new SqliteTradingJournal(path);
        journal.Save("main", Samples.Rich());
        var before = journal.Load("main");
        var changes = new AccountChanges { Balance = 1m, Credit = 2m, NextTicket = 99, TimeMs = 5 };
        Samples.MarketStep(changes, 20, OpenBuy(20), DealEntry.In, 0m);
        changes.Add(new TradeTransaction(TradeTransactionType.Position, 0, Position: Samples.Rich().Positions[0] with { Volume = 0m }));
        changes.Add(new TradeTransaction(TradeTransactionType.DealAdd, 0, Deal: Samples.Rich().Deals[1])); // ticket 3 exists
        changes.AddClientOrder("new-id", new TradeResult { Retcode = TradeRetcode.Done, Action = TradeAction.Deal, Message = "x" });

        var ex = Assert.Throws<StorageException>(() => journal.Commit("main", changes));

        Assert.False(ex.IsTransient);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("'main'", ex.Message, StringComparison.Ordinal);
        Deep.Equal(before, journal.Load("main"));
        journal.Commit("main", new AccountChanges { Balance = 3m, NextTicket = 8 });
        Assert.Equal(3m, journal.Load("main")!.Balance);
    }

    [Fact]
    public void Commit_TransactionWithoutItsRecordAfterValidChanges_ThrowsAndStoresNothing()
    {
        using var journal = new SqliteTradingJournal(_temp.File("accounts.db"));
        journal.Save("main", Samples.NewAccount());
        var before = journal.Load("main");
        var changes = new AccountChanges { Balance = 1m, NextTicket = 4 };
        Samples.MarketStep(changes, 2, OpenBuy(2), DealEntry.In, 0m);
        changes.Add(new TradeTransaction(TradeTransactionType.DealAdd, 0));

        var ex = Assert.Throws<ArgumentException>(() => journal.Commit("main", changes));

        Assert.Contains("Transaction 5 (DealAdd)", ex.Message, StringComparison.Ordinal);
        Deep.Equal(before, journal.Load("main"));
    }

    [Fact]
    public void Commit_UnknownAccount_ThrowsNamingIt()
    {
        using var journal = new SqliteTradingJournal(_temp.File("accounts.db"));
        journal.Save("main", Samples.NewAccount());

        var ex = Assert.Throws<InvalidOperationException>(() => journal.Commit("ghost", new AccountChanges()));

        Assert.Contains("'ghost'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Commit_AccountDeletedByAnotherJournalOnTheFile_ThrowsAndStoresNothing()
    {
        var path = _temp.File("accounts.db");
        using var journal = new SqliteTradingJournal(path);
        journal.Save("main", Samples.NewAccount());
        journal.Commit("main", new AccountChanges { Balance = 1m, NextTicket = 2 });
        using (var other = new SqliteTradingJournal(path))
        {
            other.Delete("main");
        }

        var changes = new AccountChanges { Balance = 1m, NextTicket = 4 };
        Samples.MarketStep(changes, 2, OpenBuy(2), DealEntry.In, 0m);

        Assert.Throws<InvalidOperationException>(() => journal.Commit("main", changes));
        Assert.Null(journal.Load("main"));
    }

    [Fact]
    public void Commit_TwoAccountsFromTwoThreads_StoresEveryStepOfEach()
    {
        const int Steps = 300;
        using var journal = new SqliteTradingJournal(_temp.File("accounts.db"));
        string[] names = ["left", "right"];
        foreach (var name in names)
        {
            journal.Save(name, Samples.NewAccount(0m));
        }

        var threads = names.Select(name => new Thread(() =>
        {
            var changes = new AccountChanges();
            for (var i = 0; i < Steps; i++)
            {
                changes.Clear();
                var ticket = 2 + (ulong)i * 2;
                changes.Balance = i + 1;
                Samples.MarketStep(changes, ticket, OpenBuy(ticket) with { Comment = name }, DealEntry.In, 1m);
                journal.Commit(name, changes);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        foreach (var name in names)
        {
            var state = journal.Load(name)!;
            Assert.Equal(Steps, state.Orders.Count);
            Assert.Equal(Steps, state.Positions.Count);
            Assert.Equal(Steps + 1, state.Deals.Count);
            Assert.Equal(Steps, state.Deals.Sum(d => d.Profit) - state.Deals[0].Profit);
            Assert.All(state.Positions, p => Assert.Equal(name, p.Comment));
            Assert.Equal(2 + (ulong)Steps * 2, state.NextTicket);
            Assert.Equal((decimal)Steps, state.Balance);
        }
    }

    private static AccountChanges Step(TradeTransaction transaction, decimal balance, ulong nextTicket)
    {
        var changes = new AccountChanges { Balance = balance, NextTicket = nextTicket, TimeMs = Samples.T0 + 4000 };
        changes.Add(transaction);
        return changes;
    }
}
