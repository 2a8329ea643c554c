namespace MtMcp.Engine.Tests.Orders;

public sealed class PendingOrderTests
{
    // EURUSD starts at bid 1.10000 / ask 1.10010. Each case: an order, a quote that must not fire it, a quote that must.
    [Theory]
    [InlineData(OrderType.BuyLimit, 1.09900, 1.09900, 1.09910, 1.09890, 1.09900, 1.09900)]
    [InlineData(OrderType.SellLimit, 1.10100, 1.10090, 1.10100, 1.10100, 1.10110, 1.10100)]
    [InlineData(OrderType.BuyStop, 1.10100, 1.10080, 1.10090, 1.10090, 1.10100, 1.10100)]
    [InlineData(OrderType.SellStop, 1.09900, 1.09910, 1.09920, 1.09900, 1.09910, 1.09900)]
    public void OnQuote_PendingOrder_FiresOnlyOnItsSideOfTheQuote(
        OrderType type, double price, double quietBid, double quietAsk, double fireBid, double fireAsk, double expectedFill)
    {
        foreach (var mode in new[] { AccountMarginMode.RetailHedging, AccountMarginMode.RetailNetting })
        {
            var h = new Harness(mode);
            var placed = h.Pending(type, 1m, price);
            Assert.Equal(TradeRetcode.Done, placed.Retcode);
            Assert.Equal(TradeOutcome.Placed, placed.Outcome);

            h.Quote("EURUSD", quietBid, quietAsk);
            Assert.Empty(h.Account.Positions);
            Assert.Single(h.Account.Orders);

            h.Quote("EURUSD", fireBid, fireAsk);
            var position = Assert.Single(h.Account.Positions);
            Assert.Equal(placed.Order, position.Ticket);
            Assert.Equal(expectedFill, position.PriceOpen, 1e-10);
            Assert.Empty(h.Account.Orders);
            var history = Assert.Single(h.Account.HistoryOrders(HistoryQuery.All));
            Assert.Equal((OrderState.Filled, h.Now, position.Ticket), (history.State, history.TimeDoneMs, history.PositionId));
        }
    }

    [Fact]
    public void OnQuote_BuyLimitJumpedThrough_FillsAtTheBetterQuoteWithoutSlippage()
    {
        var h = new Harness(configure: s => s with { Slippage = new SlippageModel(FixedPoints: 5) });
        h.Pending(OrderType.BuyLimit, 1m, 1.09950);
        h.Quote("EURUSD", 1.09790, 1.09800);

        Assert.Equal(1.09800, Assert.Single(h.Account.Positions).PriceOpen, 1e-10);
    }

    [Fact]
    public void OnQuote_BuyStopGappedOver_FillsAtTheGappedQuotePlusSlippage()
    {
        var h = new Harness(configure: s => s with { Slippage = new SlippageModel(FixedPoints: 5) });
        h.Pending(OrderType.BuyStop, 1m, 1.10100);
        h.Quote("EURUSD", 1.10290, 1.10300);

        Assert.Equal(1.10305, Assert.Single(h.Account.Positions).PriceOpen, 1e-10);
    }

    [Fact]
    public void OnQuote_StopLimitReachesStop_BecomesLimitWithSameTicketThenFillsAtLimit()
    {
        var h = new Harness();
        var placed = h.Pending(OrderType.BuyStopLimit, 1m, 1.10100, stopLimit: 1.10080);
        h.Account.Changes.Clear();

        h.Quote("EURUSD", 1.10090, 1.10100);
        var working = Assert.Single(h.Account.Orders);
        Assert.Equal((placed.Order, OrderType.BuyLimit, 1.10080), (working.Ticket, working.Type, working.PriceOpen));
        Assert.Equal(TradeTransactionType.OrderUpdate, Assert.Single(h.Account.Changes.Transactions).Type);
        Assert.Empty(h.Account.Positions);

        h.Quote("EURUSD", 1.10070, 1.10080);
        Assert.Equal(1.10080, Assert.Single(h.Account.Positions).PriceOpen, 1e-10);
    }

    [Fact]
    public void OnQuote_SellStopLimitGappedThroughBothPrices_ConvertsAndFillsOnTheSameQuote()
    {
        var h = new Harness();
        h.Pending(OrderType.SellStopLimit, 1m, 1.09900, stopLimit: 1.09920);

        // The bid falls through the stop; the resulting sell limit at 1.09920 is not reached (bid 1.09890 < 1.09920).
        h.Quote("EURUSD", 1.09890, 1.09900);
        Assert.Equal(OrderType.SellLimit, Assert.Single(h.Account.Orders).Type);

        h.Quote("EURUSD", 1.09930, 1.09940);
        Assert.Equal(1.09930, Assert.Single(h.Account.Positions).PriceOpen, 1e-10);
    }

