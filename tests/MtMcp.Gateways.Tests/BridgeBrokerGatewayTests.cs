using MtMcp.Testing.Bridge;

namespace MtMcp.Gateways.Tests;

public sealed class BridgeBrokerGatewayTests : IAsyncLifetime
{
    private static readonly TradeOrigin s_origin = new("test", "test");
    private BridgeHarness _bridge = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _bridge = new BridgeHarness();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _bridge.DisposeAsync();

    private static TradeRequest Buy(string id, decimal lots = 0.1m) =>
        new() { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = lots, ClientOrderId = id, Magic = 7001 };

    private static int TradeSends(SimulatedEa ea) => ea.Requests.Count(r => (string?)r["op"] == "trade.send");

    [Fact]
    public async Task SendAsync_MarketBuy_FilledAtTheAskWithOnePositionTaggedAtTheBroker()
    {
        var (terminal, ea, gateway) = await _bridge.ConnectAsync();

        var result = await gateway.SendAsync(Buy("order-1"), s_origin, Ct);

        Assert.Equal(TradeRetcode.Done, result.Retcode);
        Assert.Equal(TradeOutcome.Filled, result.Outcome);
        Assert.Equal(0.1m, result.Volume);
        Assert.Equal(1.08512, result.Price);
        var position = Assert.Single(terminal.Positions);
        Assert.Equal(BridgeTags.ForClientOrder(BridgeHarness.Key(1001), "order-1"), position.Comment);
        Assert.Equal(7001UL, position.Magic);
        Assert.Equal(1, TradeSends(ea));
    }

    [Fact]
    public async Task SendAsync_MoreThanTheMarginAllows_BrokersNoMoneyRetcodeAndNothingOpen()
    {
        var (terminal, _, gateway) = await _bridge.ConnectAsync();

        // 50 lots of EURUSD at 1:100 need about 54 000 USD of margin; the account holds 10 000.
        var result = await gateway.SendAsync(Buy("big", 50m), s_origin, Ct);

        Assert.Equal(TradeRetcode.NoMoney, result.Retcode);
        Assert.Equal(TradeOutcome.Rejected, result.Outcome);
        Assert.Empty(terminal.Positions);
    }

    [Fact]
    public async Task SendAsync_SameClientOrderIdTwice_SentOnceSameResult()
    {
        var (terminal, ea, gateway) = await _bridge.ConnectAsync();

        var first = await gateway.SendAsync(Buy("once"), s_origin, Ct);
        var second = await gateway.SendAsync(Buy("once"), s_origin, Ct);

        Assert.Same(first, second);
        Assert.Equal(1, TradeSends(ea));
        Assert.Single(terminal.Positions);
    }

    [Theory]
    [InlineData("ACCOUNT_TRADE_MODE_REAL", false, false)]
    [InlineData("ACCOUNT_TRADE_MODE_REAL", true, true)]
    [InlineData("ACCOUNT_TRADE_MODE_CONTEST", false, true)]
    [InlineData("ACCOUNT_TRADE_MODE_DEMO", false, true)]
    public async Task SendAsync_ByTradeMode_RealNeedsTheLiveSwitch(string tradeMode, bool liveSwitch, bool trades)
    {
        await using var bridge = new BridgeHarness(BridgeHarness.Default() with { LiveTradingEnabled = liveSwitch });
        var (terminal, ea, gateway) = await bridge.ConnectAsync(tradeMode: tradeMode);

        var result = await gateway.SendAsync(Buy("live-1"), s_origin, Ct);

        Assert.Equal(trades, result.Outcome == TradeOutcome.Filled);
        Assert.Equal(trades ? 1 : 0, TradeSends(ea));
        Assert.Equal(trades ? 1 : 0, terminal.Positions.Count);
        Assert.Equal(trades, (bool)ea.LastHandshake!["data"]!["trading_enabled"]!);
        if (!trades)
        {
            Assert.Equal("live_trading", result.RiskCheck);
        }
    }

    [Fact]
    public async Task Reads_AfterATrade_MatchTheBrokerWithTimesInUtc()
    {
        var (terminal, _, gateway) = await _bridge.ConnectAsync();
        await gateway.SendAsync(Buy("read-1"), s_origin, Ct);
        var broker = Assert.Single(terminal.Positions);

        var position = Assert.Single(await gateway.GetPositionsAsync(cancellationToken: Ct));
        var deals = await gateway.GetDealsAsync(HistoryQuery.All, Ct);
        var account = await gateway.GetAccountAsync(Ct);

        Assert.Equal(broker.Ticket, position.Ticket);
        Assert.Equal(broker.TimeMs, position.TimeMs);
        Assert.Equal(BridgeHarness.T0, position.TimeMs);
        Assert.Equal(PositionType.Buy, position.Type);
        var brokerDeals = terminal.Account.Deals(HistoryQuery.All);
        Assert.Equal(brokerDeals.Select(d => (d.Ticket, d.TimeMs, d.Volume, d.Type)), deals.Select(d => (d.Ticket, d.TimeMs, d.Volume, d.Type)));
        Assert.Equal(terminal.Account.Balance, account.Balance);
        Assert.Equal(AccountTradeMode.Demo, account.Info.TradeMode);
        Assert.Equal(TimeSpan.FromHours(2), TimeSpan.FromSeconds(terminal.OffsetSeconds));
    }

