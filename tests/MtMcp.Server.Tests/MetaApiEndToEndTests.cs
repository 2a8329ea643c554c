using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using MtMcp.MetaApi;
using MtMcp.Testing.MetaApi;

namespace MtMcp.Server.Tests;

/// <summary>
/// End to end over loopback HTTP: the server connects to a local stand-in for MetaApi's REST API (metaapi.* settings) and
/// an MCP client reads and trades the account through the ordinary tools, on the same risk gate and audit chain as paper
/// and bridged accounts.
/// </summary>
public sealed class MetaApiEndToEndTests
{
    private const string Account = "metaapi-865d3a4d";

    private static async Task<ServerHarness> StartAsync(FakeMetaApi fake, bool realAccounts = false)
    {
        // Orders on a REAL account ask the user first; this client answers yes.
        var confirming = new McpClientOptions
        {
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = (_, _) => ValueTask.FromResult(new ElicitResult
                {
                    Action = "accept",
                    Content = new Dictionary<string, JsonElement> { ["confirm"] = JsonSerializer.SerializeToElement(true) },
                }),
            },
        };
        var server = await ServerHarness.StartAsync(
            s => s with
            {
                Mode = ServerMode.Live,
                LiveTradingEnabled = true,
                RealAccountsEnabled = realAccounts,
                MetaApi = new MetaApiOptions
                {
                    Token = FakeMetaApi.Token, AccountId = FakeMetaApi.AccountId, BaseUrl = fake.BaseUrl, QuotePollInterval = TimeSpan.FromMilliseconds(50),
                },
            },
            DateTimeOffset.UtcNow, // the stand-in stamps its deals with the wall clock
            clientOptions: confirming);
        var until = Environment.TickCount64 + 10_000;
        while (!(await server.CallOkAsync("list_accounts")).GetProperty("accounts").EnumerateArray().Any(a => a.GetProperty("name").GetString() == Account))
        {
            Assert.True(Environment.TickCount64 < until, $"{Account} never appeared in list_accounts");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        return server;
    }

    private static JsonObject LastTrade(FakeMetaApi fake) => fake.Trades[^1];

    [Fact]
    public async Task MetaApiAccount_ListedQuotedAndRead_ThroughTheTools()
    {
        await using var fake = await FakeMetaApi.StartAsync();
        await using var server = await StartAsync(fake);

        var row = (await server.CallOkAsync("list_accounts")).GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("name").GetString() == Account);
        var account = await server.CallOkAsync("get_account", new() { ["account"] = Account });
        var quotes = await server.CallOkAsync("get_quote", new() { ["symbols"] = new[] { "EURUSD" }, ["account"] = Account });

