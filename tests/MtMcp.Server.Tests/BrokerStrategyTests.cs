using System.Text.Json;
using MtMcp.Engine;
using MtMcp.Testing.Bridge;

namespace MtMcp.Server.Tests;

/// <summary>
/// Live strategies on a bridged account, over real loopback sockets with the simulated EA: bars from the terminal's
/// quotes, orders through the broker order path (risk gate, audit chain) to the terminal, status read from the terminal,
/// stop with flatten closing at the terminal.
/// </summary>
public sealed class BrokerStrategyTests
{
    // The terminal's clock follows the server's (a second after its fake now), as a broker's does in practice.
    private static readonly long T0 = ServerHarness.Now.ToUnixTimeMilliseconds() + 1_000;
    private const string Account = BridgedServer.Account;

    // Enters long on the first bar it decides on and holds.
    private const string AlwaysLong = """
        { "name": "always_long", "long_entry": "close > 0" }
        """;

    private static Task<(ServerHarness Server, SimulatedTerminal Terminal, SimulatedEa Ea)> StartAsync(bool tradingEnabled = true) =>
        BridgedServer.StartAsync(
            s => s with { Mode = tradingEnabled ? ServerMode.Live : ServerMode.Paper, LiveTradingEnabled = tradingEnabled }, "strategy-token", T0);

    private static async Task<JsonElement> StatusAsync(ServerHarness server, string id) =>
        (await server.CallOkAsync("get_strategy_status", new() { ["id"] = id })).GetProperty("strategies")[0];

