namespace MtMcp.Backtesting.Tests;

/// <summary>
/// Execution scenarios of backtesting.py's test suite (backtesting/test/_test.py, kernc/backtesting.py v0.6.x; each
/// test names its source), run on the same data. backtesting.py's default there is <c>finalize_trades=False</c>.
/// </summary>
public sealed class CompatExecutionTests
{
    private static readonly CompatOptions s_open = new() { FinalizeTrades = false };

    /// <summary>Buy with all margin on the first call, close on the second, then nothing.</summary>
    private static Scripted BuyThenClose() => new((ctx, call) =>
    {
        if (call == 0)
        {
            ctx.Buy();
        }
        else if (call == 1)
        {
            ctx.ClosePosition();
        }
    });

    [Fact]
    public void Run_SpreadAndRelativeCommission_MatchesTestSpreadCommission()
    {
        // test_spread_commission: spread .01, commission .01; equity[2:4] rounded = [9685.31, 9749.33].
        var result = CompatBacktest.Run(TestData.ShortData, BuyThenClose(), options: s_open with { Spread = 0.01, CommissionRelative = 0.01 });
        Assert.Equal(TestData.ShortData[2].Open * 1.01, result.Trades[0].EntryPrice);
        Assert.Equal([9685.31, 9749.33], [Math.Round(result.Equity[2], 2), Math.Round(result.Equity[3], 2)]);
    }

    [Fact]
    public void Run_FixedPlusRelativeCommission_MatchesTestSpreadCommission()
    {
        // test_spread_commission: commission=(100, .01) → equity[2:4] = [9784.50, 9718.69].
        var result = CompatBacktest.Run(TestData.ShortData, BuyThenClose(), options: s_open with { CommissionFixed = 100, CommissionRelative = 0.01 });
        Assert.Equal([9784.50, 9718.69], [Math.Round(result.Equity[2], 2), Math.Round(result.Equity[3], 2)]);
    }

    [Fact]
    public void Run_CommissionFunction_GetsSignedSizes()
    {
        // test_spread_commission: commission = lambda size, price: size * price * .01 → [9781.28, 9846.04]
        // (the sell pays a negative commission: the function sees the signed size).
        var result = CompatBacktest.Run(TestData.ShortData, BuyThenClose(), options: s_open with { Commission = (size, price) => size * price * 0.01 });
        Assert.Equal([9781.28, 9846.04], [Math.Round(result.Equity[2], 2), Math.Round(result.Equity[3], 2)]);
    }

    [Fact]
    public void Run_FixedAndRelativeCommissionOnBothFills_MatchesTestCommissions()
    {
        // test_commissions: prices [1, 1, 1, 2, 4, 1, 2], buy 100 units with TP 3 on the second bar, commission (10, .01).
        var bars = TestData.Flat(1, 1, 1, 2, 4, 1, 2);
        var strategy = new Scripted((ctx, call) =>
        {
            if (call == 0)
            {
                ctx.Buy(size: 100, tp: 3);
            }
        });
        var result = CompatBacktest.Run(bars, strategy, options: new CompatOptions { Cash = 5000, CommissionFixed = 10, CommissionRelative = 0.01, FinalizeTrades = false });
        const double Paid = 10 + (0.01 * 100 * 1) + 10 + (0.01 * 100 * 4);
        Assert.Equal(Paid, result.Statistics.Commissions);
        Assert.Equal(Paid, result.Trades[0].Commission);
        Assert.Equal(5000 + ((4 - 1) * 100) - Paid, result.Statistics.EquityFinal);
    }

    [Fact]
    public void Run_MarketEntryAndStopLossInTheSameBar_ExitsAtTheStopLoss()
    {
        // test_trade_enter_hit_sl_on_same_day: buy(sl=720) on 2012-10-17 → ExitPrice 720.
        var day = TestData.Day(2012, 10, 17);
        var result = CompatBacktest.Run(TestData.Goog, OnDay(day, ctx => ctx.Buy(sl: 720)), options: s_open);
        Assert.Equal(720, result.Trades[0].ExitPrice);
    }