        Assert.Equal("demo", row.GetProperty("trade_mode").GetString());
        Assert.Equal((decimal)fake.Balance, account.GetProperty("balance").GetDecimal());
        Assert.Equal("live", account.GetProperty("server_mode").GetString());
        Assert.True(account.GetProperty("trade_allowed").GetBoolean());
        Assert.Equal("metaapi:" + Account, quotes.GetProperty("source").GetString());
        Assert.Equal(1.10000, quotes.GetProperty("quotes")[0].GetProperty("bid").GetDouble());
        Assert.Equal(1.10010, quotes.GetProperty("quotes")[0].GetProperty("ask").GetDouble());
    }

    [Fact]
    public async Task PlaceModifyClose_ReachMetaApiWithTheRightFields_AuditedOnTheOneChain_TokenNeverShown()
    {
        await using var fake = await FakeMetaApi.StartAsync();
        await using var server = await StartAsync(fake);
        var answers = new List<string>();

        async Task<JsonElement> Call(string tool, Dictionary<string, object?> arguments)
        {
            var result = await server.CallAsync(tool, arguments);
            answers.Add(ServerHarness.Text(result));
            Assert.True(result.IsError != true, $"{tool} failed: {ServerHarness.Text(result)}");
            return JsonDocument.Parse(ServerHarness.Text(result)).RootElement;
        }

        var placed = (await Call("place_order", new()
        {
            ["account"] = Account, ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "mapi-1", ["magic"] = 77,
        })).GetProperty("result");
        var trade = LastTrade(fake);
        Assert.Equal("ORDER_TYPE_BUY", (string?)trade["actionType"]);
        Assert.Equal("EURUSD", (string?)trade["symbol"]);
        Assert.Equal(0.1, (double)trade["volume"]!);
        Assert.Equal(77UL, (ulong)trade["magic"]!);
        Assert.Equal(10009, placed.GetProperty("retcode").GetInt32());
        Assert.Equal("filled", placed.GetProperty("outcome").GetString());
        var ticket = ulong.Parse((string)Assert.Single(fake.Positions)["id"]!, System.Globalization.CultureInfo.InvariantCulture);

        var position = Assert.Single((await Call("get_positions", new() { ["account"] = Account })).GetProperty("positions").EnumerateArray());
        Assert.Equal(ticket, position.GetProperty("ticket").GetUInt64());
        Assert.Equal("buy", position.GetProperty("side").GetString());
        Assert.Equal(0.1m, position.GetProperty("volume").GetDecimal());

        var modified = (await Call("modify_position", new() { ["account"] = Account, ["ticket"] = ticket, ["stop_loss"] = 1.09, ["take_profit"] = 1.12 }))
            .GetProperty("result");
        Assert.Equal("POSITION_MODIFY", (string?)LastTrade(fake)["actionType"]);
        Assert.Equal(1.09, (double)LastTrade(fake)["stopLoss"]!);
        Assert.Equal(1.12, (double)LastTrade(fake)["takeProfit"]!);
        Assert.Equal(10009, modified.GetProperty("retcode").GetInt32());

        var closed = (await Call("close_position", new() { ["account"] = Account, ["ticket"] = ticket })).GetProperty("result");
        Assert.Equal("POSITION_CLOSE_ID", (string?)LastTrade(fake)["actionType"]);
        Assert.Equal(10009, closed.GetProperty("retcode").GetInt32());
        Assert.Empty(fake.Positions);

        var audit = (await Call("get_audit_log", new() { ["client_order_id"] = "mapi-1" })).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["order_intent", "risk_decision", "gateway_request", "trade_result"], audit.Select(e => e.GetProperty("kind").GetString()));
        Assert.All(audit, e => Assert.Equal(Account, e.GetProperty("account").GetString()));
        Assert.Equal("metaapi", audit[2].GetProperty("payload").GetProperty("venue").GetString());
        Assert.Equal(10009, audit[3].GetProperty("payload").GetProperty("retcode").GetInt32());
        Assert.True((await Call("verify_audit_log", new())).GetProperty("intact").GetBoolean());
        Assert.All(answers, text => Assert.DoesNotContain(FakeMetaApi.Token, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RealAccount_RefusesOrdersUnlessEnabled_AndNothingReachesMetaApi()
    {
        await using var fake = await FakeMetaApi.StartAsync();
        fake.AccountType = "ACCOUNT_TRADE_MODE_REAL";
        await using (var server = await StartAsync(fake))
        {
            var refused = await server.CallErrorAsync("place_order", new()
            {
                ["account"] = Account, ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "real-1",
            });
            Assert.Contains("trading.live.real_accounts", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Empty(fake.Trades);
            Assert.Equal("real", (await server.CallOkAsync("get_account", new() { ["account"] = Account })).GetProperty("trade_mode").GetString());
        }

        await using (var enabled = await StartAsync(fake, realAccounts: true))
        {
            var placed = (await enabled.CallOkAsync("place_order", new()
            {
                ["account"] = Account, ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "real-2",
            })).GetProperty("result");
            Assert.Equal(10009, placed.GetProperty("retcode").GetInt32());
            Assert.Single(fake.Trades);
        }
    }

    [Fact]
    public async Task LiveStrategy_OnTheMetaApiAccount_DrivenByItsPolledPrices_TradesThroughTheOrderPathAndFlattens()
    {
        await using var fake = await FakeMetaApi.StartAsync();
        await using var server = await StartAsync(fake);
        var started = await server.CallOkAsync("start_strategy", new()
        {
            ["document"] = """{ "name": "always_long", "long_entry": "close > 0" }""", ["account"] = Account, ["symbol"] = "EURUSD", ["timeframe"] = "M1", ["lots"] = 0.1,
        });
        var id = started.GetProperty("id").GetString()!;
        var magic = started.GetProperty("magic").GetUInt64();
        Assert.Equal("metaapi", started.GetProperty("venue").GetString());

        // A new price a minute later each time, until a closed bar makes the strategy buy (at its first or second bar,
        // depending on the warm-up history the server found).
        var minute = DateTimeOffset.UtcNow.AddMinutes(-10);
        minute = new DateTimeOffset(minute.Ticks - (minute.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        for (var i = 0; i < 6 && fake.Trades.Count == 0; i++)
        {
            lock (fake.Prices)
            {
                fake.Prices["EURUSD"] = (1.10020, 1.10030, minute.AddMinutes(i).AddSeconds(5));
            }

            // The gateway polls on the server's clock, which the harness moves by hand.
            var until = Environment.TickCount64 + 2_000;
            while (fake.Trades.Count == 0 && Environment.TickCount64 < until)
            {
                server.Time.Advance(TimeSpan.FromMilliseconds(100));
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        var trade = Assert.Single(fake.Trades);
        Assert.Equal(("ORDER_TYPE_BUY", 0.1, magic), ((string?)trade["actionType"], (double)trade["volume"]!, (ulong)trade["magic"]!));
        var status = (await server.CallOkAsync("get_strategy_status", new() { ["id"] = id })).GetProperty("strategies")[0];
        Assert.Equal(1, status.GetProperty("open_positions").GetInt32());
        Assert.Equal(1.10030, status.GetProperty("positions")[0].GetProperty("price_open").GetDouble());
        var audit = (await server.CallOkAsync("get_audit_log", new() { ["actor"] = id })).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal("metaapi", audit.Single(e => e.GetProperty("kind").GetString() == "gateway_request").GetProperty("payload").GetProperty("venue").GetString());

        var stopped = await server.CallOkAsync("stop_strategy", new() { ["id"] = id, ["flatten"] = true });
        Assert.Equal(("stopped", 0, 2), (stopped.GetProperty("state").GetString(), stopped.GetProperty("open_positions").GetInt32(), stopped.GetProperty("deals").GetInt32()));
        Assert.Equal("POSITION_CLOSE_ID", (string?)fake.Trades[^1]["actionType"]);
        Assert.DoesNotContain(FakeMetaApi.Token, stopped.GetRawText(), StringComparison.Ordinal);
    }
}
