
namespace MtMcp.Engine.Tests.Orders;

public sealed class MarketOrderTests
{
    [Fact]
    public void Send_BuyOnHedging_FillsAtAskAndOpensPositionWithOrderTicket()
    {
        var h = new Harness();
        var result = h.Account.Send(new TradeRequest
        {
            Action = TradeAction.Deal, Symbol = "eurusd", Type = OrderType.Buy, Volume = 0.5m, Magic = 42, Comment = "entry",
        });

        Assert.Equal(TradeRetcode.Done, result.Retcode);
        Assert.Equal(TradeOutcome.Filled, result.Outcome);
        Assert.Equal(1.10010, result.Price);
        Assert.Equal(result.Order, result.Position);
        Assert.Equal(result.Order + 1, result.Deal);
        var position = Assert.Single(h.Account.Positions);
        Assert.Equal((result.Position, "EURUSD", PositionType.Buy, 0.5m, 1.10010, 42ul, "entry"),
            (position.Ticket, position.Symbol, position.Type, position.Volume, position.PriceOpen, position.Magic, position.Comment));
        var deal = h.Account.Deals(HistoryQuery.All)[^1];
        Assert.Equal((DealType.Buy, DealEntry.In, 42ul, "entry", result.Order), (deal.Type, deal.Entry, deal.Magic, deal.Comment, deal.Order));
        var order = Assert.Single(h.Account.HistoryOrders(HistoryQuery.All));
        Assert.Equal((OrderState.Filled, 42ul, "entry", 0m), (order.State, order.Magic, order.Comment, order.VolumeCurrent));
    }

    [Fact]
    public void Send_SellOnNetting_FillsAtBid()
    {
        var h = new Harness(AccountMarginMode.RetailNetting);
        var result = h.Sell(1m);

        Assert.Equal(1.10000, result.Price);
        Assert.Equal(PositionType.Sell, Assert.Single(h.Account.Positions).Type);
    }

    [Fact]
    public void Send_MarketOrder_EmitsTransactionsInMt5Order()
    {
        var h = new Harness();
        h.Account.Changes.Clear();
        h.Buy(1m);

        Assert.Equal(
            [TradeTransactionType.OrderAdd, TradeTransactionType.DealAdd, TradeTransactionType.Position, TradeTransactionType.OrderDelete, TradeTransactionType.HistoryAdd],
            h.Account.Changes.Transactions.Select(t => t.Type));
        Assert.Equal(h.Account.Balance, h.Account.Changes.Balance);
        Assert.Equal(h.Account.ToState().NextTicket, h.Account.Changes.NextTicket);
    }

    [Fact]
    public void Send_NettingSameDirection_AddsAtVolumeWeightedPrice()
    {
        var h = new Harness(AccountMarginMode.RetailNetting);
        var first = h.Buy(1m);
        h.Quote("EURUSD", 1.10100, 1.10110);
        var second = h.Buy(3m);

        var position = Assert.Single(h.Account.Positions);
        Assert.Equal(first.Position, second.Position);
        Assert.Equal(4m, position.Volume);
        Assert.Equal(((1 * 1.10010) + (3 * 1.10110)) / 4, position.PriceOpen, 1e-12);
    }

    [Fact]
    public void Send_NettingOpposite_ReducesAndRealisesProfit()
    {
        var h = new Harness(AccountMarginMode.RetailNetting);
        h.Buy(2m);
        h.Quote("EURUSD", 1.10110, 1.10120);
        var result = h.Sell(0.5m);

        // (1.10110 − 1.10010) × 100 000 × 0.5 = 50.00 USD.
        var deal = h.Account.Deals(HistoryQuery.All)[^1];
        Assert.Equal((DealEntry.Out, 50.00m, 1.10110), (deal.Entry, deal.Profit, deal.Price));
        Assert.Equal(1.5m, Assert.Single(h.Account.Positions).Volume);
        Assert.Equal(10_050m, h.Account.Balance);
        Assert.Equal(TradeRetcode.Done, result.Retcode);
    }

    [Fact]
    public void Send_NettingLargerOpposite_ReversesWithOneInOutDealAndKeepsTicket()
    {
        var h = new Harness(AccountMarginMode.RetailNetting);
        var opened = h.Buy(1m);
        h.Quote("EURUSD", 1.09910, 1.09920);
        h.Sell(3m);

        // (1.09910 − 1.10010) × 100 000 × 1 = −100.00 USD realised; 2 lots short remain at the deal price.
        var deal = h.Account.Deals(HistoryQuery.All)[^1];
        Assert.Equal((DealEntry.InOut, 3m, -100.00m), (deal.Entry, deal.Volume, deal.Profit));
        var position = Assert.Single(h.Account.Positions);
        Assert.Equal((opened.Position, PositionType.Sell, 2m, 1.09910), (position.Ticket, position.Type, position.Volume, position.PriceOpen));
    }

