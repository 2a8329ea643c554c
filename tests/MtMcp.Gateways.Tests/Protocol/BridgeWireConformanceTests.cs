using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using MtMcp.Testing.Bridge;

namespace MtMcp.Gateways.Tests.Protocol;

/// <summary>
/// The live traffic between the real server and the simulated EA (two independent implementations of the protocol),
/// recorded on the wire, validates line by line against bridge/schemas.
/// </summary>
public sealed class BridgeWireConformanceTests
{
    private const ulong Login = 2001;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Traffic_ServerAndSimulatedEa_EveryLineMatchesItsSchema()
    {
        var options = new BridgeOptions
        {
            Token = "secret",
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            TradingEnabled = true,
            DefaultDeadline = TimeSpan.FromSeconds(5),
        };
        await using var listener = new BridgeListener(options, TimeProvider.System, NullLogger<BridgeListener>.Instance);
        listener.Start();
        await using var tap = new WireTap(listener.LocalEndPoint);
        var terminal = new SimulatedTerminal(Login);
        terminal.Quote("EURUSD", 1.08510, 1.08512, BridgeHarness.T0);
        await using var ea = new SimulatedEa(terminal, tap.EndPoint);
        await ea.StartAsync().WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var session = await listener.Sessions.WaitForAsync(BridgeHarness.Key(Login), cancellationToken: Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        // One call of each typed operation, a streamed tick, and a market order with its trade transactions.
        await session.GetAccountAsync(Ct);
        await session.SubscribeTicksAsync(["EURUSD"], Ct);
        await ea.PublishTickAsync("EURUSD", 1.08511, 1.08513, BridgeHarness.T0 + 1000);
        await session.GetLastTickAsync("EURUSD", Ct);
        await session.GetSymbolSpecAsync("GER40", "USD", Ct);
        var buy = new TradeRequest
        {
            Action = TradeAction.Deal,
            Symbol = "EURUSD",
            Type = OrderType.Buy,
            Volume = 0.10m,
            Price = 1.08513,
            Deviation = 10,
            Magic = 7001,
            ClientOrderId = "conformance-1",
        };
        await session.CheckOrderAsync(buy, Ct);
        var result = await session.SendTradeAsync(buy, Ct);
        Assert.True(result.Sent);
        await session.ListPositionsAsync(cancellationToken: Ct);
        await session.ListOrdersAsync(cancellationToken: Ct);
        await session.ListDealsAsync(BridgeHarness.T0 - 3_600_000, BridgeHarness.T0 + 3_600_000, cancellationToken: Ct);
        await session.ListHistoryOrdersAsync(BridgeHarness.T0 - 3_600_000, BridgeHarness.T0 + 3_600_000, cancellationToken: Ct);

        // Every request has been answered by now; wait for the last answer and the events to pass the tap.
        await Poll.UntilAsync(() => tap.Lines.Count(l => l.FromEa && l.Line.Contains("\"type\":\"res\"", StringComparison.Ordinal)) >= 10, "ten answers passed the tap");
        await Poll.UntilAsync(() => tap.Lines.Any(l => l.FromEa && l.Line.Contains("\"op\":\"trade_tx\"", StringComparison.Ordinal)), "a trade transaction passed the tap");

        var schemas = new JsonSchemaSubset(Transcript.SchemaFolder);
        var requests = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (fromEa, line) in tap.Lines)
        {
            var message = JsonNode.Parse(line)!.AsObject();
            var schema = Transcript.SchemaFor(message, requests);
            seen.Add(schema);
            failures.AddRange(schemas.Validate(schema, message).Select(e => $"{(fromEa ? "EA" : "server")} {schema}: {e}\n    {line}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains("hello.schema.json", seen);
        Assert.Contains("welcome.schema.json", seen);
        Assert.Contains("res.trade.send.schema.json", seen);
        Assert.Contains("res.symbol.spec.schema.json", seen);
        Assert.Contains("evt.tick.schema.json", seen);
        Assert.Contains("evt.trade_tx.schema.json", seen);
    }
}