    /// <summary>
    /// Streams one quote (1.08530/1.08533) at the start of each minute after <see cref="T0"/> until the strategy has
    /// signalled: whether it acts at the first bar's close depends on the warm-up history the server found.
    /// </summary>
    private static async Task<JsonElement> RunUntilSignalAsync(ServerHarness server, SimulatedEa ea, string id)
    {
        await ea.PublishTickAsync("EURUSD", 1.08520, 1.08522, T0 + 10_000);
        for (var minute = 1; minute <= 5; minute++)
        {
            await ea.PublishTickAsync("EURUSD", 1.08530, 1.08533, T0 + (minute * 60_000));
            var until = Environment.TickCount64 + 3_000;
            while (Environment.TickCount64 < until)
            {
                var status = await StatusAsync(server, id);
                if (status.GetProperty("recent_signals").GetArrayLength() > 0)
                {
                    return status;
                }

                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        Assert.Fail("The strategy never signalled.");
        return default;
    }

    [Fact]
    public async Task StartStrategy_OnABridgedAccount_TradesAtTheTerminalThroughTheGateAndAudit_StatusAndFlattenUseTheTerminal()
    {
        var (server, terminal, ea) = await StartAsync();
        await using var _ = server;
        await using var __ = ea;

        var started = await server.CallOkAsync("start_strategy", new()
        {
            ["document"] = AlwaysLong, ["account"] = Account, ["symbol"] = "EURUSD", ["timeframe"] = "M1", ["lots"] = 0.1,
        });
        var id = started.GetProperty("id").GetString()!;
        var magic = started.GetProperty("magic").GetUInt64();
        Assert.Equal(("running", Account, "metatrader"), (started.GetProperty("state").GetString(), started.GetProperty("account").GetString(), started.GetProperty("venue").GetString()));
        Assert.Equal(JsonValueKind.Null, started.GetProperty("account_unavailable").ValueKind);

        // A bar closes at the first quote of the next minute: the strategy decides there and its buy goes to the terminal.
        var status = await RunUntilSignalAsync(server, ea, id);

        var position = Assert.Single(terminal.Positions);
        Assert.Equal((0.1m, magic, 1.08533), (position.Volume, position.Magic, position.PriceOpen));
        var send = Assert.Single(ea.Requests, r => (string?)r["op"] == "trade.send");
        Assert.StartsWith(id + ":", (string?)send["data"]!["client_order_id"], StringComparison.Ordinal);
        Assert.Equal(1, status.GetProperty("open_positions").GetInt32());
        Assert.Equal(position.Ticket, status.GetProperty("positions")[0].GetProperty("ticket").GetUInt64());
        var signal = status.GetProperty("recent_signals")[0];
        Assert.Equal(("buy", "TRADE_RETCODE_DONE", 1.08533), (signal.GetProperty("action").GetString(), signal.GetProperty("retcode_name").GetString(), signal.GetProperty("price").GetDouble()));

        // The strategy's order has the whole trail, under the strategy's id, and the chain verifies.
        var audit = (await server.CallOkAsync("get_audit_log", new() { ["actor"] = id })).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["order_intent", "risk_decision", "gateway_request", "trade_result"], audit.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("metatrader", audit[2].GetProperty("payload").GetProperty("venue").GetString());
        Assert.True((await server.CallOkAsync("verify_audit_log")).GetProperty("intact").GetBoolean());

        var stopped = await server.CallOkAsync("stop_strategy", new() { ["id"] = id, ["flatten"] = true });
        Assert.Equal(("stopped", 0), (stopped.GetProperty("state").GetString(), stopped.GetProperty("open_positions").GetInt32()));
        Assert.Empty(terminal.Positions);
        Assert.Equal(2, stopped.GetProperty("deals").GetInt32());
        List<Deal> deals;
        lock (terminal.Sync)
        {
            deals = [.. terminal.Account.Deals(new HistoryQuery(long.MinValue, long.MaxValue, Magic: magic))];
        }

        Assert.Equal(2, deals.Count);
        var closeProfit = deals.Sum(d => d.Profit + d.Commission + d.Swap);
        Assert.NotEqual(0m, closeProfit);
        Assert.Equal(closeProfit, stopped.GetProperty("realized_profit").GetDecimal());

        // Stopped means stopped: the next bar sends nothing.
        var sends = ea.Requests.Count(r => (string?)r["op"] == "trade.send");
        await ea.PublishTickAsync("EURUSD", 1.08540, 1.08543, T0 + 120_000);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal(sends, ea.Requests.Count(r => (string?)r["op"] == "trade.send"));
    }

    [Fact]
    public async Task StartStrategy_SizedByTheStrategy_UsesTheTerminalsEquityAndLeverage_AndTheGatesRefusalIsItsSignal()
    {
        var (server, terminal, ea) = await StartAsync();
        await using var _ = server;
        await using var __ = ea;

        // Half the free margin: 10,000 USD at the terminal's 1:100 and ask 1.08533 is 5,000 / 10.8533 per 0.01 lot = 4.60 lots.
        // The gate's EU retail cap (30:1 on majors) refuses 4.60 × 108,533 = 499,252 USD on 10,000 of equity: the refusal is the
        // strategy's signal and nothing reaches the terminal.
        var document = """{ "name": "half_long", "long_entry": "close > 0", "size": { "mode": "margin", "value": 0.5 } }""";
        var started = await server.CallOkAsync("start_strategy", new() { ["document"] = document, ["account"] = Account, ["symbol"] = "EURUSD", ["timeframe"] = "M1" });
        var id = started.GetProperty("id").GetString()!;

        var signal = (await RunUntilSignalAsync(server, ea, id)).GetProperty("recent_signals")[0];

        Assert.Equal(("buy", 4.6m), (signal.GetProperty("action").GetString(), signal.GetProperty("volume").GetDecimal()));
        Assert.Equal("TRADE_RETCODE_REJECT", signal.GetProperty("retcode_name").GetString());
        Assert.Contains("leverage_limit", signal.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(terminal.Positions);
        Assert.DoesNotContain(ea.Requests, r => (string?)r["op"] == "trade.send");
    }

    [Fact]
    public async Task StartStrategy_OnABrokerAccountThatDoesNotTrade_IsRefusedAndNothingRuns()
    {
        var (server, _, ea) = await StartAsync(tradingEnabled: false);
        await using var __ = server;
        await using var ___ = ea;

        var error = await server.CallErrorAsync("start_strategy", new() { ["document"] = AlwaysLong, ["account"] = Account, ["symbol"] = "EURUSD" });

        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("error_code").GetString());
        Assert.Contains("live mode", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await server.CallOkAsync("get_strategy_status")).GetProperty("count").GetInt32());
    }
}
