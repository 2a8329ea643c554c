using MtMcp.Testing;

namespace MtMcp.Storage.Tests;

/// <summary>Save, Load, reopen, reset, delete and list: what goes in comes out, exactly.</summary>
public sealed class SqliteTradingJournalRoundTripTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SaveLoad_RichAccount_ReturnsEveryRecordExactly()
    {
        using var journal = new SqliteTradingJournal(_temp.File("accounts.db"));
        var state = Samples.Rich();

        journal.Save("main", state);

        Deep.Equal(state, journal.Load("main"));
    }

    [Fact]
    public void SaveLoad_EveryPublicPropertySetByReflection_SurvivesTheRoundTrip()
    {
        // Members added to the records later are filled too: a column the journal lacks fails here by name.
        using var journal = new SqliteTradingJournal(_temp.File("accounts.db"));
        var state = new Filler().Create<AccountState>();

        journal.Save("filled", state);

        Deep.Equal(state, journal.Load("filled"));
    }

    [Fact]
    public void SaveLoad_RecordsInCommittedTransactions_SurviveEveryPropertyByReflection()
    {
        using var journal = new SqliteTradingJournal(_temp.File("accounts.db"));
        var filler = new Filler();
        var (order, position, deal, result) = (filler.Create<Order>(), filler.Create<Position>(), filler.Create<Deal>(), filler.Create<TradeResult>());
        journal.Save("filled", Samples.NewAccount());
        var changes = new AccountChanges { Balance = 1m, NextTicket = 3, TimeMs = Samples.T0 };
        changes.Add(new TradeTransaction(TradeTransactionType.OrderAdd, 0, Order: order));
        changes.Add(new TradeTransaction(TradeTransactionType.DealAdd, 0, Deal: deal));
        changes.Add(new TradeTransaction(TradeTransactionType.Position, 0, Position: position));
        changes.AddClientOrder("id", result);

        journal.Commit("filled", changes);
        var loaded = journal.Load("filled")!;

        Deep.Equal(order, Assert.Single(loaded.Orders), "order");
        Deep.Equal(position, Assert.Single(loaded.Positions), "position");
        Deep.Equal(deal, loaded.Deals.Single(d => d.Ticket == deal.Ticket), "deal");
        Deep.Equal(result, loaded.ClientOrders["id"], "result");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(0.1 + 0.2)]
    public void SaveLoad_UnusualDoubles_KeepTheirExactValue(double price)
    {
        using var journal = new SqliteTradingJournal(_temp.File("accounts.db"));
        var state = Samples.NewAccount() with
        {
            Deals = [new Deal { Ticket = 1, Type = DealType.Buy, Price = price, StopLoss = price, TimeMs = 1 }],
        };

        journal.Save("a", state);

        var deal = Assert.Single(journal.Load("a")!.Deals);
        Assert.Equal(BitConverter.DoubleToInt64Bits(price), BitConverter.DoubleToInt64Bits(deal.Price));
        Assert.Equal(BitConverter.DoubleToInt64Bits(price), BitConverter.DoubleToInt64Bits(deal.StopLoss));
    }

    [Fact]
    public void Load_AfterDisposeAndReopen_ReturnsTheCommittedState()
    {
        var path = _temp.File("accounts.db");
        var changes = new AccountChanges { Balance = 10_012.5m, NextTicket = 4, Cursor = 123_456_789_012 };
        var position = new Position { Ticket = 2, Symbol = "EURUSD", Type = PositionType.Buy, Volume = 0.1m, PriceOpen = 1.1, TimeMs = 1 };
        var (order, deal) = Samples.MarketStep(changes, 2, position, DealEntry.In, 0m);
        using (var journal = new SqliteTradingJournal(path))
        {
            journal.Save("main", Samples.NewAccount());
            journal.Commit("main", changes);
        }

        using var reopened = new SqliteTradingJournal(path);
        var state = reopened.Load("main")!;

        Assert.Equal(10_012.5m, state.Balance);
        Assert.Equal(4UL, state.NextTicket);
        Assert.Equal(123_456_789_012, state.Cursor);
        Deep.Equal(order, Assert.Single(state.Orders), "order");
        Deep.Equal(deal, state.Deals[1], "deal");
        Deep.Equal(position, Assert.Single(state.Positions), "position");
    }

    [Fact]
    public void Save_ExistingAccount_ReplacesEverythingStored()
    {
        using var journal = new SqliteTradingJournal(_temp.File("accounts.db"));
        journal.Save("main", Samples.Rich());
        var fresh = Samples.NewAccount(500m) with { Settings = Samples.Settings("EUR") };

        journal.Save("main", fresh);

        Deep.Equal(fresh, journal.Load("main"));
    }

    [Fact]
    public void SaveAndCommit_TwoAccountsWithTheSameTickets_StayIsolated()
    {
        using var journal = new SqliteTradingJournal(_temp.File("accounts.db"));
        var rich = Samples.Rich();
        journal.Save("b", rich);
        journal.Save("a", Samples.NewAccount());
        var changes = new AccountChanges { Balance = 1m, NextTicket = 4 };
        Samples.MarketStep(changes, 2, new Position { Ticket = 2, Symbol = "GBPUSD", Type = PositionType.Sell, Volume = 0.1m, PriceOpen = 1.3, TimeMs = 1 }, DealEntry.In, 0m);

        journal.Commit("a", changes);
        var deleted = journal.Delete("a");

        Assert.True(deleted);
        Assert.Null(journal.Load("a"));
        Deep.Equal(rich, journal.Load("b"));
        Assert.Equal(["b"], journal.ListAccounts());
    }

    [Fact]
    public void ListAccounts_SeveralAccounts_ReturnsTheirNamesInOrdinalOrder()
    {
        using var journal = new SqliteTradingJournal(_temp.File("accounts.db"));
        foreach (var name in new[] { "paper", "Backtest", "ζ", "alpha" })
        {
            journal.Save(name, Samples.NewAccount());
        }

        Assert.Equal(["Backtest", "alpha", "paper", "ζ"], journal.ListAccounts());
    }

    [Fact]
    public void DeleteAndLoad_UnknownAccount_ReturnFalseAndNull()
    {
        using var journal = new SqliteTradingJournal(_temp.File("accounts.db"));

        Assert.False(journal.Delete("nobody"));
        Assert.Null(journal.Load("nobody"));
        Assert.Empty(journal.ListAccounts());
    }
}