    [Fact]
    public void Send_NettingExactOpposite_ClosesWithVolumeZeroEvent()
    {
        var h = new Harness(AccountMarginMode.RetailNetting);
        h.Buy(1m);
        h.Account.Changes.Clear();
        h.Sell(1m);

        Assert.Empty(h.Account.Positions);
        var closed = h.Account.Changes.Transactions.Single(t => t.Type == TradeTransactionType.Position).Position!;
        Assert.Equal(0m, closed.Volume);

        // Closing a buy at the bid right away loses the spread: 10 points × 1 USD.
        Assert.Equal(9_990m, h.Account.Balance);
    }

    [Fact]
    public void Send_HedgingOpposite_OpensSecondPosition()
    {
        var h = new Harness();
        h.Buy(1m);
        h.Sell(1m);

        Assert.Equal([PositionType.Buy, PositionType.Sell], h.Account.Positions.Select(p => p.Type));
    }

    [Fact]
    public void Send_HedgingCloseByTicket_PartialCloseRealisesThatPartOnly()
    {
        var h = new Harness();
        var opened = h.Buy(2m);
        h.Quote("EURUSD", 1.10210, 1.10220);
        var result = h.Market(OrderType.Sell, 0.5m, position: opened.Position);

        Assert.Equal(TradeRetcode.Done, result.Retcode);
        Assert.Equal(opened.Position, result.Position);
        var deal = h.Account.Deals(HistoryQuery.All)[^1];

        // (1.10210 − 1.10010) × 100 000 × 0.5 = 100.00 USD.
        Assert.Equal((DealEntry.Out, 100.00m, opened.Position), (deal.Entry, deal.Profit, deal.PositionId));
        Assert.Equal(1.5m, Assert.Single(h.Account.Positions).Volume);
    }

    [Fact]
    public void Send_Commission_ChargedPerLotOnEntryAndExit()
    {
        var h = new Harness(configure: s => s with { Commission = new CommissionSchedule(PerLot: 3.5m) });
        var opened = h.Buy(2m);
        h.Market(OrderType.Sell, 2m, position: opened.Position);

        var deals = h.Account.Deals(HistoryQuery.All).Where(d => d.Symbol.Length > 0).ToList();
        Assert.Equal([-7.00m, -7.00m], deals.Select(d => d.Commission));

        // 10 000 − 2 × 10 points × 1 USD spread − 14 commission.
        Assert.Equal(10_000m - 20m - 14m, h.Account.Balance);
    }

    [Fact]
    public void Send_FixedSlippage_FillsAgainstTheTrader()
    {
        var h = new Harness(configure: s => s with { Slippage = new SlippageModel(FixedPoints: 3) });

        Assert.Equal(1.10013, h.Buy(1m).Price, 1e-10);
        Assert.Equal(1.09997, h.Sell(1m).Price, 1e-10);
    }

    [Fact]
    public void Send_RepeatedClientOrderId_ReturnsFirstResultAndTradesOnce()
    {
        var h = new Harness();
        var request = new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 1m, ClientOrderId = "abc" };
        var first = h.Account.Send(request);
        var second = h.Account.Send(request with { Volume = 2m });

