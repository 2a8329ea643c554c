using System.Text.Json;
using MtMcp.Risk;
using MtMcp.Testing.Bridge;

namespace MtMcp.Server.Tests;

/// <summary>
/// The pre-trade gate and the audit chain on bridged accounts, over real loopback sockets with the simulated EA: the
/// terminal's account (balance 10,000 USD, leverage 1:100, EURUSD 1.08510/1.08512) is what the gate measures.
/// </summary>
public sealed class BridgeRiskTests
{
    private const long T0 = 1_718_013_601_000;
    private const string Account = BridgedServer.Account;

    private static Task<(ServerHarness Server, SimulatedTerminal Terminal, SimulatedEa Ea)> StartAsync(RiskLimits? limits = null) =>
        BridgedServer.StartAsync(
            s => s with { Mode = ServerMode.Live, LiveTradingEnabled = true, Risk = RiskConfiguration.Create(limits ?? new RiskLimits()) }, "risk-token", T0);

    private static Dictionary<string, object?> Buy(double volume, string id) => new()
    {
        ["account"] = Account, ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = volume, ["client_order_id"] = id,
    };

    private static int TradeSends(SimulatedEa ea) => ea.Requests.Count(r => (string?)r["op"] == "trade.send");

    private static async Task<List<JsonElement>> AuditAsync(ServerHarness server, string clientOrderId) =>
        [.. (await server.CallOkAsync("get_audit_log", new() { ["client_order_id"] = clientOrderId })).GetProperty("entries").EnumerateArray()];

    [Fact]
    public async Task PlaceOrder_OverTheVolumeLimit_RefusedWithTheCheckAndNeverReachesTheTerminal()
    {
        var (server, terminal, ea) = await StartAsync(new RiskLimits { MaxOrderVolume = 1m });
        await using var _ = server;
        await using var __ = ea;

        var error = await server.CallErrorAsync("place_order", Buy(2, "too-big"));

        Assert.Equal("RISK_LIMIT", error.GetProperty("error_code").GetString());
        Assert.Contains("max_order_volume", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, TradeSends(ea));
        Assert.Equal(0, terminal.OrderSendCalls);
        Assert.Empty(terminal.Positions);
        var audit = await AuditAsync(server, "too-big");
        Assert.Equal(["order_intent", "risk_decision", "trade_result"], audit.Select(e => e.GetProperty("kind").GetString()));
        Assert.All(audit, e => Assert.Equal(Account, e.GetProperty("account").GetString()));
        Assert.False(audit[1].GetProperty("payload").GetProperty("allowed").GetBoolean());
        Assert.Equal("max_order_volume", audit[1].GetProperty("payload").GetProperty("check").GetString());
        Assert.Equal("max_order_volume", audit[2].GetProperty("payload").GetProperty("risk_check").GetString());
    }

    [Fact]
    public async Task PlaceOrder_Allowed_IntentDecisionRequestAndResultAuditedAndTheChainVerifies()
    {
        var (server, terminal, ea) = await StartAsync();
        await using var _ = server;
        await using var __ = ea;

        await server.CallOkAsync("place_order", Buy(0.1, "ok-1"));

        var position = Assert.Single(terminal.Positions);
        var audit = await AuditAsync(server, "ok-1");
        Assert.Equal(["order_intent", "risk_decision", "gateway_request", "trade_result"], audit.Select(e => e.GetProperty("kind").GetString()));
        Assert.All(audit, e => Assert.Equal("local", e.GetProperty("actor").GetString()));
        Assert.All(audit, e => Assert.Equal("mcp:place_order", e.GetProperty("channel").GetString()));
        Assert.True(audit[1].GetProperty("payload").GetProperty("allowed").GetBoolean());
        Assert.Equal(0.1m, audit[2].GetProperty("payload").GetProperty("request").GetProperty("volume").GetDecimal());
        var result = audit[3].GetProperty("payload");
        Assert.Equal(10009, result.GetProperty("retcode").GetInt32());
        // MT5: a position carries the ticket of the order that opened it.
        Assert.Equal(position.Ticket, result.GetProperty("order").GetUInt64());

        var verified = await server.CallOkAsync("verify_audit_log");
        Assert.True(verified.GetProperty("intact").GetBoolean());
        Assert.True(verified.GetProperty("records").GetInt64() >= 4);
    }

