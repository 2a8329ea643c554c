namespace MtMcp.Engine.Tests.Orders;

/// <summary>End to end through OnQuote/AdvanceTime: SL, TP, trailing stops, stop-out, rollover, close-by, restore.</summary>
public sealed class TriggerTests
{
    [Fact]
    public void OnQuote_PendingOrderWouldHedge_OnAnAccountThatProhibitsHedging_IsRejectedAtActivation()
    {
        var h = new Harness(configure: s => s with { HedgeAllowed = false });
        var stop = h.Pending(OrderType.BuyStop, 1m, 1.10100);
        Assert.Equal(TradeRetcode.Done, stop.Retcode);
        Assert.Equal(TradeRetcode.Done, h.Sell(1m).Retcode);

        h.Quote("EURUSD", 1.10100, 1.10110);

        var position = Assert.Single(h.Account.Positions);
        Assert.Equal(PositionType.Sell, position.Type);
        Assert.Empty(h.Account.Orders);
        Assert.Equal(OrderState.Rejected, Assert.Single(h.Account.HistoryOrders(HistoryQuery.All), o => o.Ticket == stop.Order).State);
    }

    [Fact]
    public void OnQuote_BuyStopLoss_ClosesAtBidWithSlReasonsAndPositionMagic()
    {
        var h = new Harness(configure: s => s with { Slippage = new SlippageModel(FixedPoints: 2) });
        h.Account.Send(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 1m, StopLoss = 1.09900, Magic = 9 });
        var open = h.Account.Positions[0];

        h.Quote("EURUSD", 1.09910, 1.09920);
        Assert.Single(h.Account.Positions);
        h.Quote("EURUSD", 1.09850, 1.09860);

        Assert.Empty(h.Account.Positions);
        var deal = h.Account.Deals(HistoryQuery.All)[^1];

