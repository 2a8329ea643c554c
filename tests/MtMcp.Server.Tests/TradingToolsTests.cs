using System.Text.Json;

namespace MtMcp.Server.Tests;

/// <summary>Account and trading tools on the paper venue: the whole life of a position, idempotency, and refusals that change nothing.</summary>
public sealed class TradingToolsTests
{
    [Fact]
    public async Task GetAccount_NoConfiguration_IsTheDefaultPaperAccount()
    {
        await using var server = await ServerHarness.StartAsync();
        var json = await server.CallOkAsync("get_account");
        Assert.Equal("demo", json.GetProperty("name").GetString());
        Assert.Equal("USD", json.GetProperty("currency").GetString());
        Assert.Equal(100, json.GetProperty("leverage").GetInt32());
        Assert.Equal("hedging", json.GetProperty("margin_mode").GetString());
        Assert.Equal("demo", json.GetProperty("trade_mode").GetString());
        Assert.Equal("paper", json.GetProperty("server_mode").GetString());
        Assert.Equal(10_000m, json.GetProperty("balance").GetDecimal());
        Assert.Equal(10_000d, json.GetProperty("equity").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("margin_level").ValueKind);

        var list = await server.CallOkAsync("list_accounts");
        Assert.Equal("demo", Assert.Single(list.GetProperty("accounts").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task PlaceModifyPartCloseAndClose_APosition_LeavesTheDealsInHistoryAndTheBalanceByHand()
    {
        await using var server = await ServerHarness.StartAsync();
        var quote = (await server.CallOkAsync("get_quote", new() { ["symbols"] = new[] { "EURUSD" } })).GetProperty("quotes")[0];
        double bid = quote.GetProperty("bid").GetDouble(), ask = quote.GetProperty("ask").GetDouble();

        var placed = (await server.CallOkAsync("place_order", new()
        {
            ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "life-1", ["magic"] = 7, ["comment"] = "test",
        })).GetProperty("result");
        Assert.Equal("filled", placed.GetProperty("outcome").GetString());
        Assert.Equal(10009, placed.GetProperty("retcode").GetInt32());
        Assert.Equal(ask, placed.GetProperty("price").GetDouble());   // a buy fills at the ask
        var ticket = placed.GetProperty("position").GetInt64();

        // The same client_order_id again returns the first result and opens nothing new.
        var again = (await server.CallOkAsync("place_order", new()
        {
            ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "life-1",
        })).GetProperty("result");
        Assert.Equal(placed.GetProperty("deal").GetInt64(), again.GetProperty("deal").GetInt64());
        Assert.Single((await server.CallOkAsync("get_positions")).GetProperty("positions").EnumerateArray());

        var sl = Math.Round(ask - 0.00100, 5);
        var tp = Math.Round(ask + 0.00200, 5);
        await server.CallOkAsync("modify_position", new() { ["ticket"] = ticket, ["stop_loss"] = sl, ["take_profit"] = tp });
        var position = Assert.Single((await server.CallOkAsync("get_positions")).GetProperty("positions").EnumerateArray());
        Assert.Equal(sl, position.GetProperty("stop_loss").GetDouble());
        Assert.Equal(tp, position.GetProperty("take_profit").GetDouble());
        Assert.Equal("buy", position.GetProperty("side").GetString());
        Assert.Equal(bid, position.GetProperty("price_current").GetDouble());

        var part = (await server.CallOkAsync("close_position", new() { ["ticket"] = ticket, ["volume"] = 0.04 })).GetProperty("result");
        Assert.Equal(bid, part.GetProperty("price").GetDouble());   // closing a buy sells at the bid
        Assert.Equal(0.06m, Assert.Single((await server.CallOkAsync("get_positions")).GetProperty("positions").EnumerateArray()).GetProperty("volume").GetDecimal());

        await server.CallOkAsync("close_position", new() { ["ticket"] = ticket });
        Assert.Equal(0, (await server.CallOkAsync("get_positions")).GetProperty("count").GetInt32());

        var history = await server.CallOkAsync("get_history", new() { ["from"] = "2026-03-01" });
        var deals = history.GetProperty("deals").EnumerateArray().Where(d => d.GetProperty("symbol").GetString() == "EURUSD").ToList();
        Assert.Equal(["in", "out", "out"], deals.Select(d => d.GetProperty("entry").GetString()));
        Assert.Equal([0.1m, 0.04m, 0.06m], deals.Select(d => d.GetProperty("volume").GetDecimal()));
        Assert.All(deals, d => Assert.Equal(ticket, d.GetProperty("position_id").GetInt64()));

        // Hand calculation: each closing deal earns (bid − ask) × lots × 100,000 USD, rounded to cents; no commission or swap.
        var expected = 10_000m + deals.Skip(1).Sum(d => Math.Round((decimal)(bid - ask) * d.GetProperty("volume").GetDecimal() * 100_000m, 2, MidpointRounding.AwayFromZero));
        Assert.Equal(expected, (await server.CallOkAsync("get_account")).GetProperty("balance").GetDecimal());
        Assert.True(expected < 10_000m, "the spread costs money");
    }

    [Fact]
    public async Task PlaceModifyAndCancel_APendingOrder_ShowsInOrdersUntilCancelled()
    {
        await using var server = await ServerHarness.StartAsync();
        var bid = (await server.CallOkAsync("get_quote", new() { ["symbols"] = new[] { "USDJPY" } })).GetProperty("quotes")[0].GetProperty("bid").GetDouble();
        var limit = Math.Round(bid - 1.0, 3);
        var placed = (await server.CallOkAsync("place_order", new()
        {
            ["symbol"] = "USDJPY", ["side"] = "buy", ["type"] = "limit", ["volume"] = 0.2, ["price"] = limit, ["client_order_id"] = "pend-1",
        })).GetProperty("result");
        Assert.Equal("placed", placed.GetProperty("outcome").GetString());
        var ticket = placed.GetProperty("order").GetInt64();

        var order = Assert.Single((await server.CallOkAsync("get_orders")).GetProperty("orders").EnumerateArray());
        Assert.Equal("buy_limit", order.GetProperty("type").GetString());
        Assert.Equal(limit, order.GetProperty("price").GetDouble());

        var lower = Math.Round(limit - 0.5, 3);
        await server.CallOkAsync("modify_order", new() { ["ticket"] = ticket, ["price"] = lower });
        Assert.Equal(lower, Assert.Single((await server.CallOkAsync("get_orders")).GetProperty("orders").EnumerateArray()).GetProperty("price").GetDouble());

        await server.CallOkAsync("cancel_order", new() { ["ticket"] = ticket });
        Assert.Equal(0, (await server.CallOkAsync("get_orders")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task CheckOrder_AMarketBuy_PricesTheMarginWithoutTrading()
    {
        await using var server = await ServerHarness.StartAsync();
        var ask = (await server.CallOkAsync("get_quote", new() { ["symbols"] = new[] { "EURUSD" } })).GetProperty("quotes")[0].GetProperty("ask").GetDouble();
        var check = await server.CallOkAsync("check_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 1.0 });
        Assert.True(check.GetProperty("accepted").GetBoolean());
        // Forex margin: lots × contract size × price / leverage, in USD for EURUSD (margin currency EUR at the ask).
        Assert.Equal(1.0 * 100_000 * ask / 100, check.GetProperty("required_margin").GetDouble(), 0.01);
        Assert.Equal(0, (await server.CallOkAsync("get_positions")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task ClosePositions_BySymbol_ClosesOnlyThatSymbolWithOneResultEach()
    {
        await using var server = await ServerHarness.StartAsync();
        await server.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "a" });
        await server.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "sell", ["volume"] = 0.2, ["client_order_id"] = "b" });
        await server.CallOkAsync("place_order", new() { ["symbol"] = "GBPUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "c" });
        var bulk = await server.CallOkAsync("close_positions", new() { ["symbol"] = "EURUSD" });
        Assert.Equal(2, bulk.GetProperty("count").GetInt32());
        Assert.Equal(2, bulk.GetProperty("closed").GetInt32());
        var left = Assert.Single((await server.CallOkAsync("get_positions")).GetProperty("positions").EnumerateArray());
        Assert.Equal("GBPUSD", left.GetProperty("symbol").GetString());
    }

    public static TheoryData<string, string, string> BadOrders => new()
    {
        { """{"symbol":"EURUSD","side":"buy","volume":-1,"client_order_id":"x"}""", "INVALID_ARGUMENT", "volume" },
        { """{"symbol":"EURUSD","side":"buy","volume":0,"client_order_id":"x"}""", "INVALID_ARGUMENT", "volume" },
        { """{"symbol":"EURUSD","side":"buy","volume":1e300,"client_order_id":"x"}""", "INVALID_ARGUMENT", "volume" },
        { """{"symbol":"EURUSD","side":"buy","volume":0.015,"client_order_id":"x"}""", "INVALID_ARGUMENT", "volume" },
        { """{"symbol":"EURUSD","side":"buy","volume":"lots","client_order_id":"x"}""", "INVALID_ARGUMENT", "" },
        { """{"symbol":"EURUSD","side":"long","volume":0.1,"client_order_id":"x"}""", "INVALID_ARGUMENT", "side" },
        { """{"symbol":"EURUSD","side":"buy","volume":0.1}""", "INVALID_ARGUMENT", "client_order_id" },
        { """{"side":"buy","volume":0.1,"client_order_id":"x"}""", "INVALID_ARGUMENT", "symbol" },
        { """{"symbol":"EURUSX","side":"buy","volume":0.1,"client_order_id":"x"}""", "UNKNOWN_SYMBOL", "symbol" },
        { """{"symbol":"EURUSD","side":"buy","volume":0.1,"client_order_id":"x","account":"nobody"}""", "UNKNOWN_ACCOUNT", "account" },
        { """{"symbol":"EURUSD","side":"buy","type":"limit","volume":0.1,"price":1.0000001,"client_order_id":"x"}""", "INVALID_ARGUMENT", "price" },
        { """{"symbol":"EURUSD","side":"buy","type":"limit","volume":0.1,"client_order_id":"x"}""", "INVALID_ARGUMENT", "price" },
        { """{"symbol":"EURUSD","side":"buy","volume":0.1,"price":1.1,"client_order_id":"x"}""", "INVALID_ARGUMENT", "price" },
        { """{"symbol":"EURUSD","side":"buy","type":"limit","volume":0.1,"price":1.0,"expiration":"2020-01-01","client_order_id":"x"}""", "INVALID_ARGUMENT", "expiration" },
        { """{"symbol":"EURUSD","side":"buy","volume":0.1,"risk_percent":1,"stop_loss":1.0,"client_order_id":"x"}""", "INVALID_ARGUMENT", "risk_percent" },
        { """{"symbol":"EURUSD","side":"buy","risk_percent":1,"client_order_id":"x"}""", "INVALID_ARGUMENT", "stop_loss" },
        { """{"symbol":"EURUSD","side":"buy","risk_percent":1,"stop_loss":1.5,"client_order_id":"x"}""", "INVALID_ARGUMENT", "stop_loss" },
        { """{"symbol":"EURUSD","side":"buy","risk_percent":0.001,"stop_loss":0.5,"client_order_id":"x"}""", "INVALID_ARGUMENT", "risk_percent" },
        { """{"symbol":"EURUSD","side":"buy","volume":0.1,"comment":"this comment is far longer than thirty-one characters","client_order_id":"x"}""", "INVALID_ARGUMENT", "comment" },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task PlaceOrder_BadInput_IsRefusedAndChangesNothing(string arguments, string code, string argument)
    {
        await using var server = await ServerHarness.StartAsync();
        var before = await Ledger(server);
        var error = await server.CallErrorAsync("place_order", JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments));
        Assert.Equal(code, error.GetProperty("error_code").GetString());
        if (argument.Length > 0)
        {
            Assert.Equal(argument, error.GetProperty("argument").GetString());
        }

        Assert.Equal(before, await Ledger(server));
    }

    [Fact]
    public async Task PlaceOrder_OverTheLeverageCap_IsRiskLimitAndChangesNothing()
    {
        // The default risk profile (EU retail) caps EURUSD at 30:1: 40 lots on 10,000 USD is about 440:1.
        await using var server = await ServerHarness.StartAsync();
        var before = await Ledger(server);
        var error = await server.CallErrorAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 40, ["client_order_id"] = "big" });
        Assert.Equal("RISK_LIMIT", error.GetProperty("error_code").GetString());
        Assert.Contains("leverage_limit", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(10006, error.GetProperty("retcode").GetInt32());   // TRADE_RETCODE_REJECT: never sent to the venue
        Assert.False(error.GetProperty("retryable").GetBoolean());
        Assert.Equal(before, await Ledger(server));
    }

    [Fact]
    public async Task PlaceOrder_VenueRejection_IsTradeRejectedWithTheRetcodeAndChangesNothing()
    {
        // A professional profile has no leverage caps, so the venue's own margin check decides.
        await using var server = await ServerHarness.StartAsync(s => s with
        {
            Risk = MtMcp.Risk.RiskConfiguration.Parse("""{ "compliance": { "profile": "PROFESSIONAL" } }"""),
        });
        var before = await Ledger(server);
        // 40 lots of EURUSD need about 44,000 USD of margin at 1:100; the account has 10,000.
        var error = await server.CallErrorAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 40, ["client_order_id"] = "big" });
        Assert.Equal("TRADE_REJECTED", error.GetProperty("error_code").GetString());
        Assert.Equal(10019, error.GetProperty("retcode").GetInt32());   // TRADE_RETCODE_NO_MONEY
        Assert.Equal(before, await Ledger(server));
    }

    [Fact]
    public async Task PlaceOrder_OnSaturday_IsMarketClosedAndRetryable()
    {
        await using var server = await ServerHarness.StartAsync(now: new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero));
        var error = await server.CallErrorAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "sat" });
        Assert.Equal("MARKET_CLOSED", error.GetProperty("error_code").GetString());
        Assert.True(error.GetProperty("retryable").GetBoolean());
    }

    [Fact]
    public async Task ClosePosition_UnknownTicketOrTooMuchVolume_IsRefused()
    {
        await using var server = await ServerHarness.StartAsync();
        var ticket = (await server.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "sell", ["volume"] = 0.1, ["client_order_id"] = "s" }))
            .GetProperty("result").GetProperty("position").GetInt64();
        Assert.Equal("ticket", (await server.CallErrorAsync("close_position", new() { ["ticket"] = ticket + 1000 })).GetProperty("argument").GetString());
        Assert.Equal("volume", (await server.CallErrorAsync("close_position", new() { ["ticket"] = ticket, ["volume"] = 0.2 })).GetProperty("argument").GetString());
        Assert.Equal(0.1m, Assert.Single((await server.CallOkAsync("get_positions")).GetProperty("positions").EnumerateArray()).GetProperty("volume").GetDecimal());
    }

    // Everything an order could change, as one string.
    private static async Task<string> Ledger(ServerHarness server)
    {
        var account = await server.CallOkAsync("get_account");
        var positions = await server.CallOkAsync("get_positions");
        var orders = await server.CallOkAsync("get_orders");
        var history = await server.CallOkAsync("get_history", new() { ["from"] = "2026-01-01" });
        return $"{account.GetProperty("balance")}|{positions.GetRawText()}|{orders.GetRawText()}|{history.GetProperty("deals").GetRawText()}";
    }
}
