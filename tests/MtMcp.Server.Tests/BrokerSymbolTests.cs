using MtMcp.Risk;
using MtMcp.Testing.Bridge;

namespace MtMcp.Server.Tests;

/// <summary>
/// A broker whose symbols carry a suffix (EURUSD.m), over real loopback sockets with the simulated EA: the tools, the
/// risk gate and the audit take the broker's own symbols and specifications, which the server's catalogue lacks.
/// </summary>
public sealed class BrokerSymbolTests
{
    private const long T0 = 1_718_013_601_000;
    private const string Account = BridgedServer.Account;

    private static Task<(ServerHarness Server, SimulatedTerminal Terminal, SimulatedEa Ea)> StartAsync() =>
        BridgedServer.StartAsync(
            s => s with { Mode = ServerMode.Live, LiveTradingEnabled = true, Risk = RiskConfiguration.Create(new RiskLimits()) }, "symbol-token", T0, symbolSuffix: ".m");

    private static Dictionary<string, object?> Buy(string symbol, double volume, string id) => new()
    {
        ["account"] = Account, ["symbol"] = symbol, ["side"] = "buy", ["volume"] = volume, ["client_order_id"] = id,
    };

    private static int TradeSends(SimulatedEa ea) => ea.Requests.Count(r => (string?)r["op"] == "trade.send");

    [Fact]
    public async Task Tools_SuffixedBrokerSymbol_QuotedTradedClosedAndAuditedUnderTheBrokersName()
    {
        var (server, terminal, ea) = await StartAsync();
        await using var _ = server;
        await using var __ = ea;

        var quote = (await server.CallOkAsync("get_quote", new() { ["symbols"] = new[] { "eurusd.m" }, ["account"] = Account })).GetProperty("quotes")[0];
        await server.CallOkAsync("place_order", Buy("EURUSD.m", 0.1, "suffix-1"));

        Assert.Equal(("EURUSD.m", 1.08510, 1.08512), (quote.GetProperty("symbol").GetString(), quote.GetProperty("bid").GetDouble(), quote.GetProperty("ask").GetDouble()));
        var position = Assert.Single(terminal.Positions);
        Assert.Equal(("EURUSD.m", 0.1m), (position.Symbol, position.Volume));
        // The specification is read from the terminal once, then kept.
        Assert.Single(ea.Requests, r => (string?)r["op"] == "symbol.spec" && string.Equals((string?)r["data"]!["symbol"], "EURUSD.m", StringComparison.OrdinalIgnoreCase));
        var audit = (await server.CallOkAsync("get_audit_log", new() { ["client_order_id"] = "suffix-1" })).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal("EURUSD.m", audit[2].GetProperty("payload").GetProperty("request").GetProperty("symbol").GetString());

        await server.CallOkAsync("close_position", new() { ["account"] = Account, ["ticket"] = (long)position.Ticket });
        Assert.Empty(terminal.Positions);
    }

    [Fact]
    public async Task PlaceOrder_NameTheBrokerDoesNotOffer_InvalidArgumentAndNothingSent()
    {
        var (server, terminal, ea) = await StartAsync();
        await using var _ = server;
        await using var __ = ea;

        var error = await server.CallErrorAsync("place_order", Buy("EURUSD", 0.1, "no-such"));

        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("error_code").GetString());
        Assert.Contains("EURUSD", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("SYMBOL_NOT_FOUND", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, TradeSends(ea));
        Assert.Empty(terminal.Positions);
    }

    [Fact]
    public async Task PlaceOrder_SuffixedMajorPair_EuLeverageCapMeasuredWithTheBrokersSpecification()
    {
        var (server, terminal, ea) = await StartAsync();
        await using var _ = server;
        await using var __ = ea;

        // EURUSD.m is a major pair (30:1) by its currencies: 3 lots need 10,851.20 USD of the 10,000 equity, 2 lots 7,234.13.
        var error = await server.CallErrorAsync("place_order", Buy("EURUSD.m", 3, "lev-3"));
        await server.CallOkAsync("place_order", Buy("EURUSD.m", 2, "lev-2"));

        Assert.Equal("RISK_LIMIT", error.GetProperty("error_code").GetString());
        Assert.Contains("leverage_limit", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2m, Assert.Single(terminal.Positions).Volume);
        Assert.Equal(1, TradeSends(ea));
    }
}