        // Gapped to 1.09850, minus 2 points of slippage: (1.09848 − open) × 100 000.
        Assert.Equal((DealReason.StopLoss, DealEntry.Out, 9ul), (deal.Reason, deal.Entry, deal.Magic));
        Assert.Equal(1.09848, deal.Price, 1e-10);
        Assert.Equal(Math.Round((decimal)((1.09848 - open.PriceOpen) * 100_000), 2), deal.Profit);
        var order = h.Account.HistoryOrders(HistoryQuery.All)[^1];
        Assert.Equal((OrderReason.StopLoss, OrderType.Sell, open.Ticket, 9ul), (order.Reason, order.Type, order.PositionId, order.Magic));
    }

    [Fact]
    public void OnQuote_SellTakeProfit_ClosesAtAskWithoutSlippage()
    {
        var h = new Harness(AccountMarginMode.RetailNetting, s => s with { Slippage = new SlippageModel(FixedPoints: 2) });
        h.Sell(1m, tp: 1.09500);
        var open = h.Account.Positions[0].PriceOpen;
        h.Quote("EURUSD", 1.09480, 1.09490);

        Assert.Empty(h.Account.Positions);
        var deal = h.Account.Deals(HistoryQuery.All)[^1];
        Assert.Equal((DealReason.TakeProfit, 1.09490), (deal.Reason, deal.Price));
        Assert.Equal(Math.Round((decimal)((open - 1.09490) * 100_000), 2), deal.Profit);
    }

    [Fact]
    public void OnQuote_SellStopLoss_FiresWhenTheAskReachesItWhileTheBidIsBelow()
    {
        var h = new Harness();
        h.Sell(1m, sl: 1.10100);

        h.Quote("EURUSD", 1.10089, 1.10099);
        Assert.Single(h.Account.Positions);

        // A short closes at the ask: the stop fires with the bid still 10 points below it.
        h.Quote("EURUSD", 1.10090, 1.10100);
        Assert.Empty(h.Account.Positions);
        Assert.Equal(1.10100, h.Account.Deals(HistoryQuery.All)[^1].Price);
    }

    [Fact]
    public void SlTp_ModifiesPositionStopsAndTheyFire()
    {
        var h = new Harness();
        var opened = h.Buy(1m);
        var result = h.Account.Send(new TradeRequest { Action = TradeAction.SlTp, Position = opened.Position, TakeProfit = 1.10200 });
        Assert.Equal(TradeRetcode.Done, result.Retcode);
        Assert.Equal(1.10200, h.Account.Positions[0].TakeProfit);

        h.Quote("EURUSD", 1.10200, 1.10210);
        Assert.Equal(DealReason.TakeProfit, h.Account.Deals(HistoryQuery.All)[^1].Reason);
    }

    [Fact]
    public void OnQuote_TrailingStop_FollowsForwardByStepsAndThenStopsOut()
    {
        var h = new Harness();
        h.Account.Send(new TradeRequest
        {
            Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 1m, TrailingStopPoints = 100, TrailingStepPoints = 20,
        });

        // Opened at 1.10010: the trail starts once the bid is 100 points above the open price.
        h.Quote("EURUSD", 1.10100, 1.10110);
        Assert.Equal(0, h.Account.Positions[0].StopLoss);
        h.Quote("EURUSD", 1.10110, 1.10120);
        Assert.Equal(1.10010, h.Account.Positions[0].StopLoss, 1e-10);
        h.Quote("EURUSD", 1.10125, 1.10135);
        Assert.Equal(1.10010, h.Account.Positions[0].StopLoss, 1e-10);
        h.Quote("EURUSD", 1.10130, 1.10140);
        Assert.Equal(1.10030, h.Account.Positions[0].StopLoss, 1e-10);
        h.Quote("EURUSD", 1.10050, 1.10060);
        Assert.Equal(1.10030, h.Account.Positions[0].StopLoss, 1e-10);

        h.Quote("EURUSD", 1.10030, 1.10040);
        Assert.Empty(h.Account.Positions);
        var deal = h.Account.Deals(HistoryQuery.All)[^1];
        Assert.Equal((DealReason.StopLoss, 20.00m), (deal.Reason, deal.Profit));
    }

    [Fact]
    public void OnQuote_StopOut_ClosesLargestLoserFirstAndStopsAboveTheLevel()
    {
        var h = new Harness(deposit: 2_000m, leverage: 500);
        var first = h.Buy(2m);
        h.Quote("EURUSD", 1.10500, 1.10510);
        var second = h.Buy(2m);
        Assert.Equal(TradeRetcode.Done, second.Retcode);

        // Bid 1.09850: A = (1.09850 − 1.10010) × 200 000 = −320, B = (1.09850 − 1.10510) × 200 000 = −1 320,
        // equity 360, margin 4 lots × 100 000 / 500 EUR × 1.09860 = 878.88 → 41 % ≤ 50 %: stop-out.
        // Closing B leaves equity 360 on margin 439.44 (82 %): A stays.
        h.Quote("EURUSD", 1.09850, 1.09860);

        var position = Assert.Single(h.Account.Positions);
        Assert.Equal(first.Position, position.Ticket);
        var deal = h.Account.Deals(HistoryQuery.All)[^1];
        Assert.Equal((DealReason.StopOut, second.Position, -1_320.00m), (deal.Reason, deal.PositionId, deal.Profit));
        Assert.Equal(OrderReason.StopOut, h.Account.HistoryOrders(HistoryQuery.All)[^1].Reason);
        Assert.Equal(680m, h.Account.Balance);
    }

    [Fact]
    public void Snapshot_BelowMarginCallLevel_RaisesTheFlag()
    {
        var h = new Harness(deposit: 2_000m, leverage: 500);
        h.Buy(4m);

        // Margin 4 × 100 000 / 500 = 800 EUR ≈ 880 USD; equity 2 000 + (bid − 1.10010) × 400 000.
        h.Quote("EURUSD", 1.09750, 1.09760);
        var snapshot = h.Account.Snapshot();

        // Equity 2 000 − 1 040 = 960 ≤ margin 878.08 × 100 %? No: 109 % — no call yet.
        Assert.False(snapshot.MarginCall);
        h.Quote("EURUSD", 1.09700, 1.09710);
        snapshot = h.Account.Snapshot();

        // Equity 2 000 − 1 240 = 760 on margin 877.68: 86.6 % ≤ 100 %: margin call, above the 50 % stop-out.
        Assert.True(snapshot.MarginCall);
        Assert.Single(h.Account.Positions);
    }

    [Fact]
    public void OnQuote_StopOutLeavesNegativeBalance_CorrectionDealBringsItToZero()
    {
        var h = new Harness(configure: s => s with { NegativeBalanceProtection = true }, deposit: 2_000m, leverage: 500);
        h.Buy(5m);
        h.Quote("EURUSD", 1.05000, 1.05010);

        Assert.Empty(h.Account.Positions);
        var deals = h.Account.Deals(HistoryQuery.All);

        // (1.05000 − 1.10010) × 500 000 = −25 050; the correction returns the balance to 0.
        Assert.Equal(-25_050m, deals[^2].Profit);
        Assert.Equal((DealType.Correction, 23_050m), (deals[^1].Type, deals[^1].Profit));
        Assert.Equal(0m, h.Account.Balance);
    }

    [Fact]
    public void AdvanceTime_Rollovers_ChargeSwapOncePerNightAndTripleOnWednesday()
    {
        var h = new Harness();
        var opened = h.Buy(1m);

        // EURUSD long swap −6.5 points: 1 × 100 000 × −6.5 × 0.00001 = −6.50 USD a night.
        h.Account.AdvanceTime(Harness.T0 + (24 * Harness.Hour));
        Assert.Equal(-6.50m, h.Account.Positions[0].Swap);

        // The Wednesday rollover (22:00 UTC) is charged three times.
        h.Account.AdvanceTime(Harness.T0 + (48 * Harness.Hour));
        Assert.Equal(-26.00m, h.Account.Positions[0].Swap);
        Assert.Equal(10_000 - 10 - 26.0, h.Account.Snapshot().Equity, 1e-9);

        h.Market(OrderType.Sell, 1m, position: opened.Position);
        var deal = h.Account.Deals(HistoryQuery.All)[^1];
        Assert.Equal(-26.00m, deal.Swap);
        Assert.Equal(10_000m - 10m - 26m, h.Account.Balance);
    }

    [Fact]
    public void AdvanceTime_Weekend_ChargesNoSwapForSaturdayAndSunday()
    {
        var friday = new DateTimeOffset(2025, 1, 10, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var h = new Harness(start: friday);
        h.Sell(1m);

        // Friday's, Saturday's and Sunday's rollovers: 1 + 0 + 0 nights of the 1.2-point short swap = +1.20 USD.
        h.Account.AdvanceTime(friday + (72 * Harness.Hour));
        Assert.Equal(1.20m, h.Account.Positions[0].Swap);
    }

    [Fact]
    public void AdvanceTime_ReopenSwapMode_RealisesAndReopensWithRolloverDeals()
    {
        var h = new Harness(eurusd: s => s with { SwapMode = SymbolSwapMode.ReopenBid, SwapLong = -5 });
        var opened = h.Buy(1m);
        h.SetQuote("EURUSD", 1.10100, 1.10110);
        h.Account.AdvanceTime(Harness.T0 + (24 * Harness.Hour));

        var deals = h.Account.Deals(HistoryQuery.All);
        Assert.Equal((DealReason.Rollover, DealEntry.Out, 90.00m), (deals[^2].Reason, deals[^2].Entry, deals[^2].Profit));
        Assert.Equal((DealReason.Rollover, DealEntry.In), (deals[^1].Reason, deals[^1].Entry));
        var position = Assert.Single(h.Account.Positions);

        // Reopened at the bid moved 5 points against the long: 1.10100 + 0.00005.
        Assert.Equal((opened.Position, 1.10105), (position.Ticket, position.PriceOpen));
        Assert.Equal(10_090m, h.Account.Balance);
    }

    [Fact]
    public void Send_CloseBy_ClosesAtOppositeOpenPriceWithTwoOutByDeals()
    {
        var h = new Harness();
        var buy = h.Buy(1m);
        h.Quote("EURUSD", 1.10100, 1.10110);
        var sell = h.Sell(0.5m);

        var result = h.Account.Send(new TradeRequest { Action = TradeAction.CloseBy, Position = buy.Position, PositionBy = sell.Position });

        Assert.Equal(TradeRetcode.Done, result.Retcode);
        var deals = h.Account.Deals(HistoryQuery.All);

        // The buy closes 0.5 lot at the sell's open 1.10100: (1.10100 − 1.10010) × 50 000 = 45; the sell at its own price: 0.
        Assert.Equal([(DealEntry.OutBy, buy.Position, 45.00m), (DealEntry.OutBy, sell.Position, 0m)],
            deals.TakeLast(2).Select(d => (d.Entry, d.PositionId, d.Profit)));
        var rest = Assert.Single(h.Account.Positions);
        Assert.Equal((buy.Position, 0.5m), (rest.Ticket, rest.Volume));
        Assert.Equal(OrderType.CloseBy, h.Account.HistoryOrders(HistoryQuery.All)[^1].Type);
    }

    [Fact]
    public void Restore_FromState_ContinuesIdentically()
    {
        var h = new Harness(configure: s => s with { Slippage = new SlippageModel(1, 5, 77) });
        h.Account.Send(new TradeRequest
        {
            Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 1m, TrailingStopPoints = 50, ClientOrderId = "a",
        });
        h.Pending(OrderType.SellStop, 2m, 1.09800);
        h.Quote("EURUSD", 1.10100, 1.10110);

        var restored = TradingAccount.Restore("test", h.Account.ToState(), h.Board);
        Harness.AssertSameState(h.Account.ToState(), restored.ToState());

        void Step(TradingAccount account, Action<TradingAccount> action) => action(account);
        foreach (var account in new[] { h.Account, restored })
        {
            Step(account, a => a.AdvanceTime(Harness.T0 + (30 * Harness.Hour)));
            Step(account, a => a.Send(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Sell, Volume = 0.3m }));
            Step(account, a => a.Send(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 5m, ClientOrderId = "a" }));
        }

        foreach (var (bid, ask) in new[] { (1.10200, 1.10210), (1.10050, 1.10060), (1.09790, 1.09800) })
        {
            h.Board.Update(h.Id("EURUSD"), bid, ask, h.Account.TimeMs + 1000);
            h.Account.OnQuote(h.Id("EURUSD"));
            restored.OnQuote(h.Id("EURUSD"));
        }

        Harness.AssertSameState(h.Account.ToState(), restored.ToState());
        Assert.Contains(h.Account.Deals(HistoryQuery.All), d => d.Reason == DealReason.StopLoss);
    }

    [Fact]
    public void OnQuote_NothingNearATrigger_AllocatesNothing()
    {
        var h = new Harness();
        h.Buy(1m, sl: 1.09000, tp: 1.12000);
        h.Pending(OrderType.BuyLimit, 1m, 1.08000);
        var id = h.Id("EURUSD");
        var time = h.Now;

        var fewest = long.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                time += 10;
                h.Board.Update(id, 1.10000 + (i % 7 * 0.00001), 1.10010 + (i % 7 * 0.00001), time);
                h.Account.OnQuote(id);
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
    }

    [Fact]
    public void OnQuote_SellTrailingStop_FollowsTheAskDownAndCloses()
    {
        var h = new Harness();
        h.Account.Send(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Sell, Volume = 1m, TrailingStopPoints = 50 });

        // Sold at 1.10000; the ask 50 points lower starts the trail at the open price, then every point counts.
        h.Quote("EURUSD", 1.09940, 1.09950);
        Assert.Equal(1.10000, h.Account.Positions[0].StopLoss, 1e-10);
        h.Quote("EURUSD", 1.09930, 1.09940);
        Assert.Equal(1.09990, h.Account.Positions[0].StopLoss, 1e-10);
        h.Quote("EURUSD", 1.09935, 1.09945);
        Assert.Equal(1.09990, h.Account.Positions[0].StopLoss, 1e-10);

        h.Quote("EURUSD", 1.09980, 1.09990);
        Assert.Empty(h.Account.Positions);
        Assert.Equal(10.00m, h.Account.Deals(HistoryQuery.All)[^1].Profit);
    }

    [Fact]
    public void OnQuote_MoneyStopOutMode_ComparesEquityWithTheLevels()
    {
        var h = new Harness(
            configure: s => s with { Info = s.Info with { StopoutMode = AccountStopoutMode.Money, MarginCall = 1_000, MarginStopOut = 500 } },
            deposit: 2_000m, leverage: 500);
        h.Buy(5m);

        // (1.09720 − 1.10010) × 500 000 = −1 450: equity 550, below the 1 000 call, above the 500 stop-out.
        h.Quote("EURUSD", 1.09720, 1.09730);
        Assert.True(h.Account.Snapshot().MarginCall);
        Assert.Single(h.Account.Positions);

        // −1 550: equity 450 ≤ 500.
        h.Quote("EURUSD", 1.09700, 1.09710);
        Assert.Empty(h.Account.Positions);
        Assert.Equal(DealReason.StopOut, h.Account.Deals(HistoryQuery.All)[^1].Reason);
    }

    [Fact]
    public void AdvanceTime_DailyGtcMode_ExpiresOrdersAndRemovesStopsAtServerMidnight()
    {
        var h = new Harness(eurusd: s => s with { GtcMode = OrderGtcMode.Daily });
        h.Buy(1m, sl: 1.09000, tp: 1.12000);
        h.Pending(OrderType.BuyLimit, 1m, 1.09000);

        h.Account.AdvanceTime(Harness.T0 + (13 * Harness.Hour));

        Assert.Empty(h.Account.Orders);
        Assert.Equal(OrderState.Expired, h.Account.HistoryOrders(HistoryQuery.All)[^1].State);
        var position = Assert.Single(h.Account.Positions);
        Assert.Equal((0.0, 0.0), (position.StopLoss, position.TakeProfit));
    }

    [Fact]
    public void AdvanceTime_SpecifiedDay_ExpiresAtTheEndOfThatServerDay()
    {
        var h = new Harness();
        h.Account.Send(new TradeRequest
        {
            Action = TradeAction.Pending, Symbol = "EURUSD", Type = OrderType.BuyLimit, Volume = 1m, Price = 1.09,
            TimeType = OrderTimeType.SpecifiedDay, ExpirationMs = Harness.T0 + (24 * Harness.Hour),
        });

        // Wednesday 10:00 UTC is in the server day that ends Wednesday 22:00 UTC.
        h.Account.AdvanceTime(Harness.T0 + (36 * Harness.Hour) - 1);
        Assert.Single(h.Account.Orders);
        h.Account.AdvanceTime(Harness.T0 + (36 * Harness.Hour));
        Assert.Empty(h.Account.Orders);
    }

    [Fact]
    public void SlTp_NettingBySymbol_SetsTheSymbolsPosition()
    {
        var h = new Harness(AccountMarginMode.RetailNetting);
        h.Buy(1m);
        var result = h.Account.Send(new TradeRequest { Action = TradeAction.SlTp, Symbol = "EURUSD", StopLoss = 1.09500 });

        Assert.Equal(TradeRetcode.Done, result.Retcode);
        Assert.Equal(1.09500, h.Account.Positions[0].StopLoss);
    }

    [Fact]
    public void AdvanceTime_Backwards_IsIgnored()
    {
        var h = new Harness();
        h.Account.AdvanceTime(Harness.T0 + Harness.Hour);
        h.Account.AdvanceTime(Harness.T0);

        Assert.Equal(Harness.T0 + Harness.Hour, h.Account.TimeMs);
        Assert.Equal(Harness.T0 + Harness.Hour, h.Account.Changes.TimeMs);
    }

    [Fact]
    public void Restore_OntoUnquotedBoard_WaitsForQuotesThenTriggers()
    {
        var h = new Harness();
        h.Buy(1m, sl: 1.09500);
        var board = new QuoteBoard(SymbolCatalog.BuiltIn);
        var restored = TradingAccount.Restore("test", h.Account.ToState(), board);

        // No quote yet: the snapshot does not throw and values nothing it cannot price.
        Assert.Equal(10_000m, restored.Snapshot().Balance);

        board.TryGetId("EURUSD", out var id);
        board.Update(id, 1.09400, 1.09410, h.Now + 1000);
        restored.OnQuote(id);

        Assert.Empty(restored.Positions);
        Assert.Equal(DealReason.StopLoss, restored.Deals(HistoryQuery.All)[^1].Reason);
    }

    [Fact]
    public void OnQuote_StopLossAndPendingFill_EmitTransactionsInMt5Order()
    {
        var h = new Harness();
        h.Buy(1m, sl: 1.09900);
        h.Pending(OrderType.SellStop, 1m, 1.09800);
        h.Account.Changes.Clear();

        h.Quote("EURUSD", 1.09890, 1.09900);
        Assert.Equal(
            [TradeTransactionType.OrderAdd, TradeTransactionType.DealAdd, TradeTransactionType.Position, TradeTransactionType.OrderDelete, TradeTransactionType.HistoryAdd],
            h.Account.Changes.Transactions.Select(t => t.Type));
        Assert.Equal(0m, h.Account.Changes.Transactions[2].Position!.Volume);
        h.Account.Changes.Clear();

        h.Quote("EURUSD", 1.09790, 1.09800);
        Assert.Equal(
            [TradeTransactionType.DealAdd, TradeTransactionType.Position, TradeTransactionType.OrderDelete, TradeTransactionType.HistoryAdd],
            h.Account.Changes.Transactions.Select(t => t.Type));
        Assert.Equal(h.Account.Balance, h.Account.Changes.Balance);
        Assert.Equal(h.Now, h.Account.Changes.TimeMs);
    }
}
