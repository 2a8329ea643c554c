namespace MtMcp.Engine.Tests.Orders;

public sealed class QuoteBoardTests
{
    [Fact]
    public void TryGetId_IsCaseInsensitiveAndFollowsCatalogueOrder()
    {
        var board = new QuoteBoard(SymbolCatalog.BuiltIn);

        Assert.True(board.TryGetId("eurUSD", out var id));
        Assert.Equal("EURUSD", board.Spec(id).Name);
        Assert.Same(SymbolCatalog.BuiltIn[id], board.Spec(id));
        Assert.False(board.TryGetId("NOPE", out _));
    }

    [Fact]
    public void Update_StoresQuoteAndKeepsLatestTime()
    {
        var board = new QuoteBoard(SymbolCatalog.BuiltIn);
        board.TryGetId("EURUSD", out var eurusd);
        board.TryGetId("GBPUSD", out var gbpusd);
        Assert.False(board.HasQuote(eurusd));
        Assert.False(board.TryGetQuote("EURUSD", out _));

        board.Update(eurusd, 1.1, 1.1001, 2_000);
        board.Update(gbpusd, 1.27, 1.2702, 1_000);

        Assert.Equal(new Quote(1.1, 1.1001, 2_000), board.Get(eurusd));
        Assert.True(board.TryGetQuote("eurusd", out var quote));
        Assert.Equal(1.1001, quote!.Value.Ask);
        Assert.Equal(2_000, board.TimeMs);
    }

    [Theory]
    [InlineData(double.NaN, 1.1)]
    [InlineData(1.1, double.PositiveInfinity)]
    [InlineData(0, 1.1)]
    [InlineData(1.1, -1)]
    public void Update_NotAPrice_Throws(double bid, double ask)
    {
        var board = new QuoteBoard(SymbolCatalog.BuiltIn);

        Assert.Throws<ArgumentOutOfRangeException>(() => board.Update(0, bid, ask, 0));
    }

    [Theory]
    [InlineData(1e300, 1e300)]
    [InlineData(1.1, 1e14)]
    public void Update_PriceBeyondTheTickRange_ThrowsOverflow(double bid, double ask)
    {
        var board = new QuoteBoard(SymbolCatalog.BuiltIn);
        board.TryGetId("EURUSD", out var eurusd);

        // 1e14 / 0.00001 = 1e19 ticks: more than a long holds.
        Assert.Throws<OverflowException>(() => board.Update(eurusd, bid, ask, 0));
        Assert.False(board.HasQuote(eurusd));
    }

    [Fact]
    public void Update_LargePrice_KeepsExactTicks()
    {
        var board = new QuoteBoard(SymbolCatalog.BuiltIn);
        board.TryGetId("EURUSD", out var eurusd);

        board.Update(eurusd, 1.23456, 1_000_000_000.0, 0);

        Assert.Equal(123_456, board.BidTicks(eurusd));
        Assert.Equal(100_000_000_000_000, board.AskTicks(eurusd));
    }

    [Fact]
    public void CurrencyConverter_OverTheBoard_ConvertsAtLiveQuotes()
    {
        var board = new QuoteBoard(SymbolCatalog.BuiltIn);
        board.TryGetId("EURUSD", out var eurusd);
        board.Update(eurusd, 1.1, 1.1002, 0);
        var converter = new CurrencyConverter(SymbolCatalog.BuiltIn, board);

        // Paying EUR costs the ask.
        Assert.Equal(110.02, converter.ConvertCost(100, "EUR", "USD"), 1e-9);
    }

    [Fact]
    public void SimulatedVenue_OnTick_UpdatesTheBoardThenEveryAccount()
    {
        var venue = new SimulatedVenue(SymbolCatalog.BuiltIn);
        venue.Quotes.TryGetId("EURUSD", out var id);
        venue.OnTick(id, new Tick(Harness.T0, 1.10000, 1.10010, 0, 0, TickFlags.Bid | TickFlags.Ask));
        var hedging = venue.Open("a", Harness.Settings(AccountMarginMode.RetailHedging), 10_000m, Harness.T0);
        var netting = venue.Open("b", Harness.Settings(AccountMarginMode.RetailNetting), 10_000m, Harness.T0);
        foreach (var account in venue.Accounts)
        {
            account.Send(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 1m, TakeProfit = 1.10100 });
        }

        venue.OnTick(id, new Tick(Harness.T0 + 1000, 1.10100, 1.10110, 0, 0, TickFlags.Bid | TickFlags.Ask));

        Assert.Equal(new Quote(1.10100, 1.10110, Harness.T0 + 1000), venue.Quotes.Get(id));
        Assert.All(new[] { hedging, netting }, a => Assert.Empty(a.Positions));
        Assert.All(new[] { hedging, netting }, a => Assert.Equal(Harness.T0 + 1000, a.TimeMs));
        Assert.Throws<ArgumentException>(() => venue.Add(new TradingAccount("c", Harness.Settings(AccountMarginMode.RetailHedging), new QuoteBoard(SymbolCatalog.BuiltIn), 0m, 0)));
    }
}
