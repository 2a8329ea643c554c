using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using MtMcp.Gateways.Bridge;
using MtMcp.Server.Market;
using MtMcp.Testing.Bridge;

namespace MtMcp.Server.Tests;

/// <summary>
/// End to end over real sockets: a simulated MetaTrader terminal connects to the server's bridge listener and an MCP
/// client trades its account through the ordinary tools; the broker model answers with MT5 retcodes.
/// </summary>
public sealed class BridgeEndToEndTests
{
    /// <summary>2024-06-10 10:00:01 UTC (a Monday): the terminal's broker clock.</summary>
    private const long T0 = 1_718_013_601_000;

    private static async Task<(ServerHarness Server, SimulatedTerminal Terminal, SimulatedEa Ea)> StartAsync(
        string tradeMode = "ACCOUNT_TRADE_MODE_DEMO", bool realAccounts = false, ulong login = 5001, MtMcp.Risk.RiskConfiguration? risk = null,
        McpClientOptions? clientOptions = null)
    {
        var server = await ServerHarness.StartAsync(
            s => s with
            {
                Mode = ServerMode.Live,
                Risk = risk ?? s.Risk,
                LiveTradingEnabled = true,
                Bridge = new BridgeSettings("127.0.0.1:0", "e2e-token"),
                RealAccountsEnabled = realAccounts,
            },
            clientOptions: clientOptions);
        var terminal = new SimulatedTerminal(login, tradeMode);
        terminal.Quote("EURUSD", 1.08510, 1.08512, T0);
        var endPoint = server.Services.GetRequiredService<BridgeHost>().LocalEndPoint!;
        var ea = new SimulatedEa(terminal, endPoint, "e2e-token");
        await ea.StartAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await WaitForAccountAsync(server, "mt5-" + login);
        return (server, terminal, ea);
    }