    [Fact]
    public async Task GetDealsAsync_HistoryInPages_EveryDealOnce()
    {
        var (terminal, ea, gateway) = await _bridge.ConnectAsync();
        ea.HistoryPageSize = 2;
        for (var i = 0; i < 3; i++)
        {
            await gateway.SendAsync(Buy("page-" + i), s_origin, Ct);
        }

        var deals = await gateway.GetDealsAsync(HistoryQuery.All, Ct);

        // The deposit and three buys: four deals over two pages.
        Assert.Equal(terminal.Account.Deals(HistoryQuery.All).Select(d => d.Ticket), deals.Select(d => d.Ticket));
        Assert.Equal(4, deals.Count);
        Assert.Equal(2, ea.Requests.Count(r => (string?)r["op"] == "history.deals"));
    }

    [Fact]
    public async Task CheckAsync_TooLarge_NoMoneyWithoutTrading()
    {
        var (terminal, ea, gateway) = await _bridge.ConnectAsync();

        var check = await gateway.CheckAsync(Buy("chk", 50m), Ct);

        Assert.Equal(TradeRetcode.NoMoney, check.Retcode);
        Assert.Empty(terminal.Positions);
        Assert.Equal(0, TradeSends(ea));
    }

    [Fact]
    public async Task SubscribeAsync_TicksStreamed_ListenerAndLatestQuoteInUtc()
    {
        var (_, ea, gateway) = await _bridge.ConnectAsync();
        var listener = new RecordingListener();
        using var _ = gateway.Listen(listener);

        await gateway.SubscribeAsync("EURUSD", Ct);
        await ea.PublishTickAsync("EURUSD", 1.08520, 1.08523, BridgeHarness.T0 + 500);

        await Poll.UntilAsync(() => !listener.Quotes.IsEmpty, "a quote arrived");
        var (symbol, tick) = Assert.Single(listener.Quotes);
        Assert.Equal("EURUSD", symbol);
        Assert.Equal(BridgeHarness.T0 + 500, tick.TimeMs);
        Assert.Equal(1.08523, tick.Ask);
        Assert.True(gateway.TryGetQuote("EURUSD", out var latest));
        Assert.Equal(tick, latest);
    }

    [Fact]
    public async Task CloseAllAsync_TwoPositions_BothClosedAtTheBroker()
    {
        var (terminal, _, gateway) = await _bridge.ConnectAsync();
        await gateway.SendAsync(Buy("a"), s_origin, Ct);
        await gateway.SendAsync(Buy("b", 0.2m), s_origin, Ct);

        var results = await gateway.CloseAllAsync(PositionFilter.All, s_origin, Ct);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(TradeOutcome.Filled, r.Outcome));
        Assert.Empty(terminal.Positions);
    }

    [Fact]
    public async Task TwoTerminals_DifferentLogins_EachIsolated()
    {
        var (terminalA, eaA, gatewayA) = await _bridge.ConnectAsync(login: 2001);
        var (terminalB, eaB, gatewayB) = await _bridge.ConnectAsync(login: 2002);
        var listenerB = new RecordingListener();
        using var _ = gatewayB.Listen(listenerB);
        await gatewayA.SubscribeAsync("EURUSD", Ct);
        await gatewayB.SubscribeAsync("EURUSD", Ct);

        await gatewayA.SendAsync(Buy("same-id"), s_origin, Ct);
        await eaA.PublishTickAsync("EURUSD", 1.08600, 1.08602, BridgeHarness.T0 + 1000);
        await eaB.PublishTickAsync("EURUSD", 1.08700, 1.08702, BridgeHarness.T0 + 1000);
        await Poll.UntilAsync(() => !listenerB.Quotes.IsEmpty, "B got its quote");

        Assert.Equal("mt5-2001", gatewayA.Name);
        Assert.Equal("mt5-2002", gatewayB.Name);
        Assert.Single(terminalA.Positions);
        Assert.Empty(terminalB.Positions);
        Assert.Empty(await gatewayB.GetPositionsAsync(cancellationToken: Ct));
        Assert.All(listenerB.Quotes, q => Assert.Equal(1.08702, q.Tick.Ask));
        Assert.True(gatewayA.TryGetQuote("EURUSD", out var a));
        Assert.Equal(1.08602, a.Ask);

        // The same client order id on the other account is another order (the tag includes the account).
        var onB = await gatewayB.SendAsync(Buy("same-id"), s_origin, Ct);
        Assert.Equal(TradeOutcome.Filled, onB.Outcome);
        Assert.Single(terminalB.Positions);
    }
}
