namespace MtMcp.Engine.Tests.Orders;

/// <summary>
/// Every rejection path of the trade server with the MT5 return code it must give, and proof that a rejection
/// changes nothing: the account's whole state is the same before and after (and no transaction is recorded).
/// </summary>
public sealed class RejectionTests
{
    private static readonly long s_saturday = new DateTimeOffset(2025, 1, 11, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static TradeRequest Deal(OrderType type, decimal volume, string symbol = "EURUSD") =>
        new() { Action = TradeAction.Deal, Symbol = symbol, Type = type, Volume = volume };

    private static TradeRequest Pending(OrderType type, double price, decimal volume = 1m, double stopLimit = 0) =>
        new() { Action = TradeAction.Pending, Symbol = "EURUSD", Type = type, Volume = volume, Price = price, StopLimit = stopLimit };

    private sealed record Case(TradeRetcode Expected, Func<Harness> Make, Func<Harness, TradeRequest> Request);

    private static Harness Hedging(Func<AccountSettings, AccountSettings>? configure = null, Func<SymbolSpec, SymbolSpec>? eurusd = null) =>
        new(AccountMarginMode.RetailHedging, configure, eurusd);

    private static Harness WithOrder(Harness h, OrderType type, double price)
    {
        Assert.Equal(TradeRetcode.Done, h.Pending(type, 1m, price).Retcode);
        return h;
    }

    private static Harness WithPosition(Harness h, OrderType type = OrderType.Buy, decimal volume = 1m)
    {
        Assert.Equal(TradeRetcode.Done, h.Market(type, volume).Retcode);
        return h;
    }

    private static readonly Dictionary<string, Case> s_cases = new()
    {
        ["account trade disabled"] = new(TradeRetcode.TradeDisabled,
            () => Hedging(s => s with { Info = s.Info with { TradeAllowed = false } }), _ => Deal(OrderType.Buy, 1m)),
        ["symbol trade mode disabled"] = new(TradeRetcode.TradeDisabled,
            () => Hedging(eurusd: s => s with { TradeMode = SymbolTradeMode.Disabled }), _ => Deal(OrderType.Buy, 1m)),
        ["unknown symbol"] = new(TradeRetcode.Invalid, () => Hedging(), _ => Deal(OrderType.Buy, 1m, "NOPE")),
        ["NaN price"] = new(TradeRetcode.Invalid, () => Hedging(), _ => Pending(OrderType.BuyLimit, double.NaN)),
        ["negative stop loss"] = new(TradeRetcode.Invalid, () => Hedging(), _ => Deal(OrderType.Buy, 1m) with { StopLoss = -1 }),
        ["comment over 31 characters"] = new(TradeRetcode.Invalid, () => Hedging(), _ => Deal(OrderType.Buy, 1m) with { Comment = new string('x', 32) }),
        ["pending type on a deal"] = new(TradeRetcode.Invalid, () => Hedging(), _ => Deal(OrderType.BuyLimit, 1m)),
        ["modify unknown order"] = new(TradeRetcode.Invalid, () => Hedging(), _ => new TradeRequest { Action = TradeAction.Modify, Order = 999, Price = 1.09 }),
        ["remove unknown order"] = new(TradeRetcode.Invalid, () => Hedging(), _ => new TradeRequest { Action = TradeAction.Remove, Order = 999 }),
        ["sltp unknown position"] = new(TradeRetcode.PositionClosed, () => Hedging(), _ => new TradeRequest { Action = TradeAction.SlTp, Position = 999, StopLoss = 1.09 }),
        ["close unknown position"] = new(TradeRetcode.PositionClosed, () => Hedging(), _ => Deal(OrderType.Sell, 1m) with { Position = 999 }),
        ["no quote"] = new(TradeRetcode.PriceOff, () => Hedging(), _ => Deal(OrderType.Buy, 1m, "GBPJPY")),
        ["market closed"] = new(TradeRetcode.MarketClosed, () => new Harness(start: s_saturday), _ => Deal(OrderType.Buy, 1m)),
        ["order type not in order mode"] = new(TradeRetcode.InvalidOrder,
            () => Hedging(eurusd: s => s with { OrderFlags = SymbolOrderFlags.Market | SymbolOrderFlags.Stop }), _ => Pending(OrderType.BuyLimit, 1.09)),
        ["close-by on netting"] = new(TradeRetcode.InvalidOrder,
            () => WithPosition(new Harness(AccountMarginMode.RetailNetting)), h => new TradeRequest { Action = TradeAction.CloseBy, Position = h.Account.Positions[0].Ticket, PositionBy = 1 }),
        ["long only"] = new(TradeRetcode.LongOnly, () => Hedging(eurusd: s => s with { TradeMode = SymbolTradeMode.LongOnly }), _ => Deal(OrderType.Sell, 1m)),
        ["short only"] = new(TradeRetcode.ShortOnly, () => Hedging(eurusd: s => s with { TradeMode = SymbolTradeMode.ShortOnly }), _ => Pending(OrderType.BuyStop, 1.2)),
        ["close only"] = new(TradeRetcode.CloseOnly, () => Hedging(eurusd: s => s with { TradeMode = SymbolTradeMode.CloseOnly }), _ => Deal(OrderType.Buy, 1m)),
        ["volume off step"] = new(TradeRetcode.InvalidVolume, () => Hedging(), _ => Deal(OrderType.Buy, 0.015m)),
        ["volume zero"] = new(TradeRetcode.InvalidVolume, () => Hedging(), _ => Deal(OrderType.Buy, 0m)),
        ["volume above max"] = new(TradeRetcode.InvalidVolume, () => Hedging(), _ => Pending(OrderType.BuyLimit, 1.09, volume: 1000m)),
        ["volume limit with pending"] = new(TradeRetcode.LimitVolume,
            () => WithPosition(Hedging(eurusd: s => s with { VolumeLimit = 1.5m })), _ => Pending(OrderType.BuyLimit, 1.09)),
        ["buy limit above ask"] = new(TradeRetcode.InvalidPrice, () => Hedging(), _ => Pending(OrderType.BuyLimit, 1.10020)),
        ["sell stop above bid"] = new(TradeRetcode.InvalidPrice, () => Hedging(), _ => Pending(OrderType.SellStop, 1.10010)),
        ["buy stop inside stops level"] = new(TradeRetcode.InvalidPrice,
            () => Hedging(eurusd: s => s with { StopsLevel = 20 }), _ => Pending(OrderType.BuyStop, 1.10020)),
        ["pending price off grid"] = new(TradeRetcode.InvalidPrice, () => Hedging(), _ => Pending(OrderType.SellLimit, 1.200005)),
        ["buy stop-limit limit above stop"] = new(TradeRetcode.InvalidPrice, () => Hedging(), _ => Pending(OrderType.BuyStopLimit, 1.10100, stopLimit: 1.10200)),
        ["buy stop loss above bid"] = new(TradeRetcode.InvalidStops, () => Hedging(), _ => Deal(OrderType.Buy, 1m) with { StopLoss = 1.10050 }),
        ["sell take profit above ask"] = new(TradeRetcode.InvalidStops, () => Hedging(), _ => Deal(OrderType.Sell, 1m) with { TakeProfit = 1.10050 }),
        ["stop loss inside stops level"] = new(TradeRetcode.InvalidStops,
            () => Hedging(eurusd: s => s with { StopsLevel = 50 }), _ => Deal(OrderType.Buy, 1m) with { StopLoss = 1.09970 }),
        ["pending take profit below price"] = new(TradeRetcode.InvalidStops, () => Hedging(), _ => Pending(OrderType.BuyLimit, 1.09) with { TakeProfit = 1.08 }),
        ["return under market execution"] = new(TradeRetcode.InvalidFill, () => Hedging(), _ => Deal(OrderType.Buy, 1m) with { Filling = OrderFilling.Return }),
        ["FOK without the flag"] = new(TradeRetcode.InvalidFill,
            () => Hedging(eurusd: s => s with { FillingFlags = SymbolFillingFlags.Ioc }), _ => Deal(OrderType.Buy, 1m) with { Filling = OrderFilling.Fok }),
        ["specified expiration in the past"] = new(TradeRetcode.InvalidExpiration,
            () => Hedging(), _ => Pending(OrderType.BuyLimit, 1.09) with { TimeType = OrderTimeType.Specified, ExpirationMs = Harness.T0 - 1 }),
        ["day lifetime not allowed"] = new(TradeRetcode.InvalidExpiration,
            () => Hedging(eurusd: s => s with { ExpirationFlags = SymbolExpirationFlags.Gtc }), _ => Pending(OrderType.BuyLimit, 1.09) with { TimeType = OrderTimeType.Day }),
        ["modify inside freeze level"] = new(TradeRetcode.Frozen,
            () => WithOrder(Hedging(eurusd: s => s with { FreezeLevel = 50 }), OrderType.BuyLimit, 1.09980),
            h => new TradeRequest { Action = TradeAction.Modify, Order = h.Account.Orders[0].Ticket, Price = 1.09900 }),
        ["remove inside freeze level"] = new(TradeRetcode.Frozen,
            () => WithOrder(Hedging(eurusd: s => s with { FreezeLevel = 50 }), OrderType.SellStop, 1.09970),
            h => new TradeRequest { Action = TradeAction.Remove, Order = h.Account.Orders[0].Ticket }),
        ["too many pending orders"] = new(TradeRetcode.LimitOrders,
            () => WithOrder(Hedging(s => s with { MaxPendingOrders = 1 }), OrderType.BuyLimit, 1.09), _ => Pending(OrderType.SellLimit, 1.11)),
        ["too many positions"] = new(TradeRetcode.LimitPositions,
            () => WithPosition(Hedging(s => s with { MaxPositions = 1 })), _ => Deal(OrderType.Buy, 1m)),
        ["hedge prohibited"] = new(TradeRetcode.HedgeProhibited,
            () => WithPosition(Hedging(s => s with { HedgeAllowed = false })), _ => Deal(OrderType.Sell, 1m)),
        ["FIFO close"] = new(TradeRetcode.FifoClose,
            () => WithPosition(WithPosition(Hedging(s => s with { FifoClose = true }))), h => Deal(OrderType.Sell, 1m) with { Position = h.Account.Positions[1].Ticket }),
        ["close-by on a FIFO account"] = new(TradeRetcode.FifoClose,
            () => WithPosition(WithPosition(Hedging(s => s with { FifoClose = true })), OrderType.Sell),
            h => new TradeRequest { Action = TradeAction.CloseBy, Position = h.Account.Positions[0].Ticket, PositionBy = h.Account.Positions[1].Ticket }),
        ["close volume above position"] = new(TradeRetcode.InvalidCloseVolume,
            () => WithPosition(Hedging()), h => Deal(OrderType.Sell, 2m) with { Position = h.Account.Positions[0].Ticket }),
        ["modify with nothing changed"] = new(TradeRetcode.NoChanges,
            () => WithOrder(Hedging(), OrderType.BuyLimit, 1.09), h => new TradeRequest { Action = TradeAction.Modify, Order = h.Account.Orders[0].Ticket, Price = 1.09 }),
        ["sltp with nothing changed"] = new(TradeRetcode.NoChanges,
            () => WithPosition(Hedging()), h => new TradeRequest { Action = TradeAction.SlTp, Position = h.Account.Positions[0].Ticket }),
        ["requote beyond deviation"] = new(TradeRetcode.Requote,
            () => Hedging(eurusd: s => s with { ExecutionMode = SymbolTradeExecution.Instant }), _ => Deal(OrderType.Buy, 1m) with { Price = 1.09900, Deviation = 5 }),
        ["not enough money"] = new(TradeRetcode.NoMoney, () => Hedging(), _ => Deal(OrderType.Buy, 10m)),
        ["FOK beyond liquidity"] = new(TradeRetcode.Reject, () => Hedging(s => s with { MaxFillVolume = 1m }), _ => Deal(OrderType.Buy, 2m) with { Filling = OrderFilling.Fok }),
        ["close-by same direction"] = new(TradeRetcode.Invalid,
            () => WithPosition(WithPosition(Hedging())),
            h => new TradeRequest { Action = TradeAction.CloseBy, Position = h.Account.Positions[0].Ticket, PositionBy = h.Account.Positions[1].Ticket }),
    };

    public static TheoryData<string> Cases() => [.. s_cases.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Send_InvalidRequest_ReturnsMt5RetcodeAndChangesNothing(string name)
    {
        var c = s_cases[name];
        var h = c.Make();
        var request = c.Request(h);
        h.Account.Changes.Clear();
        var before = h.Account.ToState();

        var result = h.Account.Send(request);

        Assert.Equal(c.Expected, result.Retcode);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        Assert.Equal(0ul, result.Order);
        Assert.Equal(0ul, result.Deal);
        Harness.AssertSameState(before, h.Account.ToState());
        Assert.Empty(h.Account.Changes.Transactions);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_InvalidRequest_ReportsTheSameRetcode(string name)
    {
        var c = s_cases[name];
        var h = c.Make();
        var before = h.Account.ToState();

        Assert.Equal(c.Expected, h.Account.Check(c.Request(h)).Retcode);
        Harness.AssertSameState(before, h.Account.ToState());
    }

    [Fact]
    public void Send_RejectionWithClientOrderId_RecordsOnlyTheIdempotencyEntry()
    {
        var h = new Harness();
        h.Account.Changes.Clear();
        var result = h.Account.Send(Deal(OrderType.Buy, 0.015m) with { ClientOrderId = "id-1" });

        Assert.Equal(TradeRetcode.InvalidVolume, result.Retcode);
        Assert.Empty(h.Account.Changes.Transactions);
        Assert.Equal("id-1", Assert.Single(h.Account.Changes.ClientOrders).Key);
        Assert.Same(result, h.Account.ToState().ClientOrders["id-1"]);
    }
}