    [Fact]
    public async Task PlaceOrder_LeverageMeasuredOnTheTerminalsEquity_RefusesBeyondTheEuRetailCap()
    {
        var (server, terminal, ea) = await StartAsync();
        await using var _ = server;
        await using var __ = ea;

        // EU retail caps a major pair at 30:1. Margin needed = lots × 100,000 × ask 1.08512 / 30:
        // 3 lots need 10,851.20 USD (above the equity of 10,000), 2 lots 7,234.13 (within it).
        var error = await server.CallErrorAsync("place_order", Buy(3, "lev-3"));
        await server.CallOkAsync("place_order", Buy(2, "lev-2"));

        Assert.Equal("RISK_LIMIT", error.GetProperty("error_code").GetString());
        Assert.Contains("leverage_limit", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("10,000.00", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2m, Assert.Single(terminal.Positions).Volume);
    }

    [Fact]
    public async Task PlaceOrder_MaxOpenPositions_CountsTheTerminalsPositions()
    {
        var (server, terminal, ea) = await StartAsync(new RiskLimits { MaxOpenPositions = 1 });
        await using var _ = server;
        await using var __ = ea;

        await server.CallOkAsync("place_order", Buy(0.1, "pos-1"));
        var error = await server.CallErrorAsync("place_order", Buy(0.1, "pos-2"));

        Assert.Equal("RISK_LIMIT", error.GetProperty("error_code").GetString());
        Assert.Contains("max_open_positions", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(terminal.Positions);
        Assert.Equal(1, TradeSends(ea));
    }

    [Fact]
    public async Task PlaceOrder_SameClientOrderIdAgain_AnswersTheFirstResultWithoutANewCheckOrSend()
    {
        var (server, terminal, ea) = await StartAsync(new RiskLimits { MaxOpenPositions = 1 });
        await using var _ = server;
        await using var __ = ea;

        var first = (await server.CallOkAsync("place_order", Buy(0.1, "dup-1"))).GetProperty("result");
        // The account now holds its one allowed position: a fresh check would refuse, the repeat must not.
        var again = (await server.CallOkAsync("place_order", Buy(0.1, "dup-1"))).GetProperty("result");

        Assert.Equal(first.GetProperty("position").GetUInt64(), again.GetProperty("position").GetUInt64());
        Assert.Single(terminal.Positions);
        Assert.Equal(1, TradeSends(ea));
    }

    [Fact]
    public async Task PlaceOrder_AnswerLostAfterExecuting_ReconciledResultIsAudited()
    {
        var (server, terminal, ea) = await StartAsync();
        await using var _ = server;
        await using var __ = ea;
        ea.NextTradeFault = EaTradeFault.DropAfterExecuting;

        var placed = (await server.CallOkAsync("place_order", Buy(0.1, "lost-1"))).GetProperty("result");

        var position = Assert.Single(terminal.Positions);
        Assert.Equal(position.Ticket, placed.GetProperty("position").GetUInt64());
        var audit = await AuditAsync(server, "lost-1");
        Assert.Equal(["order_intent", "risk_decision", "gateway_request", "trade_result"], audit.Select(e => e.GetProperty("kind").GetString()));
        Assert.StartsWith("Reconciled", audit[3].GetProperty("payload").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(position.Ticket, audit[3].GetProperty("payload").GetProperty("position").GetUInt64());
        Assert.Equal(1, terminal.OrderSendCalls);
    }

    [Fact]
    public async Task KillSwitch_OnTheBridgedAccount_CancelsClosesThroughTheTerminalAndBlocksNewOrders()
    {
        var (server, terminal, ea) = await StartAsync();
        await using var _ = server;
        await using var __ = ea;
        await server.CallOkAsync("place_order", Buy(0.1, "ks-pos"));
        await server.CallOkAsync("place_order", new()
        {
            ["account"] = Account, ["symbol"] = "EURUSD", ["side"] = "buy", ["type"] = "limit", ["volume"] = 0.1, ["price"] = 1.08012, ["client_order_id"] = "ks-pend",
        });
        Assert.Single((await server.CallOkAsync("get_orders", new() { ["account"] = Account })).GetProperty("orders").EnumerateArray());

        var engaged = await server.CallOkAsync("kill_switch", new() { ["action"] = "engage", ["account"] = Account, ["close_positions"] = true, ["reason"] = "test" });
        var sendsAfterEngage = TradeSends(ea);
        var error = await server.CallErrorAsync("place_order", Buy(0.1, "ks-after"));

        var actions = Assert.Single(engaged.GetProperty("accounts").EnumerateArray());
        Assert.Equal(Account, actions.GetProperty("account").GetString());
        Assert.Single(actions.GetProperty("cancelled").EnumerateArray());
        Assert.Single(actions.GetProperty("closed").EnumerateArray());
        Assert.Empty(terminal.Positions);
        Assert.Empty((await server.CallOkAsync("get_orders", new() { ["account"] = Account })).GetProperty("orders").EnumerateArray());
        Assert.Equal("RISK_LIMIT", error.GetProperty("error_code").GetString());
        Assert.Contains("kill_switch", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(sendsAfterEngage, TradeSends(ea));
        var kills = (await server.CallOkAsync("get_audit_log", new() { ["account"] = Account, ["kind"] = "kill_switch" })).GetProperty("entries");
        Assert.Equal("engage", Assert.Single(kills.EnumerateArray()).GetProperty("payload").GetProperty("action").GetString());
        Assert.True((await server.CallOkAsync("verify_audit_log")).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task GetRiskReport_OnTheBridgedAccount_MeasuresTheTerminalsPositionsAndEquity()
    {
        var (server, terminal, ea) = await StartAsync();
        await using var _ = server;
        await using var __ = ea;
        await server.CallOkAsync("place_order", Buy(0.1, "report-1"));

        var report = await server.CallOkAsync("get_risk_report", new() { ["account"] = Account, ["periods"] = 100 });
        var account = await server.CallOkAsync("get_account", new() { ["account"] = Account });

        Assert.Equal(Account, report.GetProperty("account").GetString());
        Assert.Equal(account.GetProperty("equity").GetDouble(), report.GetProperty("equity").GetDouble(), 6);
        var symbol = Assert.Single(report.GetProperty("symbols").EnumerateArray());
        Assert.Equal("EURUSD", symbol.GetProperty("symbol").GetString());
        Assert.Equal(0.1, symbol.GetProperty("net_lots").GetDouble(), 9);
        // The report's notional is at the mid of the terminal's quote: 0.1 lot × 100,000 × (1.08510 + 1.08512) / 2.
        var notional = symbol.GetProperty("notional").GetDouble();
        Assert.Equal(10_851.1, notional, 6);

        // Independent: z(0.99) × σ of the log returns of the 101 H1 closes get_bars serves × notional.
        var closes = (await server.CallOkAsync("get_bars", new() { ["symbol"] = "EURUSD", ["timeframe"] = "H1", ["count"] = 101 })).GetProperty("bars")
            .EnumerateArray().Select(b => b.GetProperty("close").GetDouble()).ToArray();
        var returns = closes.Skip(1).Select((c, i) => Math.Log(c / closes[i])).ToArray();
        var mean = returns.Average();
        var sigma = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1));
        Assert.Equal(2.3263478740408408 * sigma * notional, report.GetProperty("var").GetProperty("parametric_var").GetDouble(), 1e-6 * notional);
        Assert.Single(terminal.Positions);
    }
}