    [Fact]
    public void Run_StopEntryAndStopLossInTheSameBar_StopLossWaitsForTheNextBar()
    {
        // test_trade_enter_hit_sl_on_same_day: buy(stop=758, sl=720) → ExitPrice 705.58, the next bar's gapped open.
        var day = TestData.Day(2012, 10, 17);
        var result = CompatBacktest.Run(TestData.Goog, OnDay(day, ctx => ctx.Buy(stop: 758, sl: 720)), options: s_open);
        var trade = result.Trades[0];
        Assert.Equal(705.58, trade.ExitPrice);
        Assert.Equal(TestData.Goog[trade.ExitBar].Open, trade.ExitPrice);
        Assert.Equal(720, trade.StopLoss);
    }

    [Fact]
    public void Run_StopEntryBetweenStopLossAndTakeProfit_EntersAtTheStop()
    {
        // test_stop_price_between_sl_tp: buy(stop=104, sl=103, tp=110) on 2004-09-09 → EntryPrice 104.
        var result = CompatBacktest.Run(TestData.Goog, OnDay(TestData.Day(2004, 9, 9), ctx => ctx.Buy(stop: 104, sl: 103, tp: 110)), options: s_open);
        Assert.Equal(104, result.Trades[0].EntryPrice);
    }

    [Fact]
    public void Run_StopLossAndTakeProfitInOneBar_TakesTheStopLossFirst()
    {
        // test_sl_always_before_tp: buy on the 4th bar, then SL 105 / TP 107.9 → ExitPrice 104.95 (a gap below the SL).
        var strategy = new Scripted((ctx, call) =>
        {
            if (ctx.BarIndex == 3)
            {
                ctx.Buy();
            }
            else if (ctx.BarIndex == 4)
            {
                ctx.SetTradeStops(0, 105, 107.9);
            }
        });
        var result = CompatBacktest.Run(TestData.ShortData, strategy, options: s_open);
        Assert.Equal(104.95, result.Trades[0].ExitPrice);
    }

    [Fact]
    public void Run_StopEntryAndTakeProfitInOneBar_ExitsAtTheTakeProfitInThatBar()
    {
        // test_stop_entry_and_tp_in_same_bar: sell(stop=108, tp=105, sl=113) on the 3rd bar → ExitBar 3, ExitPrice 105.
        var result = CompatBacktest.Run(TestData.ShortData, OnBar(2, ctx => ctx.Sell(stop: 108, tp: 105, sl: 113)), options: s_open);
        Assert.Equal(3, result.Trades[0].ExitBar);
        Assert.Equal(105, result.Trades[0].ExitPrice);
    }

    [Fact]
    public void Run_GapThroughStopLoss_FillsAtTheOpenAndKeepsTheLevel()
    {
        // A long's SL 99.5 gapped through: exit at the next open (99.19 on SHORT_DATA, as the GH-1340 regression test),
        // the trade's SL still 99.5.
        var result = CompatBacktest.Run(TestData.ShortData, OnBar(8, ctx => ctx.Buy(size: 1, sl: 99.5)), options: s_open);
        var trade = Assert.Single(result.Trades);
        Assert.True(TestData.ShortData[trade.ExitBar].Open < 99.5);
        Assert.Equal(TestData.ShortData[trade.ExitBar].Open, trade.ExitPrice);
        Assert.Equal(99.19, trade.ExitPrice);
        Assert.Equal(99.5, trade.StopLoss);
    }