    private static async Task WaitForAccountAsync(ServerHarness server, string name)
    {
        var until = Environment.TickCount64 + 10_000;
        while (true)
        {
            var list = await server.CallOkAsync("list_accounts");
            if (list.GetProperty("accounts").EnumerateArray().Any(a => a.GetProperty("name").GetString() == name))
            {
                return;
            }

            Assert.True(Environment.TickCount64 < until, $"{name} never appeared in list_accounts");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static JsonElement LastRequest(SimulatedEa ea, string op) =>
        JsonDocument.Parse(ea.Requests.Last(r => (string?)r["op"] == op).ToJsonString()).RootElement;

    [Fact]
    public async Task BridgedAccount_ListedAndRead_FromTheTerminal()
    {
        var (server, terminal, ea) = await StartAsync();
        await using var _ = server;
        await using var __ = ea;

        var row = (await server.CallOkAsync("list_accounts")).GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "mt5-5001");
        var account = await server.CallOkAsync("get_account", new() { ["account"] = "mt5-5001" });

        Assert.Equal(5001UL, row.GetProperty("login").GetUInt64());
        Assert.Equal("demo", row.GetProperty("trade_mode").GetString());
        Assert.Equal(terminal.Account.Balance, account.GetProperty("balance").GetDecimal());
        Assert.Equal("live", account.GetProperty("server_mode").GetString());
        Assert.Equal("Broker-Demo", account.GetProperty("server").GetString());
        Assert.True(account.GetProperty("trade_allowed").GetBoolean());
    }

    [Fact]
    public async Task Quotes_StreamFromTheTerminal_IntoGetQuote()
    {
        var (server, _, ea) = await StartAsync();
        await using var _ = server;
        await using var __ = ea;

        var first = (await server.CallOkAsync("get_quote", new() { ["symbols"] = new[] { "EURUSD" }, ["account"] = "mt5-5001" })).GetProperty("quotes")[0];
        Assert.Equal(1.08512, first.GetProperty("ask").GetDouble());
        Assert.Contains("EURUSD", ea.Subscriptions);

        await ea.PublishTickAsync("EURUSD", 1.08601, 1.08604, T0 + 5_000);
        var until = Environment.TickCount64 + 10_000;
        JsonElement quote;
        do
        {
            quote = (await server.CallOkAsync("get_quote", new() { ["symbols"] = new[] { "EURUSD" }, ["account"] = "mt5-5001" })).GetProperty("quotes")[0];
        }
        while (quote.GetProperty("bid").GetDouble() != 1.08601 && Environment.TickCount64 < until);

        Assert.Equal(1.08601, quote.GetProperty("bid").GetDouble());
        Assert.Equal(1.08604, quote.GetProperty("ask").GetDouble());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(T0 + 5_000), DateTimeOffset.Parse(quote.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task PlaceModifyClose_ReachTheTerminalWithTheRightFields_RetcodesComeBack()
    {
        var (server, terminal, ea) = await StartAsync();
        await using var _ = server;
        await using var __ = ea;

        var placed = (await server.CallOkAsync("place_order", new()
        {
            ["account"] = "mt5-5001", ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "e2e-1", ["magic"] = 77,
        })).GetProperty("result");
        var send = LastRequest(ea, "trade.send").GetProperty("data");
        Assert.Equal("e2e-1", send.GetProperty("client_order_id").GetString());
        var wire = send.GetProperty("request");
        Assert.Equal("TRADE_ACTION_DEAL", wire.GetProperty("action").GetString());
        Assert.Equal("ORDER_TYPE_BUY", wire.GetProperty("type").GetString());
        Assert.Equal("EURUSD", wire.GetProperty("symbol").GetString());
        Assert.Equal(0.1m, wire.GetProperty("volume").GetDecimal());
        Assert.Equal(77UL, wire.GetProperty("magic").GetUInt64());
        Assert.Equal(BridgeTags.ForClientOrder(new BridgeAccountKey("MT5", "Broker-Demo", 5001), "e2e-1"), wire.GetProperty("comment").GetString());
        Assert.Equal(10009, placed.GetProperty("retcode").GetInt32());
        Assert.Equal("filled", placed.GetProperty("outcome").GetString());
        Assert.Equal(1.08512, placed.GetProperty("price").GetDouble());
        var broker = Assert.Single(terminal.Positions);

        var position = Assert.Single((await server.CallOkAsync("get_positions", new() { ["account"] = "mt5-5001" })).GetProperty("positions").EnumerateArray());
        Assert.Equal(broker.Ticket, position.GetProperty("ticket").GetUInt64());
        var modified = (await server.CallOkAsync("modify_position", new()
        {
            ["account"] = "mt5-5001", ["ticket"] = broker.Ticket, ["stop_loss"] = 1.08312, ["take_profit"] = 1.08912,
        })).GetProperty("result");
        var sltp = LastRequest(ea, "trade.send").GetProperty("data").GetProperty("request");
        Assert.Equal("TRADE_ACTION_SLTP", sltp.GetProperty("action").GetString());
        Assert.Equal(broker.Ticket, sltp.GetProperty("position").GetUInt64());
        Assert.Equal(1.08312, sltp.GetProperty("sl").GetDouble());
        Assert.Equal(1.08912, sltp.GetProperty("tp").GetDouble());
        Assert.Equal(10009, modified.GetProperty("retcode").GetInt32());
        Assert.Equal(1.08312, Assert.Single(terminal.Positions).StopLoss);

        var closed = (await server.CallOkAsync("close_position", new() { ["account"] = "mt5-5001", ["ticket"] = broker.Ticket })).GetProperty("result");
        var close = LastRequest(ea, "trade.send").GetProperty("data").GetProperty("request");
        Assert.Equal("ORDER_TYPE_SELL", close.GetProperty("type").GetString());
        Assert.Equal(broker.Ticket, close.GetProperty("position").GetUInt64());
        Assert.Equal(0.1m, close.GetProperty("volume").GetDecimal());
        Assert.Equal(10009, closed.GetProperty("retcode").GetInt32());
        Assert.Equal(1.08510, closed.GetProperty("price").GetDouble());   // a long closes at the bid
        Assert.Empty(terminal.Positions);
    }

    [Fact]
    public async Task PlaceOrder_BrokerRefuses_ToolErrorCarriesTheTerminalsRetcode()
    {
        // Without leverage caps the server's gate lets 50 lots through, so the refusal is the broker's (no money).
        var professional = MtMcp.Risk.RiskConfiguration.Create(new MtMcp.Risk.RiskLimits
        {
            Profile = MtMcp.Risk.ComplianceProfile.Professional, Leverage = MtMcp.Risk.LeverageCaps.Professional,
        });
        var (server, terminal, ea) = await StartAsync(risk: professional);
        await using var _ = server;
        await using var __ = ea;

        var error = await server.CallErrorAsync("place_order", new()
        {
            ["account"] = "mt5-5001", ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 50.0, ["client_order_id"] = "e2e-big",
        });

        Assert.Equal("TRADE_REJECTED", error.GetProperty("error_code").GetString());
        Assert.Equal(10019, error.GetProperty("retcode").GetInt32());
        Assert.Empty(terminal.Positions);
        Assert.Equal(1, terminal.OrderSendCalls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RealAccount_TradesOnlyWithTheExplicitSetting(bool realAccounts)
    {
        // Every order on a REAL account asks the user first; this client answers yes.
        var asked = new List<string>();
        var (server, terminal, ea) = await StartAsync("ACCOUNT_TRADE_MODE_REAL", realAccounts, login: 6001, clientOptions: new McpClientOptions
        {
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = (request, _) =>
                {
                    lock (asked)
                    {
                        asked.Add(request?.Message ?? "");
                    }

                    return ValueTask.FromResult(new ElicitResult
                    {
                        Action = "accept",
                        Content = new Dictionary<string, JsonElement> { ["confirm"] = JsonSerializer.SerializeToElement(true) },
                    });
                },
            },
        });
        await using var _ = server;
        await using var __ = ea;
        var order = new Dictionary<string, object?>
        {
            ["account"] = "mt5-6001", ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "real-1",
        };

        if (realAccounts)
        {
            Assert.Equal("filled", (await server.CallOkAsync("place_order", order)).GetProperty("result").GetProperty("outcome").GetString());
            Assert.Single(terminal.Positions);
            Assert.Single(asked);
        }
        else
        {
            var error = await server.CallErrorAsync("place_order", order);
            Assert.Contains("trading.live.real_accounts", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Empty(terminal.Positions);
            Assert.DoesNotContain(ea.Requests, r => (string?)r["op"] == "trade.send");
            Assert.Empty(asked);
        }

        Assert.Equal("real", (await server.CallOkAsync("get_account", new() { ["account"] = "mt5-6001" })).GetProperty("trade_mode").GetString());
    }

    [Fact]
    public async Task AccountResources_OfTheBridgedAccount_ReadFromTheTerminal_UpdatedAfterATrade()
    {
        var ct = TestContext.Current.CancellationToken;
        var (server, terminal, ea) = await StartAsync(clientOptions: new McpClientOptions { ProtocolVersion = "2025-11-25" });
        await using var _ = server;
        await using var __ = ea;
        const string Uri = "mt://accounts/mt5-5001/positions";
        // The orders resource is pushed on the terminal's trade changes only, never on its quotes: it shows the trade arrived.
        const string OrdersUri = "mt://accounts/mt5-5001/orders";
        var updated = new System.Collections.Concurrent.ConcurrentQueue<string>();
        foreach (var uri in new[] { Uri, OrdersUri })
        {
            await server.Client.SubscribeToResourceAsync(uri, (n, _) =>
            {
                updated.Enqueue(n.Uri);
                return ValueTask.CompletedTask;
            }, cancellationToken: ct);
        }

        // One publisher round so it listens to the terminal's gateway, then trade.
        await AdvanceAsync(server, 2);
        updated.Clear();
        await server.CallOkAsync("place_order", new() { ["account"] = "mt5-5001", ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "res-1" });
        for (var i = 0; i < 100 && !(updated.Contains(Uri) && updated.Contains(OrdersUri)); i++)
        {
            await AdvanceAsync(server, 1);
        }

        Assert.Contains(Uri, updated);
        Assert.Contains(OrdersUri, updated);
        var read = await server.Client.ReadResourceAsync(Uri, cancellationToken: ct);
        var positions = JsonDocument.Parse(Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text).RootElement;
        Assert.Equal(Assert.Single(terminal.Positions).Ticket, Assert.Single(positions.GetProperty("positions").EnumerateArray()).GetProperty("ticket").GetUInt64());
        var account = await server.Client.ReadResourceAsync("mt://accounts/mt5-5001", cancellationToken: ct);
        Assert.Equal(5001UL, JsonDocument.Parse(Assert.IsType<TextResourceContents>(Assert.Single(account.Contents)).Text).RootElement.GetProperty("login").GetUInt64());
    }

    private static async Task AdvanceAsync(ServerHarness server, int rounds)
    {
        for (var i = 0; i < rounds; i++)
        {
            server.Time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
