namespace MtMcp.Engine.Tests.Orders;

public sealed class FillingTests
{
    private static TradeRequest Buy(decimal volume, OrderFilling? filling = null) =>
        new() { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = volume, Filling = filling };

    [Theory]
    [InlineData(SymbolTradeExecution.Market, SymbolFillingFlags.Fok | SymbolFillingFlags.Ioc, OrderFilling.Fok)]
    [InlineData(SymbolTradeExecution.Market, SymbolFillingFlags.Ioc, OrderFilling.Ioc)]
    [InlineData(SymbolTradeExecution.Exchange, SymbolFillingFlags.None, OrderFilling.Return)]
    [InlineData(SymbolTradeExecution.Instant, SymbolFillingFlags.None, OrderFilling.Fok)]
    public void Send_NoFilling_UsesFirstAllowedOfFokIocReturn(SymbolTradeExecution execution, SymbolFillingFlags flags, OrderFilling expected)
    {
        var h = new Harness(eurusd: s => s with { ExecutionMode = execution, FillingFlags = flags });
        Assert.Equal(TradeRetcode.Done, h.Account.Send(Buy(1m)).Retcode);

        Assert.Equal(expected, Assert.Single(h.Account.HistoryOrders(HistoryQuery.All)).Filling);
    }

    [Theory]
    [InlineData(SymbolTradeExecution.Market, SymbolFillingFlags.Fok, OrderFilling.Ioc, false)]
    [InlineData(SymbolTradeExecution.Market, SymbolFillingFlags.Fok | SymbolFillingFlags.Ioc, OrderFilling.Return, false)]
    [InlineData(SymbolTradeExecution.Exchange, SymbolFillingFlags.None, OrderFilling.Return, true)]
    [InlineData(SymbolTradeExecution.Exchange, SymbolFillingFlags.None, OrderFilling.Fok, false)]
    [InlineData(SymbolTradeExecution.Request, SymbolFillingFlags.None, OrderFilling.Ioc, true)]
    [InlineData(SymbolTradeExecution.Instant, SymbolFillingFlags.None, OrderFilling.Return, true)]
    [InlineData(SymbolTradeExecution.Market, SymbolFillingFlags.Boc, OrderFilling.Boc, false)]
    public void Send_Filling_AllowedPerExecutionModeAndFlags(SymbolTradeExecution execution, SymbolFillingFlags flags, OrderFilling filling, bool allowed)
    {
        var h = new Harness(eurusd: s => s with { ExecutionMode = execution, FillingFlags = flags });

        Assert.Equal(allowed ? TradeRetcode.Done : TradeRetcode.InvalidFill, h.Account.Send(Buy(1m, filling)).Retcode);
    }

    [Fact]
    public void Send_PendingWithoutFilling_UsesReturn()
    {
        var h = new Harness();
        h.Pending(OrderType.BuyLimit, 1m, 1.09);

        Assert.Equal(OrderFilling.Return, Assert.Single(h.Account.Orders).Filling);
    }

    [Fact]
    public void Send_IocBeyondLiquidity_FillsTheCapAndCancelsTheRest()
    {
        var h = new Harness(configure: s => s with { MaxFillVolume = 0.7m });
        var result = h.Account.Send(Buy(2m, OrderFilling.Ioc));

        Assert.Equal(TradeRetcode.DonePartial, result.Retcode);
        Assert.Equal(TradeOutcome.Partial, result.Outcome);
        Assert.Equal(0.7m, result.Volume);
        Assert.Equal(0.7m, Assert.Single(h.Account.Positions).Volume);
        var order = Assert.Single(h.Account.HistoryOrders(HistoryQuery.All));
        Assert.Equal((OrderState.Canceled, 1.3m), (order.State, order.VolumeCurrent));
        Assert.Empty(h.Account.Orders);
    }

    [Fact]
    public void Send_FokWithinLiquidity_FillsWhole()
    {
        var h = new Harness(configure: s => s with { MaxFillVolume = 2m });

        Assert.Equal(TradeRetcode.Done, h.Account.Send(Buy(2m, OrderFilling.Fok)).Retcode);
    }