    [Fact]
    public void Run_StopLimitOrders_FillAtTheStopPrice()
    {
        // test_stop_limit_order_price_is_stop_price: buy(stop=112, limit=113), sell(stop=107, limit=105) → [112, 107].
        var strategy = new Scripted((ctx, call) =>
        {
            if (call == 0)
            {
                ctx.Buy(size: 1, stop: 112, limit: 113);
                ctx.Sell(size: 1, stop: 107, limit: 105);
            }
        });
        var trade = Assert.Single(CompatBacktest.Run(TestData.ShortData, strategy, options: s_open).Trades);
        Assert.Equal([112.0, 107.0], [trade.EntryPrice, trade.ExitPrice]);
    }

    [Fact]
    public void Run_WellKnownStopLimitTradesWithMargin_RunOutOfMoney()
    {
        // test_wellknown: margin .1; peak 46961, final 0, two trades with these dates and PnL ≈ [23469, −34420].
        var strategy = new Scripted((ctx, call) =>
        {
            var bar = ctx.Bars[^1];
            if (bar.Time == TestData.Day(2006, 10, 19))
            {
                ctx.Buy(stop: 484, limit: 466, size: 100);
            }
            else if (bar.Time == TestData.Day(2007, 10, 30))
            {
                ctx.ClosePosition();
            }
            else if (bar.Time == TestData.Day(2008, 11, 11))
            {
                ctx.Sell(stop: bar.Low, limit: 324.90, size: 200);
            }
        });
        var result = CompatBacktest.Run(TestData.Goog, strategy, options: new CompatOptions { Margin = 0.1, FinalizeTrades = false });
        Assert.Equal(46961, result.Statistics.EquityPeak, 7);
        Assert.Equal(0, result.Statistics.EquityFinal);
        Assert.Equal(2, result.Trades.Count);
        Assert.Equal([TestData.Day(2006, 11, 1), TestData.Day(2008, 11, 14)], result.Trades.Select(t => t.EntryTime));
        Assert.Equal([TestData.Day(2007, 10, 31), TestData.Day(2009, 9, 21)], result.Trades.Select(t => t.ExitTime));
        Assert.Equal([23469.0, -34420.0], result.Trades.Select(t => Math.Round(t.Profit)));
    }

    [Fact]
    public void Run_ExclusiveOrders_ReplacesTheTrade()
    {
        // test_broker_exclusive_orders: buy(size=2) then sell(size=3) → one trade of −3.
        var sizes = new List<double>();
        var strategy = new Scripted((ctx, call) =>
        {
            if (call == 0)
            {
                ctx.Buy(size: 2);
            }
            else if (call == 1)
            {
                Assert.Equal(1, ctx.TradeCount);
                ctx.Sell(size: 3);
            }
            else if (call == 2)
            {
                sizes.Add(ctx.TradeCount);
                sizes.Add(ctx.Trade(0).Size);
            }
        });
        CompatBacktest.Run(TestData.ShortData, strategy, options: s_open with { ExclusiveOrders = true });
        Assert.Equal([1.0, -3.0], sizes);
    }

    [Fact]
    public void Run_Hedging_KeepsOppositeTrades()
    {
        // test_broker_hedging: buy(size=2), sell(size=1) → two trades.
        var counts = new List<int>();
        var strategy = new Scripted((ctx, call) =>
        {
            if (call == 0)
            {
                ctx.Buy(size: 2);
            }
            else if (call == 1)
            {
                counts.Add(ctx.TradeCount);
                ctx.Sell(size: 1);
            }
            else if (call == 2)
            {
                counts.Add(ctx.TradeCount);
            }
        });
        CompatBacktest.Run(TestData.ShortData, strategy, options: s_open with { Hedging = true });
        Assert.Equal([1, 2], counts);
    }

    [Fact]
    public void Run_PartialCloses_KeepTheOpeningOrdersTag()
    {
        // test_order_tag: buy(2, tag=1); sell(1, tag='s'); sell(1); buy(tag=2); close → tags [1, 1, 2].
        var strategy = new Scripted((ctx, call) =>
        {
            switch (call)
            {
                case 0: ctx.Buy(size: 2, tag: "1"); break;
                case 1: ctx.Sell(size: 1, tag: "s"); break;
                case 2: ctx.Sell(size: 1); break;
                case 3: ctx.Buy(tag: "2"); break;
                case 4: ctx.ClosePosition(); break;
            }
        });
        var result = CompatBacktest.Run(TestData.ShortData, strategy, options: s_open);
        Assert.Equal(["1", "1", "2"], result.Trades.Select(t => t.Tag));
    }