        Assert.Same(first, second);
        Assert.Equal("abc", first.ClientOrderId);
        Assert.Single(h.Account.Positions);
        Assert.Single(h.Account.Changes.ClientOrders);
    }

    [Fact]
    public void Send_RepeatedClientOrderIdAfterRejection_ReturnsTheRejection()
    {
        var h = new Harness();
        var request = new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 0.001m, ClientOrderId = "x" };
        var first = h.Account.Send(request);
        var retry = h.Account.Send(request with { Volume = 1m });

        Assert.Equal(TradeRetcode.InvalidVolume, retry.Retcode);
        Assert.Same(first, retry);
        Assert.Empty(h.Account.Positions);
    }

    [Fact]
    public void Check_Buy_ReportsRequiredMarginAndFreeMarginAfterWithoutTrading()
    {
        var h = new Harness();
        var before = h.Account.ToState();
        var check = h.Account.Check(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 1m });

        // 1 lot × 100 000 / 100 = 1 000 EUR, paid at the EURUSD ask 1.10010 = 1 100.10 USD; equity loses the 10 USD spread.
        Assert.Equal(TradeRetcode.Done, check.Retcode);
        Assert.Equal(1100.10, check.RequiredMargin, 1e-9);
        Assert.Equal(1100.10, check.Margin, 1e-9);
        Assert.Equal(9_990, check.Equity, 1e-9);
        Assert.Equal(9_990 - 1100.10, check.MarginFree, 1e-9);
        Harness.AssertSameState(before, h.Account.ToState());
    }

    [Fact]
    public void Snapshot_OpenPosition_EquityIsBalancePlusFloatingProfit()
    {
        var h = new Harness();
        h.Buy(1m);
        h.Quote("EURUSD", 1.10250, 1.10260);
        var snapshot = h.Account.Snapshot();

        // (1.10250 − 1.10010) × 100 000 = 240 USD; margin at the new ask: 1 000 EUR × 1.10260.
        Assert.Equal(240, snapshot.Profit, 1e-6);
        Assert.Equal(10_240, snapshot.Equity, 1e-6);
        Assert.Equal(1102.60, snapshot.Margin, 1e-6);
        Assert.False(snapshot.MarginCall);
    }

    [Fact]
    public void Deposit_AddsBalanceDealAndWithdrawalBeyondFreeMarginIsRejected()
    {
        var h = new Harness();
        Assert.Equal(TradeRetcode.Done, h.Account.Deposit(500m, "top up").Retcode);
        h.Buy(1m);
        var before = h.Account.ToState();

        // Free margin = 10 500 − 10 (spread) − 1 100.10 = 9 389.90.
        var rejected = h.Account.Deposit(-9_400m);
        Assert.Equal(TradeRetcode.NoMoney, rejected.Retcode);
        Harness.AssertSameState(before, h.Account.ToState());
        Assert.Equal(TradeRetcode.Done, h.Account.Deposit(-9_300m).Retcode);
        Assert.Equal(1_200m, h.Account.Balance);
        Assert.Equal(DealType.Balance, h.Account.Deals(HistoryQuery.All)[^1].Type);
    }

    [Fact]
    public void CloseAll_FilterBySideAndProfit_ClosesMatchingPositionsInTicketOrder()
    {
        var h = new Harness();
        h.Buy(1m);
        h.Sell(1m);
        h.Buy(2m);
        h.Quote("EURUSD", 1.10100, 1.10110);

        var results = h.Account.CloseAll(new PositionFilter(Type: PositionType.Buy, Profit: ProfitSign.Profit));

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(TradeRetcode.Done, r.Retcode));
        Assert.True(results[0].Position < results[1].Position);
        Assert.Equal(PositionType.Sell, Assert.Single(h.Account.Positions).Type);
    }

    [Fact]
    public void Send_InstantExecutionWithinDeviation_Fills()
    {
        var h = new Harness(eurusd: s => s with { ExecutionMode = SymbolTradeExecution.Instant });
        var result = h.Account.Send(new TradeRequest
        {
            Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 1m, Price = 1.10005, Deviation = 5,
        });

        Assert.Equal(TradeRetcode.Done, result.Retcode);
        Assert.Equal(1.10010, result.Price);
    }

    [Fact]
    public void Check_Pending_ReportsItsMarginWithoutHoldingAny()
    {
        var h = new Harness();
        var check = h.Account.Check(new TradeRequest { Action = TradeAction.Pending, Symbol = "EURUSD", Type = OrderType.BuyLimit, Volume = 2m, Price = 1.09 });

        // 2 × 100 000 / 100 = 2 000 EUR at the ask 1.10010.
        Assert.Equal(TradeRetcode.Done, check.Retcode);
        Assert.Equal(2200.20, check.RequiredMargin, 1e-9);
        Assert.Equal(0, check.Margin);
        Assert.Equal(10_000, check.MarginFree, 1e-9);
        Assert.Empty(h.Account.Orders);
    }

    [Fact]
    public void Send_EurAccountUsdJpy_WithoutEurJpyQuote_IsPriceOffThenConvertsAtEurJpy()
    {
        var h = new Harness(currency: "EUR");
        var before = h.Account.ToState();

        // JPY converts into EUR through the catalogue's direct pair EURJPY, which has no quote yet.
        var rejected = h.Buy(1m, "USDJPY");
        Assert.Equal(TradeRetcode.PriceOff, rejected.Retcode);
        Assert.Contains("EURJPY", rejected.Message, StringComparison.Ordinal);
        Harness.AssertSameState(before, h.Account.ToState());

        h.SetQuote("EURJPY", 165.000, 165.020);
        var opened = h.Buy(1m, "USDJPY");
        h.Quote("USDJPY", 151.010, 151.020);
        h.Market(OrderType.Sell, 1m, "USDJPY", position: opened.Position);

        // (151.010 − 150.010) × 100 000 = 100 000 JPY received, converted at the EURJPY ask: ÷ 165.020 = 605.99 EUR.
        Assert.Equal(Math.Round((decimal)(100_000 / 165.020), 2), h.Account.Deals(HistoryQuery.All)[^1].Profit);
    }
}
