using System.Text.Json;

namespace MtMcp.Server.Tests;

/// <summary>The risk toolset: calculators against hand calculations and mt5.md's formulas, limits, the report, and the audited admin tools.</summary>
/// <remarks>The calculators share one server that never trades (its equity stays 10,000); the tests that change state start their own.</remarks>
public sealed class RiskToolsTests(ToolErrorTests.SharedServer shared) : IClassFixture<ToolErrorTests.SharedServer>
{
    [Fact]
    public async Task CalculatePositionSize_OnePercentWith200TickStop_IsHalfALotByHand()
    {
        var server = shared.Server;
        var ask = await Ask(server, "EURUSD");
        var stop = Math.Round(ask - 0.00200, 5);
        var json = await server.CallOkAsync("calculate_position_size", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["risk_percent"] = 1, ["stop_loss"] = stop });

        // 1 % of 10,000 USD = 100 USD; 200 ticks × (0.00001 × 100,000 = 1 USD per tick per lot) = 200 USD per lot; no commission.
        Assert.Equal(ask, json.GetProperty("entry_price").GetDouble());
        Assert.Equal(100, json.GetProperty("risk_money").GetDouble(), 9);
        Assert.Equal(200, json.GetProperty("stop_ticks").GetDouble());
        Assert.Equal(1, json.GetProperty("tick_value_loss").GetDouble(), 9);
        Assert.Equal(200, json.GetProperty("loss_per_lot").GetDouble(), 9);
        Assert.Equal(0.5m, json.GetProperty("volume").GetDecimal());
        Assert.Equal(100, json.GetProperty("loss_at_stop").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("problem").ValueKind);

