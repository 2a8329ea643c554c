using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MtMcp.MetaApi.Tests;

public sealed class MetaApiGatewayTests : IAsyncLifetime
{
    private static readonly TradeOrigin s_origin = new("test", "test:metaapi");

    private readonly CapturingLogger _log = new();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private FakeMetaApi _fake = null!;

    public async ValueTask InitializeAsync() => _fake = await FakeMetaApi.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task ConnectAsync_DemoAccount_MapsDocumentedAccountInformation()
    {
        await using var gateway = await ConnectAsync();

        var info = gateway.Info;
        Assert.Equal(367906877UL, info.Login);
        Assert.Equal("ICMarketsSC-Demo", info.Server);
        Assert.Equal("True ECN Trading Ltd", info.Company);
        Assert.Equal("USD", info.Currency);
        Assert.Equal(100, info.Leverage);
        Assert.Equal(AccountTradeMode.Demo, info.TradeMode);
        Assert.Equal(AccountMarginMode.RetailHedging, info.MarginMode);

        var account = await gateway.GetAccountAsync(TestContext.Current.CancellationToken);
        Assert.Equal(7319.90m, account.Balance);
        Assert.Equal(7306.649913200001, account.Equity);
        Assert.Equal(184.1, account.Margin);

        // Floating profit = equity − balance − credit (hand calculation: 7306.6499132 − 7319.9).
        Assert.Equal(-13.2500868, account.Profit, 1e-6);
    }

    [Fact]
    public async Task ConnectAsync_AccountTypeMissing_CountsAsReal()
    {
        _fake.AccountType = "SOMETHING_NEW";
        await using var gateway = await ConnectAsync();

        Assert.Equal(AccountTradeMode.Real, gateway.Info.TradeMode);
    }