    [Theory]
    [InlineData(AccountMarginMode.RetailHedging)]
    [InlineData(AccountMarginMode.Exchange)]
    public void Send_ReturnBeyondLiquidity_LeavesRestWorkingAndFillsItOnLaterQuotes(AccountMarginMode mode)
    {
        var h = new Harness(mode, s => s with { MaxFillVolume = 1m }, s => s with { ExecutionMode = SymbolTradeExecution.Exchange });
        var result = h.Account.Send(Buy(2.5m, OrderFilling.Return));

        Assert.Equal(TradeRetcode.Placed, result.Retcode);
        Assert.Equal(1m, result.Volume);
        var working = Assert.Single(h.Account.Orders);
        Assert.Equal((OrderState.Partial, 1.5m), (working.State, working.VolumeCurrent));

        h.Quote("EURUSD", 1.10020, 1.10030);
        h.Quote("EURUSD", 1.10040, 1.10050);

        var position = Assert.Single(h.Account.Positions);
        Assert.Equal(2.5m, position.Volume);
        Assert.Equal(result.Order, position.Ticket);
        Assert.Equal(((1 * 1.10010) + (1 * 1.10030) + (0.5 * 1.10050)) / 2.5, position.PriceOpen, 1e-10);
        Assert.Empty(h.Account.Orders);
        Assert.Equal(OrderState.Filled, Assert.Single(h.Account.HistoryOrders(HistoryQuery.All)).State);
    }

    public static TheoryData<AccountMarginMode, OrderType, OrderFilling> MarketMatrix()
    {
        var data = new TheoryData<AccountMarginMode, OrderType, OrderFilling>();
        foreach (var mode in new[] { AccountMarginMode.RetailNetting, AccountMarginMode.Exchange, AccountMarginMode.RetailHedging })
        {
            foreach (var type in new[] { OrderType.Buy, OrderType.Sell })
            {
                foreach (var filling in new[] { OrderFilling.Fok, OrderFilling.Ioc, OrderFilling.Return })
                {
                    data.Add(mode, type, filling);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MarketMatrix))]
    public void Send_MarketOrder_EveryModeSideAndFilling_FillsAtTheTouch(AccountMarginMode mode, OrderType type, OrderFilling filling)
    {
        // Exchange execution allows all three policies.
        var h = new Harness(mode, eurusd: s => s with { ExecutionMode = SymbolTradeExecution.Exchange });
        var result = h.Account.Send(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = type, Volume = 1.5m, Filling = filling });

        Assert.Equal(TradeRetcode.Done, result.Retcode);
        Assert.Equal(type == OrderType.Buy ? 1.10010 : 1.10000, result.Price);
        var position = Assert.Single(h.Account.Positions);
        Assert.Equal((type == OrderType.Buy ? PositionType.Buy : PositionType.Sell, 1.5m), (position.Type, position.Volume));
        Assert.Equal(filling, Assert.Single(h.Account.HistoryOrders(HistoryQuery.All)).Filling);
    }

    [Theory]
    [InlineData(OrderFilling.Fok, 0, 1.0, OrderState.Placed)]
    [InlineData(OrderFilling.Ioc, 0.4, 0, OrderState.Canceled)]
    [InlineData(OrderFilling.Return, 0.4, 0.6, OrderState.Partial)]
    public void OnQuote_PendingBeyondLiquidity_FillsPerItsPolicy(OrderFilling filling, double filled, double working, OrderState state)
    {
        var h = new Harness(configure: s => s with { MaxFillVolume = 0.4m });
        var placed = h.Account.Send(new TradeRequest
        {
            Action = TradeAction.Pending, Symbol = "EURUSD", Type = OrderType.BuyLimit, Volume = 1m, Price = 1.09900, Filling = filling,
        });
        h.Quote("EURUSD", 1.09890, 1.09900);

        Assert.Equal((decimal)filled, h.Account.Positions.Sum(p => p.Volume));
        var order = h.Account.Orders.Concat(h.Account.HistoryOrders(HistoryQuery.All)).Single(o => o.Ticket == placed.Order);
        Assert.Equal(state, order.State);
        Assert.Equal((decimal)working, h.Account.Orders.Sum(o => o.VolumeCurrent));
    }
}