        // A stop 7 ticks away: 100 / 7 = 14.28… lots, rounded down to the 0.01 step.
        var near = await server.CallOkAsync("calculate_position_size", new()
        {
            ["symbol"] = "EURUSD", ["side"] = "sell", ["risk_percent"] = 1, ["entry_price"] = 1.1, ["stop_loss"] = 1.10007,
        });
        Assert.Equal(14.28m, near.GetProperty("volume").GetDecimal());
    }

    [Fact]
    public async Task PlaceOrder_RiskPercentWithStop_FillsTheSizedVolume()
    {
        await using var server = await ServerHarness.StartAsync();
        var ask = await Ask(server, "EURUSD");
        var stop = Math.Round(ask - 0.00400, 5);
        var check = await server.CallOkAsync("check_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["risk_percent"] = 2, ["stop_loss"] = stop });
        // 2 % of 10,000 = 200 USD over 400 ticks at 1 USD: 0.5 lots.
        Assert.Equal(0.5m, check.GetProperty("volume").GetDecimal());

        var placed = (await server.CallOkAsync("place_order", new()
        {
            ["symbol"] = "EURUSD", ["side"] = "buy", ["risk_percent"] = 2, ["stop_loss"] = stop, ["client_order_id"] = "sized-1",
        })).GetProperty("result");
        Assert.Equal("filled", placed.GetProperty("outcome").GetString());
        Assert.Equal(0.5m, placed.GetProperty("volume").GetDecimal());
        var position = Assert.Single((await server.CallOkAsync("get_positions")).GetProperty("positions").EnumerateArray());
        Assert.Equal(stop, position.GetProperty("stop_loss").GetDouble());
    }

    [Fact]
    public async Task CalculateMarginAndProfit_MatchMt5Formulas()
    {
        var server = shared.Server;
        var quotes = (await server.CallOkAsync("get_quote", new() { ["symbols"] = new[] { "EURUSD", "USDJPY" } })).GetProperty("quotes");
        double eurAsk = quotes[0].GetProperty("ask").GetDouble(), jpyBid = quotes[1].GetProperty("bid").GetDouble(), jpyAsk = quotes[1].GetProperty("ask").GetDouble();

        // Forex: lots × contract size / leverage in the base currency = 0.1 × 100,000 / 100 = 100 EUR; in USD at the ask.
        var margin = await server.CallOkAsync("calculate_margin", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1 });
        Assert.Equal("EUR", margin.GetProperty("margin_currency").GetString());
        Assert.Equal(100, margin.GetProperty("margin").GetDouble(), 9);
        Assert.Equal(Math.Round(100 * eurAsk, 2), margin.GetProperty("margin_account_currency").GetDouble(), 2);
        var check = await server.CallOkAsync("check_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1 });
        Assert.Equal(check.GetProperty("required_margin").GetDouble(), margin.GetProperty("margin_account_currency").GetDouble(), 2);

        // Profit: (close − open) × contract size × lots = 0.005 × 100,000 × 0.1 = 50 USD.
        var profit = await server.CallOkAsync("calculate_profit", new()
        {
            ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["open_price"] = 1.1, ["close_price"] = 1.105,
        });
        Assert.Equal(50, profit.GetProperty("profit").GetDouble(), 9);
        Assert.Equal(50, profit.GetProperty("profit_account_currency").GetDouble(), 9);
        Assert.Equal(500, profit.GetProperty("ticks").GetDouble());

        // A short USDJPY from 150 to 149: 1 × 100,000 × 1 = 100,000 JPY, converted into USD at the USDJPY quote.
        var yen = await server.CallOkAsync("calculate_profit", new()
        {
            ["symbol"] = "USDJPY", ["side"] = "sell", ["volume"] = 1, ["open_price"] = 150.0, ["close_price"] = 149.0,
        });
        Assert.Equal("JPY", yen.GetProperty("profit_currency").GetString());
        Assert.Equal(100_000, yen.GetProperty("profit").GetDouble(), 6);
        var usd = yen.GetProperty("profit_account_currency").GetDouble();
        Assert.InRange(usd, Math.Round(100_000 / jpyAsk, 2) - 0.01, Math.Round(100_000 / jpyBid, 2) + 0.01);
    }

    [Fact]
    public async Task GetRiskLimits_NoConfiguration_AreTheDocumentedDefaults()
    {
        var server = shared.Server;
        var json = await server.CallOkAsync("get_risk_limits");
        var limits = json.GetProperty("limits");
        Assert.Equal("demo", json.GetProperty("account").GetString());
        Assert.Equal(5, limits.GetProperty("max_daily_loss_percent").GetDouble());
        Assert.Equal(20, limits.GetProperty("max_drawdown_percent").GetDouble());
        Assert.Equal(50m, limits.GetProperty("max_order_volume").GetDecimal());
        Assert.Equal(30, limits.GetProperty("leverage_limits").GetProperty("forex_major").GetInt32());
        Assert.Equal("eu_retail", limits.GetProperty("profile").GetString());
        Assert.False(json.GetProperty("status").GetProperty("kill_switch").GetBoolean());
    }

    [Fact]
    public async Task GetRiskReport_OneLongPosition_ParametricVarIsZSigmaNotionalOfTheBarReturns()
    {
        await using var server = await ServerHarness.StartAsync();
        await server.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "var-1" });
        var report = await server.CallOkAsync("get_risk_report", new() { ["periods"] = 100 });

        var symbol = Assert.Single(report.GetProperty("symbols").EnumerateArray());
        Assert.Equal("EURUSD", symbol.GetProperty("symbol").GetString());
        Assert.Equal(0.1, symbol.GetProperty("net_lots").GetDouble(), 9);
        var notional = symbol.GetProperty("notional").GetDouble();
        var currencies = report.GetProperty("currencies").EnumerateArray().ToDictionary(c => c.GetProperty("currency").GetString()!, c => c.GetProperty("amount").GetDouble());
        Assert.True(currencies["EUR"] > 0 && currencies["USD"] < 0, "a EURUSD long is long EUR and short USD");

        // Independent: log returns of the same 101 H1 closes get_bars serves, sample standard deviation, z(0.99) × σ × notional.
        var returns = await LogReturns(server, "EURUSD", 101);
        var mean = returns.Average();
        var sigma = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1));
        var var = report.GetProperty("var");
        Assert.Equal(100, var.GetProperty("observations").GetInt32());
        Assert.Equal(2.3263478740408408 * sigma * Math.Abs(notional), var.GetProperty("parametric_var").GetDouble(), 1e-6 * Math.Abs(notional));
        Assert.True(var.GetProperty("historical_var").GetDouble() > 0);
    }

    [Fact]
    public async Task SetRiskLimits_ThenATooLargeOrder_IsRefusedAuditedAndTheChainVerifies()
    {
        await using var server = await ServerHarness.StartAsync();
        var set = await server.CallOkAsync("set_risk_limits", new() { ["configuration"] = """{"position_limits":{"max_order_volume":1}}""" });
        Assert.Equal(1m, set.GetProperty("limits").GetProperty("max_order_volume").GetDecimal());
        Assert.Equal(2, set.GetProperty("configuration_version").GetInt64());

        // A document with an error changes nothing.
        var bad = await server.CallErrorAsync("set_risk_limits", new() { ["configuration"] = """{"position_limits":{"max_order_volume":-2}}""" });
        Assert.Equal("INVALID_ARGUMENT", bad.GetProperty("error_code").GetString());
        Assert.Contains("max_order_volume", bad.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1m, (await server.CallOkAsync("get_risk_limits")).GetProperty("limits").GetProperty("max_order_volume").GetDecimal());

        var refused = await server.CallErrorAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 2, ["client_order_id"] = "too-big" });
        Assert.Equal("RISK_LIMIT", refused.GetProperty("error_code").GetString());
        Assert.Empty((await server.CallOkAsync("get_positions")).GetProperty("positions").EnumerateArray());

        var decisions = (await server.CallOkAsync("get_audit_log", new() { ["client_order_id"] = "too-big", ["kind"] = "risk_decision" })).GetProperty("entries");
        var decision = Assert.Single(decisions.EnumerateArray()).GetProperty("payload");
        Assert.False(decision.GetProperty("allowed").GetBoolean());
        Assert.Equal("max_order_volume", decision.GetProperty("check").GetString());

        var changes = (await server.CallOkAsync("get_audit_log", new() { ["kind"] = "config_change" })).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, changes.Count);
        Assert.True(changes[0].GetProperty("payload").GetProperty("applied").GetBoolean());
        Assert.False(changes[1].GetProperty("payload").GetProperty("applied").GetBoolean());
        Assert.Equal("local", changes[0].GetProperty("actor").GetString());

        var verified = await server.CallOkAsync("verify_audit_log");
        Assert.True(verified.GetProperty("intact").GetBoolean());
        Assert.True(verified.GetProperty("records").GetInt64() >= 5);
        Assert.Equal(JsonValueKind.Null, verified.GetProperty("first_issue").ValueKind);
    }

    [Fact]
    public async Task KillSwitch_EngageThenRelease_BlocksOrdersCancelsPendingAndIsAudited()
    {
        await using var server = await ServerHarness.StartAsync();
        var limit = Math.Round(await Ask(server, "EURUSD") - 0.005, 5);
        await server.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["type"] = "limit", ["volume"] = 0.1, ["price"] = limit, ["client_order_id"] = "pend-1" });

        var engaged = await server.CallOkAsync("kill_switch", new() { ["action"] = "engage", ["reason"] = "test" });
        Assert.True(engaged.GetProperty("changed").GetBoolean());
        Assert.Single(Assert.Single(engaged.GetProperty("accounts").EnumerateArray()).GetProperty("cancelled").EnumerateArray());
        Assert.Empty((await server.CallOkAsync("get_orders")).GetProperty("orders").EnumerateArray());
        Assert.True((await server.CallOkAsync("get_risk_limits")).GetProperty("status").GetProperty("kill_switch").GetBoolean());

        var blocked = await server.CallErrorAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "blocked" });
        Assert.Equal("RISK_LIMIT", blocked.GetProperty("error_code").GetString());
        Assert.Contains("kill_switch", blocked.GetProperty("message").GetString(), StringComparison.Ordinal);

        var released = await server.CallOkAsync("kill_switch", new() { ["action"] = "release" });
        Assert.True(released.GetProperty("changed").GetBoolean());
        await server.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "after" });

        var actions = (await server.CallOkAsync("get_audit_log", new() { ["kind"] = "kill_switch" })).GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("payload").GetProperty("action").GetString()).ToList();
        Assert.Equal(["engage", "release"], actions);
    }

    [Fact]
    public async Task CorrelationMatrix_TwoPairs_IsPearsonOfTheBarLogReturns()
    {
        var server = shared.Server;
        var json = await server.CallOkAsync("correlation_matrix", new() { ["symbols"] = new[] { "EURUSD", "GBPUSD" }, ["periods"] = 50 });
        Assert.Equal(50, json.GetProperty("periods").GetInt32());
        var matrix = json.GetProperty("correlation");
        Assert.Equal(1, matrix[0][0].GetDouble(), 12);
        Assert.Equal(matrix[0][1].GetDouble(), matrix[1][0].GetDouble());

        var a = await LogReturns(server, "EURUSD", 51);
        var b = await LogReturns(server, "GBPUSD", 51);
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        Assert.Equal(sab / Math.Sqrt(saa * sbb), matrix[0][1].GetDouble(), 9);
        var error = await server.CallErrorAsync("correlation_matrix", new() { ["symbols"] = new[] { "EURUSD" } });
        Assert.Equal("symbols", error.GetProperty("argument").GetString());
    }

    private static async Task<double[]> LogReturns(ServerHarness server, string symbol, int bars)
    {
        var closes = (await server.CallOkAsync("get_bars", new() { ["symbol"] = symbol, ["timeframe"] = "H1", ["count"] = bars })).GetProperty("bars").EnumerateArray()
            .Select(b => b.GetProperty("close").GetDouble()).ToArray();
        var returns = new double[closes.Length - 1];
        for (var i = 1; i < closes.Length; i++)
        {
            returns[i - 1] = Math.Log(closes[i] / closes[i - 1]);
        }

        return returns;
    }

    private static async Task<double> Ask(ServerHarness server, string symbol) =>
        (await server.CallOkAsync("get_quote", new() { ["symbols"] = new[] { symbol } })).GetProperty("quotes")[0].GetProperty("ask").GetDouble();
}