    [Fact]
    public async Task GetPositionsAsync_DocumentedExample_MapsEveryField()
    {
        var position = _fake.AddPosition("AUDNZD", "POSITION_TYPE_BUY", 0.1, 1.05782, "AS_AUDNZD_46648037");
        position["time"] = "2020-04-17T04:30:03.223Z";
        position["updateTime"] = "2020-04-20T08:54:42.119Z";
        position["stopLoss"] = 0.99876;
        await using var gateway = await ConnectAsync();

        var read = Assert.Single(await gateway.GetPositionsAsync("audnzd", TestContext.Current.CancellationToken));

        Assert.Equal(ulong.Parse((string)position["id"]!, CultureInfo.InvariantCulture), read.Ticket);
        Assert.Equal(PositionType.Buy, read.Type);
        Assert.Equal(0.1m, read.Volume);
        Assert.Equal(1.05782, read.PriceOpen);
        Assert.Equal(0.99876, read.StopLoss);
        Assert.Equal(0, read.TakeProfit);
        Assert.Equal(DateTimeOffset.Parse("2020-04-17T04:30:03.223Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), read.TimeMs);
        Assert.Equal(DateTimeOffset.Parse("2020-04-20T08:54:42.119Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), read.TimeUpdateMs);
        Assert.Equal(-0.50m, read.Swap);
        Assert.Equal(-0.50m, read.Commission);
        Assert.Equal(1000UL, read.Magic);
        Assert.Equal(PositionReason.Expert, read.Reason);
        Assert.Null(read.ClientOrderId);
        Assert.Empty(await gateway.GetPositionsAsync("EURUSD", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SendAsync_MarketBuy_PostsDocumentedTradeAndReturnsFill()
    {
        await using var gateway = await ConnectAsync();
        var request = new TradeRequest
        {
            Action = TradeAction.Deal, Symbol = "AUDNZD", Type = OrderType.Buy, Volume = 0.1m, StopLoss = 1.04,
            Magic = 7, Comment = "a rather long comment", ClientOrderId = "strategy-order-0001",
        };

        var result = await gateway.SendAsync(request, s_origin, TestContext.Current.CancellationToken);

        Assert.Equal(TradeRetcode.Done, result.Retcode);
        Assert.Equal(TradeOutcome.Filled, result.Outcome);
        var trade = Assert.Single(_fake.Trades);
        Assert.Equal("ORDER_TYPE_BUY", (string)trade["actionType"]!);
        Assert.Equal("AUDNZD", (string)trade["symbol"]!);
        Assert.Equal(0.1, (double)trade["volume"]!);
        Assert.Equal(1.04, (double)trade["stopLoss"]!);
        Assert.Equal(7UL, (ulong)trade["magic"]!);
        Assert.Null(trade["takeProfit"]);
        var clientId = (string)trade["clientId"]!;
        Assert.Matches(new Regex("^MM_[0-9A-Za-z]{6}_[0-9A-Za-z]{6}$"), clientId);
        Assert.True(clientId.Length + ((string?)trade["comment"])!.Length <= 26, "MetaApi allows 26 characters for comment and clientId together");

        // The fill comes from the fake's deal: the ask of AUDNZD, the position and deal tickets it created.
        var position = Assert.Single(_fake.Positions);
        var deal = Assert.Single(_fake.Deals);
        Assert.Equal(1.05309, result.Price);
        Assert.Equal(0.1m, result.Volume);
        Assert.Equal(ulong.Parse((string)position["id"]!, CultureInfo.InvariantCulture), result.Position);
        Assert.Equal(ulong.Parse((string)deal["id"]!, CultureInfo.InvariantCulture), result.Deal);
        Assert.Equal("strategy-order-0001", result.ClientOrderId);

        // The position reads back with our client order id (MetaApi keeps the clientId on it).
        Assert.Equal("strategy-order-0001", Assert.Single(await gateway.GetPositionsAsync(null, TestContext.Current.CancellationToken)).ClientOrderId);
    }

    [Fact]
    public async Task SendAsync_SameClientOrderIdTwice_SendsOnce()
    {
        await using var gateway = await ConnectAsync();
        var request = new TradeRequest { Action = TradeAction.Deal, Symbol = "AUDNZD", Type = OrderType.Sell, Volume = 0.2m, ClientOrderId = "once" };

        var first = await gateway.SendAsync(request, s_origin, TestContext.Current.CancellationToken);
        var second = await gateway.SendAsync(request, s_origin, TestContext.Current.CancellationToken);

        Assert.Single(_fake.Trades);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task SendAsync_NoMoney_ReturnsRejectedWith10019AndOpensNothing()
    {
        await using var gateway = await ConnectAsync();
        _fake.RejectNextTrade = (10019, "TRADE_RETCODE_NO_MONEY", "No money");

        var result = await gateway.SendAsync(
            new TradeRequest { Action = TradeAction.Deal, Symbol = "AUDNZD", Type = OrderType.Buy, Volume = 50m, ClientOrderId = "big" },
            s_origin, TestContext.Current.CancellationToken);

        Assert.Equal(TradeRetcode.NoMoney, result.Retcode);
        Assert.Equal(10019, (int)result.Retcode);
        Assert.Equal(TradeOutcome.Rejected, result.Outcome);
        Assert.Empty(_fake.Positions);
    }

    [Fact]
    public async Task SendAsync_AnswerLostAfterExecution_ReconcilesWithoutSendingAgain()
    {
        await using var gateway = await ConnectAsync(o => o with { RequestTimeout = TimeSpan.FromMilliseconds(400) });
        _fake.DelayNextTradeAfterExecuting = TimeSpan.FromSeconds(3);
        var request = new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 0.3m, ClientOrderId = "lost-answer" };

        var result = await gateway.SendAsync(request, s_origin, TestContext.Current.CancellationToken);

        Assert.Equal(TradeRetcode.Done, result.Retcode);
        Assert.StartsWith("Reconciled", result.Message, StringComparison.Ordinal);
        Assert.Equal(0.3m, result.Volume);
        Assert.Equal(1.10010, result.Price);
        Assert.Single(_fake.Trades);
        Assert.Single(_fake.Positions);

        var again = await gateway.SendAsync(request, s_origin, TestContext.Current.CancellationToken);
        Assert.Equal(TradeRetcode.Done, again.Retcode);
        Assert.Single(_fake.Trades);
    }

    [Fact]
    public async Task SendAsync_RequestDroppedBeforeExecution_ReconcilesToNotExecutedAndAllowsResend()
    {
        await using var gateway = await ConnectAsync(o => o with { RequestTimeout = TimeSpan.FromMilliseconds(400) });
        _fake.DropNextTrade = TimeSpan.FromMilliseconds(600);
        var request = new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 0.1m, ClientOrderId = "dropped" };

        var result = await gateway.SendAsync(request, s_origin, TestContext.Current.CancellationToken);

        Assert.Equal(TradeRetcode.Reject, result.Retcode);
        Assert.Contains("not executed", result.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Positions);

        // Certainly not executed, so the same id may go out again, and this time it fills.
        var resend = await gateway.SendAsync(request, s_origin, TestContext.Current.CancellationToken);
        Assert.Equal(TradeRetcode.Done, resend.Retcode);
        Assert.Equal(2, _fake.Trades.Count);
        Assert.Single(_fake.Positions);
    }

    [Fact]
    public async Task SendAsync_RealAccountWithoutLiveSwitch_RefusesWithoutPosting()
    {
        _fake.AccountType = "ACCOUNT_TRADE_MODE_REAL";
        await using var gateway = await ConnectAsync(o => o with { LiveTradingEnabled = false });
        var request = new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 0.1m, ClientOrderId = "real" };

        var refused = await gateway.SendAsync(request, s_origin, TestContext.Current.CancellationToken);

        Assert.Equal(TradeOutcome.Rejected, refused.Outcome);
        Assert.Equal("live_trading", refused.RiskCheck);
        Assert.Contains("trading.live.real_accounts", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Trades);
    }

    [Fact]
    public async Task SendAsync_RealAccountWithLiveSwitch_Trades()
    {
        _fake.AccountType = "ACCOUNT_TRADE_MODE_REAL";
        await using var gateway = await ConnectAsync(o => o with { LiveTradingEnabled = true });

        var result = await gateway.SendAsync(
            new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 0.1m }, s_origin, TestContext.Current.CancellationToken);

        Assert.Equal(TradeOutcome.Filled, result.Outcome);
        Assert.Single(_fake.Trades);
    }

    [Fact]
    public async Task SendAsync_ModifyPartialAndFullClose_UseDocumentedActions()
    {
        await using var gateway = await ConnectAsync();
        var position = _fake.AddPosition("AUDNZD", "POSITION_TYPE_BUY", 0.3, 1.05, null);
        var ticket = ulong.Parse((string)position["id"]!, CultureInfo.InvariantCulture);
        var ct = TestContext.Current.CancellationToken;

        var modify = await gateway.SendAsync(new TradeRequest { Action = TradeAction.SlTp, Position = ticket, StopLoss = 1.02, TakeProfit = 1.09 }, s_origin, ct);
        var partial = await gateway.SendAsync(new TradeRequest { Action = TradeAction.Deal, Position = ticket, Symbol = "AUDNZD", Type = OrderType.Sell, Volume = 0.1m }, s_origin, ct);
        var close = await gateway.SendAsync(new TradeRequest { Action = TradeAction.Deal, Position = ticket, Symbol = "AUDNZD", Type = OrderType.Sell, Volume = 0.2m }, s_origin, ct);

        Assert.Equal(["POSITION_MODIFY", "POSITION_PARTIAL", "POSITION_CLOSE_ID"], _fake.Trades.Select(t => (string)t["actionType"]!));
        Assert.All(_fake.Trades, t => Assert.Equal((string)position["id"]!, (string)t["positionId"]!));
        Assert.Equal(1.02, (double)_fake.Trades[0]["stopLoss"]!);
        Assert.Equal(1.09, (double)_fake.Trades[0]["takeProfit"]!);
        Assert.Equal(0.1, (double)_fake.Trades[1]["volume"]!);
        Assert.Null(_fake.Trades[2]["volume"]);
        Assert.Equal(TradeRetcode.Done, modify.Retcode);
        Assert.Equal(TradeOutcome.Filled, partial.Outcome);
        Assert.Equal(0.1m, partial.Volume);
        Assert.Equal(1.05297, partial.Price);
        Assert.Equal(TradeOutcome.Filled, close.Outcome);
        Assert.Empty(_fake.Positions);

        // A close of a position that is no longer open is refused before anything is sent.
        var gone = await gateway.SendAsync(new TradeRequest { Action = TradeAction.Deal, Position = ticket, Symbol = "AUDNZD", Type = OrderType.Sell, Volume = 0.2m }, s_origin, ct);
        Assert.Equal(TradeRetcode.PositionClosed, gone.Retcode);
        Assert.Equal(3, _fake.Trades.Count);
    }

    [Fact]
    public async Task CloseAllAsync_SymbolFilter_ClosesOnlyMatchingPositions()
    {
        await using var gateway = await ConnectAsync();
        _fake.AddPosition("AUDNZD", "POSITION_TYPE_BUY", 0.1, 1.05, null);
        _fake.AddPosition("AUDNZD", "POSITION_TYPE_SELL", 0.2, 1.06, null);
        var kept = _fake.AddPosition("EURUSD", "POSITION_TYPE_BUY", 0.3, 1.1, null);

        var results = await gateway.CloseAllAsync(new PositionFilter("AUDNZD"), s_origin, TestContext.Current.CancellationToken);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(TradeOutcome.Filled, r.Outcome));
        Assert.All(_fake.Trades, t => Assert.Equal("POSITION_CLOSE_ID", (string)t["actionType"]!));
        Assert.Same(kept, Assert.Single(_fake.Positions));
    }

    [Fact]
    public async Task SendAsync_PendingThenCancel_PlacesAndCancelsOrder()
    {
        await using var gateway = await ConnectAsync();
        var ct = TestContext.Current.CancellationToken;

        var placed = await gateway.SendAsync(
            new TradeRequest { Action = TradeAction.Pending, Symbol = "AUDNZD", Type = OrderType.BuyLimit, Volume = 0.01m, Price = 1.05235, ClientOrderId = "limit-1" },
            s_origin, ct);
        var order = Assert.Single(await gateway.GetOrdersAsync(null, ct));
        var cancel = await gateway.SendAsync(new TradeRequest { Action = TradeAction.Remove, Order = order.Ticket }, s_origin, ct);

        Assert.Equal(TradeOutcome.Placed, placed.Outcome);
        Assert.Equal(order.Ticket, placed.Order);
        Assert.Equal(OrderType.BuyLimit, order.Type);
        Assert.Equal(OrderState.Placed, order.State);
        Assert.Equal(1.05235, order.PriceOpen);
        Assert.Equal("limit-1", order.ClientOrderId);
        Assert.Equal("ORDER_TYPE_BUY_LIMIT", (string)_fake.Trades[0]["actionType"]!);
        Assert.Equal(1.05235, (double)_fake.Trades[0]["openPrice"]!);
        Assert.Equal("ORDER_CANCEL", (string)_fake.Trades[1]["actionType"]!);
        Assert.Equal(order.Ticket.ToString(CultureInfo.InvariantCulture), (string)_fake.Trades[1]["orderId"]!);
        Assert.Equal(TradeRetcode.Done, cancel.Retcode);
        Assert.Empty(await gateway.GetOrdersAsync(null, ct));
        var finished = Assert.Single(await gateway.GetHistoryOrdersAsync(HistoryQuery.All, ct));
        Assert.Equal(OrderState.Canceled, finished.State);
        Assert.Equal(order.Ticket, finished.Ticket);
        Assert.True(finished.TimeDoneMs >= finished.TimeSetupMs);
    }

    [Fact]
    public async Task CheckAsync_MarginAgainstFreeMargin_AcceptsSmallAndRefusesLargeOrder()
    {
        await using var gateway = await ConnectAsync();
        var ct = TestContext.Current.CancellationToken;

        var small = await gateway.CheckAsync(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 0.1m }, ct);
        var large = await gateway.CheckAsync(new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 100m }, ct);

        // The fake's margin is volume × 100,000 / leverage 100; free margin is 7306.65 − 184.1 = 7122.55.
        Assert.Equal(TradeRetcode.Done, small.Retcode);
        Assert.Equal(100, small.RequiredMargin, 1e-9);
        Assert.Equal(284.1, small.Margin, 1e-9);
        Assert.Equal(TradeRetcode.NoMoney, large.Retcode);
        Assert.Equal(100_000, large.RequiredMargin, 1e-9);
        var body = _fake.Requests.Last(r => r.PathAndQuery.EndsWith("/calculate-margin", StringComparison.Ordinal)).Body;
        Assert.Contains("\"openPrice\":1.1001", body, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"ORDER_TYPE_BUY\"", body, StringComparison.Ordinal);
        Assert.Empty(_fake.Trades);
    }

    [Fact]
    public async Task Requests_CarryTokenOnlyInAuthTokenHeader()
    {
        await using var gateway = await ConnectAsync();
        var ct = TestContext.Current.CancellationToken;
        await gateway.GetPositionsAsync(null, ct);
        await gateway.SubscribeAsync("AUDNZD", ct);
        await gateway.SendAsync(new TradeRequest { Action = TradeAction.Deal, Symbol = "AUDNZD", Type = OrderType.Buy, Volume = 0.1m }, s_origin, ct);

        Assert.True(_fake.Requests.Count >= 4);
        Assert.All(_fake.Requests, r =>
        {
            Assert.Equal(FakeMetaApi.Token, r.TokenHeader);
            Assert.DoesNotContain(FakeMetaApi.Token, r.PathAndQuery, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeMetaApi.Token, r.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ConnectAsync_WrongToken_FailsWithClearNonTransientErrorWithoutToken()
    {
        var wrong = "wrong-" + FakeMetaApi.Token;
        _fake.EchoTokenInErrors = true;

        var error = await Assert.ThrowsAsync<GatewayUnavailableException>(() => ConnectAsync(o => o with { Token = wrong }));

        Assert.False(error.IsTransient);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("metaapi.token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(_log.Lines);
        Assert.All(_log.Lines, line => Assert.DoesNotContain(wrong, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailingRead_ServerEchoesToken_ExceptionAndLogsRedactIt()
    {
        await using var gateway = await ConnectAsync(o => o with { ReadAttempts = 2, RetryDelay = TimeSpan.FromMilliseconds(10) });
        _fake.EchoTokenInErrors = true;
        var body = """{"id":2,"error":"InternalError","message":"boom{echo}"}""";
        _fake.FailNext("/positions", 500, body);
        _fake.FailNext("/positions", 500, body);

        var error = await Assert.ThrowsAsync<GatewayUnavailableException>(() => gateway.GetPositionsAsync(null, TestContext.Current.CancellationToken));

        Assert.True(error.IsTransient);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Contains("received auth-token ***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeMetaApi.Token, error.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(_log.Lines);
        Assert.All(_log.Lines, line => Assert.DoesNotContain(FakeMetaApi.Token, line, StringComparison.Ordinal));
        Assert.Equal(2, _fake.Requests.Count(r => r.PathAndQuery.EndsWith("/positions", StringComparison.Ordinal)));
        Assert.DoesNotContain(FakeMetaApi.Token, gateway.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeMetaApi.Token, Options().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscribeAsync_UnknownSymbol_FailsWith404Explanation()
    {
        await using var gateway = await ConnectAsync();

        var error = await Assert.ThrowsAsync<GatewayUnavailableException>(() => gateway.SubscribeAsync("NOPE", TestContext.Current.CancellationToken));

        Assert.False(error.IsTransient);
        Assert.Contains("HTTP 404", error.Message, StringComparison.Ordinal);
        Assert.Contains("Symbol NOPE is not defined", error.Message, StringComparison.Ordinal);
        Assert.Contains("symbol", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_RateLimitedWithRetryAfter_WaitsThenSucceeds()
    {
        await using var gateway = await ConnectAsync();
        _fake.FailNext("/orders", 429, """{"id":1,"error":"TooManyRequestsError","message":"The getOrders API allows 1000 cpu credits per 1s"}""", "1");

        var orders = await gateway.GetOrdersAsync(null, TestContext.Current.CancellationToken);

        Assert.Empty(orders);
        var tries = _fake.Requests.Where(r => r.PathAndQuery.EndsWith("/orders", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, tries.Count);
        Assert.True(tries[1].At - tries[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(tries[1].At - tries[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Read_RateLimitedBeyondMaxRetryAfter_FailsTransientWithRetryTime()
    {
        await using var gateway = await ConnectAsync();
        _fake.FailNext("/orders", 429, """{"id":1,"error":"TooManyRequestsError","message":"quota"}""", "60");

        var error = await Assert.ThrowsAsync<GatewayUnavailableException>(() => gateway.GetOrdersAsync(null, TestContext.Current.CancellationToken));

        Assert.True(error.IsTransient);
        Assert.Contains("HTTP 429", error.Message, StringComparison.Ordinal);
        Assert.Contains("Retry after 60 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RateLimited_IsRetryableAndNotKept()
    {
        await using var gateway = await ConnectAsync();
        _fake.FailNext("/trade", 429, """{"id":1,"error":"TooManyRequestsError","message":"quota"}""", "2");
        var request = new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 0.1m, ClientOrderId = "limited" };

        var limited = await gateway.SendAsync(request, s_origin, TestContext.Current.CancellationToken);
        var retried = await gateway.SendAsync(request, s_origin, TestContext.Current.CancellationToken);

        Assert.Equal(TradeRetcode.TooManyRequests, limited.Retcode);
        Assert.Equal(TradeOutcome.Retryable, limited.Outcome);
        Assert.Contains("Retry after 2 s", limited.Message, StringComparison.Ordinal);
        Assert.Equal(TradeOutcome.Filled, retried.Outcome);
        Assert.Single(_fake.Positions);
    }

    [Fact]
    public async Task SubscribeAsync_PriceChanges_StreamsQuotesToListener()
    {
        await using var gateway = await ConnectAsync(o => o with { QuotePollInterval = TimeSpan.FromMilliseconds(50) });
        var listener = new QuoteListener();
        using var registration = gateway.Listen(listener);
        var ct = TestContext.Current.CancellationToken;

        await gateway.SubscribeAsync("EURUSD", ct);
        var later = DateTimeOffset.Parse("2020-04-07T03:45:24.000Z", CultureInfo.InvariantCulture);
        lock (_fake.Prices)
        {
            _fake.Prices["EURUSD"] = (1.2, 1.2001, later);
        }

        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (listener.Count < 2 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20, ct);
        }

        Assert.True(gateway.TryGetQuote("EURUSD", out var tick));
        Assert.Equal(1.2, tick.Bid);
        Assert.Equal(1.2001, tick.Ask);
        Assert.Equal(later.ToUnixTimeMilliseconds(), tick.TimeMs);
        Assert.Equal(2, listener.Count);
    }

    [Fact]
    public async Task GetDealsAsync_MoreThanOnePage_ReadsEveryPageOldestFirst()
    {
        var start = DateTimeOffset.Parse("2024-03-01T00:00:00Z", CultureInfo.InvariantCulture);
        for (var i = 0; i < 1500; i++)
        {
            _fake.Deals.Add(new JsonObject
            {
                ["id"] = (100_000 + 1500 - i).ToString(CultureInfo.InvariantCulture), ["type"] = i == 0 ? "DEAL_TYPE_BALANCE" : "DEAL_TYPE_BUY",
                ["entryType"] = "DEAL_ENTRY_IN", ["symbol"] = i == 0 ? null : "EURUSD", ["time"] = start.AddMinutes(1500 - i).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["volume"] = 0.01, ["price"] = 1.1, ["profit"] = i == 0 ? 10_000 : 1.005, ["commission"] = -0.07, ["swap"] = 0, ["platform"] = "mt5",
            });
        }

        await using var gateway = await ConnectAsync();
        var deals = await gateway.GetDealsAsync(HistoryQuery.All, TestContext.Current.CancellationToken);

        Assert.Equal(1500, deals.Count);
        Assert.True(deals.Zip(deals.Skip(1)).All(p => p.First.TimeMs <= p.Second.TimeMs));
        Assert.Equal(DealType.Buy, deals[0].Type);
        Assert.Equal(DealType.Balance, deals[^1].Type);
        Assert.Equal(10_000m, deals[^1].Profit);

        // Money is rounded to the account's 2 currency digits, half away from zero: 1.005 → 1.01 (MT5's rounding).
        Assert.Equal(1.01m, deals[0].Profit);
        Assert.Equal(2, _fake.Requests.Count(r => r.PathAndQuery.Contains("/history-deals/time/", StringComparison.Ordinal)));
        Assert.Equal(1499, (await gateway.GetDealsAsync(new HistoryQuery(long.MinValue, long.MaxValue, "eurusd"), TestContext.Current.CancellationToken)).Count);
    }

    private MetaApiOptions Options() => new()
    {
        Token = FakeMetaApi.Token,
        AccountId = FakeMetaApi.AccountId,
        BaseUrl = _fake.BaseUrl,
        TradingEnabled = true,
        RequestTimeout = TimeSpan.FromSeconds(10),
        RetryDelay = TimeSpan.FromMilliseconds(20),
        ReconcileGrace = TimeSpan.FromMilliseconds(100),
        ReconcileTimeout = TimeSpan.FromSeconds(10),
    };

    [Theory]
    [InlineData("EURUSD")]
    [InlineData("AUDNZD")]
    public async Task GetSymbolSpecAsync_DocumentedSpecification_TheCatalogueSymbolWithSessionsInUtcAndProfitCurrencyFromTheName(string symbol)
    {
        await using var gateway = await ConnectAsync();
        var expected = SymbolCatalog.BuiltIn.Get(symbol);

        var spec = await gateway.GetSymbolSpecAsync(symbol, TestContext.Current.CancellationToken);

        // The stand-in answers on a UTC+3 clock (its brokerTime) and leaves profitCurrency out, as MetaApi does for pairs.
        Assert.Equal(expected.TradeSessions, spec.TradeSessions);
        Assert.Equal(expected.QuoteSessions, spec.QuoteSessions);
        Assert.Equal(expected.CurrencyProfit, spec.CurrencyProfit);
        // (MetaApi's specification has no typical spread.)
        Assert.Equal(expected with { TickSize = expected.TickSize, Spread = 0 }, spec with { TradeSessions = expected.TradeSessions, QuoteSessions = expected.QuoteSessions });
        var read = Assert.Single(_fake.Requests, r => r.PathAndQuery.EndsWith("/specification", StringComparison.Ordinal));
        Assert.Equal(FakeMetaApi.Token, read.TokenHeader);
        Assert.DoesNotContain(FakeMetaApi.Token, read.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSymbolSpecAsync_SymbolTheBrokerLacks_BrokerSymbolExceptionNotAnOutage()
    {
        await using var gateway = await ConnectAsync();

        var ex = await Assert.ThrowsAsync<BrokerSymbolException>(() => gateway.GetSymbolSpecAsync("EURUSD.ecn", TestContext.Current.CancellationToken));

        Assert.Contains("EURUSD.ecn", ex.Message, StringComparison.Ordinal);
    }

    private Task<MetaApiGateway> ConnectAsync(Func<MetaApiOptions, MetaApiOptions>? configure = null) =>
        MetaApiGateway.ConnectAsync((configure ?? (o => o))(Options()), _http, TimeProvider.System, _log, TestContext.Current.CancellationToken);

    private sealed class QuoteListener : IBrokerListener
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void OnQuote(string symbol, in Tick tick) => Interlocked.Increment(ref _count);

        public void OnTradeChange(BrokerTradeChange change)
        {
        }
    }
}