    [Fact]
    public void Run_Finalize_ClosesTheLastTradeAtTheLastClose()
    {
        // test_close_orders_from_last_strategy_iteration: without finalising the open trade is not a trade; with it, it is.
        var strategy = () => new Scripted((ctx, call) =>
        {
            if (ctx.Position.IsFlat)
            {
                ctx.Buy();
            }
        });
        Assert.Empty(CompatBacktest.Run(TestData.ShortData, strategy(), options: s_open).Trades);
        var result = CompatBacktest.Run(TestData.ShortData, strategy(), options: new CompatOptions());
        var trade = Assert.Single(result.Trades);
        Assert.Equal((19, TestData.ShortData[19].Close), (trade.ExitBar, trade.ExitPrice));
        Assert.Equal(10_000 + trade.Profit, result.Statistics.EquityFinal, 9);
    }

    [Fact]
    public void Run_TradeOnClose_ExitsAtTheCloseOfTheExitBar()
    {
        // test_trades_dates_match_prices: EURUSD SmaCross with trade_on_close → ExitPrice = Close at ExitTime.
        var bars = TestData.EurUsd;
        var result = CompatBacktest.Run(bars, new SmaCross(), new StrategyParameters().Set("fast", 10).Set("slow", 30), new CompatOptions { TradeOnClose = true, FinalizeTrades = false });
        Assert.NotEmpty(result.Trades);
        foreach (var trade in result.Trades)
        {
            Assert.Equal(bars[TestData.IndexOf(bars, trade.ExitTime)].Close, trade.ExitPrice);
            Assert.Equal(bars[trade.EntryBar].Close, trade.EntryPrice);
        }
    }

    [Fact]
    public void Run_EurUsdSmaCross_LedgerAddsUp()
    {
        // EURUSD hourly (test_run): every fill at the next bar's open, sides alternate, and the final equity is the
        // cash plus the sum of trade PnL (no costs), as a hand check of the ledger.
        var bars = TestData.EurUsd;
        var result = CompatBacktest.Run(bars, new SmaCross(), new StrategyParameters().Set("fast", 10).Set("slow", 30));
        Assert.True(result.Trades.Count > 50);
        for (var k = 0; k < result.Trades.Count; k++)
        {
            var t = result.Trades[k];
            Assert.Equal(bars[t.EntryBar].Open, t.EntryPrice);
            Assert.Equal(k == result.Trades.Count - 1 ? bars[^1].Close : bars[t.ExitBar].Open, t.ExitPrice);
            Assert.Equal(t.Size * (t.ExitPrice - t.EntryPrice), t.Profit, 9);
            if (k > 0)
            {
                Assert.NotEqual(Math.Sign(t.Size), Math.Sign(result.Trades[k - 1].Size));
            }
        }

        Assert.Equal(10_000 + result.Trades.Sum(t => t.Profit), result.Statistics.EquityFinal, 6);
        // Hourly bars: annualised over 252 days (weekend share below 2/7 × 0.6), durations rounded up to hours.
        Assert.Equal(0, result.Statistics.MaxTradeDurationDays * 24 % 1, 9);
    }

    private static Scripted OnDay(long time, Action<IStrategyContext> action) =>
        new((ctx, _) =>
        {
            if (ctx.Bars[^1].Time == time)
            {
                action(ctx);
            }
        });

    private static Scripted OnBar(int index, Action<IStrategyContext> action) =>
        new((ctx, _) =>
        {
            if (ctx.BarIndex == index)
            {
                action(ctx);
            }
        });
}