    [Fact]
    public void OnQuote_PendingOnNetting_ReducesTheOppositePosition()
    {
        var h = new Harness(AccountMarginMode.RetailNetting);
        var opened = h.Buy(2m);
        h.Pending(OrderType.SellLimit, 1m, 1.10200);
        h.Quote("EURUSD", 1.10200, 1.10210);

        var position = Assert.Single(h.Account.Positions);
        Assert.Equal((opened.Position, 1m), (position.Ticket, position.Volume));

        // (1.10200 − 1.10010) × 100 000 × 1 = 190.00 USD.
        Assert.Equal(190.00m, h.Account.Deals(HistoryQuery.All)[^1].Profit);
    }

    [Fact]
    public void Send_PendingWithStops_PositionInheritsStopsMagicAndComment()
    {
        var h = new Harness();
        h.Account.Send(new TradeRequest
        {
            Action = TradeAction.Pending, Symbol = "EURUSD", Type = OrderType.SellStop, Volume = 1m, Price = 1.09900,
            StopLoss = 1.10000, TakeProfit = 1.09500, Magic = 7, Comment = "breakout",
        });
        h.Quote("EURUSD", 1.09900, 1.09910);

        var position = Assert.Single(h.Account.Positions);
        Assert.Equal((1.10000, 1.09500, 7ul, "breakout"), (position.StopLoss, position.TakeProfit, position.Magic, position.Comment));
    }

    [Fact]
    public void Send_Modify_ChangesPriceAndStopsWithOrderUpdate()
    {
        var h = new Harness();
        var placed = h.Pending(OrderType.BuyLimit, 1m, 1.09000);
        h.Account.Changes.Clear();
        var result = h.Account.Send(new TradeRequest { Action = TradeAction.Modify, Order = placed.Order, Price = 1.09500, StopLoss = 1.09000 });

        Assert.Equal(TradeRetcode.Done, result.Retcode);
        var order = Assert.Single(h.Account.Orders);
        Assert.Equal((1.09500, 1.09000), (order.PriceOpen, order.StopLoss));
        Assert.Equal(TradeTransactionType.OrderUpdate, Assert.Single(h.Account.Changes.Transactions).Type);
    }

    [Fact]
    public void Send_Remove_MovesOrderToHistoryAsCanceled()
    {
        var h = new Harness();
        var placed = h.Pending(OrderType.SellLimit, 1m, 1.11000);
        var result = h.Account.Send(new TradeRequest { Action = TradeAction.Remove, Order = placed.Order });

        Assert.Equal(TradeRetcode.Done, result.Retcode);
        Assert.Empty(h.Account.Orders);
        Assert.Equal(OrderState.Canceled, Assert.Single(h.Account.HistoryOrders(HistoryQuery.All)).State);
    }

    [Fact]
    public void OnQuote_SpecifiedExpiration_ExpiresAtItsTime()
    {
        var h = new Harness();
        h.Account.Send(new TradeRequest
        {
            Action = TradeAction.Pending, Symbol = "EURUSD", Type = OrderType.BuyLimit, Volume = 1m, Price = 1.09,
            TimeType = OrderTimeType.Specified, ExpirationMs = Harness.T0 + Harness.Hour,
        });

        h.Quote("EURUSD", 1.10000, 1.10010, afterMs: Harness.Hour - 1);
        Assert.Single(h.Account.Orders);
        h.Quote("EURUSD", 1.10000, 1.10010, afterMs: 2);

        Assert.Empty(h.Account.Orders);
        var expired = Assert.Single(h.Account.HistoryOrders(HistoryQuery.All));
        Assert.Equal((OrderState.Expired, Harness.T0 + Harness.Hour), (expired.State, expired.TimeDoneMs));
    }

    [Fact]
    public void AdvanceTime_DayOrder_ExpiresAtServerMidnight()
    {
        var h = new Harness();
        h.Account.Send(new TradeRequest
        {
            Action = TradeAction.Pending, Symbol = "EURUSD", Type = OrderType.SellLimit, Volume = 1m, Price = 1.11, TimeType = OrderTimeType.Day,
        });

        // Server time is UTC+2: the server day of Tuesday 10:00 UTC ends at 22:00 UTC.
        var midnight = new DateTimeOffset(2025, 1, 7, 22, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        h.Account.AdvanceTime(midnight - 1);
        Assert.Single(h.Account.Orders);
        h.Account.AdvanceTime(midnight + Harness.Hour);

        var expired = Assert.Single(h.Account.HistoryOrders(HistoryQuery.All));
        Assert.Equal((OrderState.Expired, midnight), (expired.State, expired.TimeDoneMs));
        Assert.Equal(midnight + Harness.Hour, h.Account.TimeMs);
    }

    [Fact]
    public void CancelAll_FilterBySymbol_CancelsOnlyThatSymbolsOrders()
    {
        var h = new Harness();
        h.Pending(OrderType.BuyLimit, 1m, 1.09);
        h.Pending(OrderType.BuyLimit, 1m, 1.26, symbol: "GBPUSD");
        h.Pending(OrderType.SellLimit, 1m, 1.11);

        var results = h.Account.CancelAll(new OrderFilter(Symbol: "EURUSD"));

        Assert.Equal(2, results.Count);
        Assert.Equal("GBPUSD", Assert.Single(h.Account.Orders).Symbol);
    }
}
