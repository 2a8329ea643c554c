using System.Reflection;
using System.Text.Json.Nodes;

namespace MtMcp.Gateways.Tests.Protocol;

/// <summary>The JSON Schemas of bridge/schemas: complete for the protocol, self-consistent, and strict enough to catch mistakes.</summary>
public sealed class BridgeSchemaTests
{
    private readonly JsonSchemaSubset _schemas = new(Transcript.SchemaFolder);

    /// <summary>The request ops and event names the server knows (BridgeOps constants).</summary>
    internal static (List<string> Requests, List<string> Events) ServerOps()
    {
        var requests = new List<string>();
        var events = new List<string>();
        foreach (var field in typeof(BridgeOps).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.IsLiteral && field.GetRawConstantValue() is string op)
            {
                (field.Name.EndsWith("Event", StringComparison.Ordinal) ? events : requests).Add(op);
            }
        }

        return (requests, events);
    }

    [Fact]
    public void Schemas_EveryServerOp_HasRequestResponseOrEventSchema()
    {
        var (requests, events) = ServerOps();
        Assert.Contains(BridgeOps.TradeSend, requests);
        Assert.Contains(BridgeOps.TickEvent, events);
        var files = _schemas.LoadAll();
        var missing = requests.SelectMany(op => new[] { $"req.{op}.schema.json", $"res.{op}.schema.json" })
            .Concat(events.Select(op => $"evt.{op}.schema.json"))
            .Concat(["hello.schema.json", "welcome.schema.json", "challenge.schema.json", "ping.schema.json", "pong.schema.json", "error.schema.json", "bye.schema.json", "res.error.schema.json"])
            .Where(file => !files.ContainsKey(file))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Schemas_EveryRef_ResolvesToADefinition()
    {
        var files = _schemas.LoadAll();
        var broken = new List<string>();
        foreach (var (file, schema) in files)
        {
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
            foreach (var reference in Refs(schema))
            {
                var (target, pointer) = reference.Split('#') is [var f, var p] ? (f.Length == 0 ? file : f, p) : (reference, "");
                JsonNode? node = files.GetValueOrDefault(target);
                foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
                {
                    node = node?[part];
                }

                if (node is not JsonObject)
                {
                    broken.Add($"{file}: {reference}");
                }
            }
        }

        Assert.Empty(broken);
    }

    [Theory]
    [InlineData("hello.schema.json", """{"v":1,"type":"hello","id":"e-1","data":{"token":"t","proto":1,"platform":"MT5","account":{"login":1,"server":"S","trade_mode":"ACCOUNT_TRADE_MODE_DEMO","margin_mode":"ACCOUNT_MARGIN_MODE_RETAIL_NETTING"}}}""")]
    [InlineData("hello.schema.json", """{"v":1,"type":"hello","id":"e-1","data":{"hmac":"ab12","proto":1,"platform":"MT4","account":{"login":1,"server":"S","trade_mode":"ACCOUNT_TRADE_MODE_REAL","margin_mode":"ACCOUNT_MARGIN_MODE_RETAIL_HEDGING"}}}""")]
    [InlineData("res.error.schema.json", """{"v":1,"type":"res","re":"s-4","ok":false,"error":{"code":"BUSY","message":"queue full"}}""")]
    [InlineData("error.schema.json", """{"v":1,"type":"error","re":null,"error":{"code":"LINE_TOO_LONG","message":"x"}}""")]
    public void Validate_WellFormedMessage_NoErrors(string schema, string line)
    {
        Assert.Empty(_schemas.Validate(schema, JsonNode.Parse(line)));
    }

    [Theory]
    [InlineData("hello.schema.json", """{"v":1,"type":"hello","id":"e-1","data":{"proto":1,"platform":"MT5","account":{"login":1,"server":"S","trade_mode":"ACCOUNT_TRADE_MODE_DEMO","margin_mode":"ACCOUNT_MARGIN_MODE_RETAIL_NETTING"}}}""", "anyOf")]
    [InlineData("hello.schema.json", """{"v":1,"type":"hello","id":"e-1","data":{"token":"t","proto":1,"platform":"MT6","account":{"login":1,"server":"S","trade_mode":"ACCOUNT_TRADE_MODE_DEMO","margin_mode":"ACCOUNT_MARGIN_MODE_RETAIL_NETTING"}}}""", "MT6")]
    [InlineData("hello.schema.json", """{"v":2,"type":"hello","id":"e-1","data":{"token":"t","proto":1,"platform":"MT5","account":{"login":1,"server":"S","trade_mode":"ACCOUNT_TRADE_MODE_DEMO","margin_mode":"ACCOUNT_MARGIN_MODE_RETAIL_NETTING"}}}""", "$.v")]
    [InlineData("req.trade.send.schema.json", """{"v":1,"type":"req","id":"s-1","op":"trade.send","data":{"client_order_id":"c","request":{"action":1,"symbol":"EURUSD"}}}""", "action")]
    [InlineData("req.trade.send.schema.json", """{"v":1,"type":"req","id":"s-1","op":"trade.send","data":{"request":{"action":"TRADE_ACTION_DEAL"}}}""", "client_order_id")]
    [InlineData("req.trade.send.schema.json", """{"v":1,"type":"req","id":"s-1","op":"trade.send","data":{"client_order_id":"c","request":{"action":"TRADE_ACTION_DEAL","volume":-1}}}""", "volume")]
    [InlineData("res.trade.send.schema.json", """{"v":1,"type":"res","re":"s-1","ok":true,"data":{"retcode":10009,"sent":true,"duplicate":false,"dupe":1}}""", "dupe")]
    [InlineData("res.trade.send.schema.json", """{"v":1,"type":"res","re":"s-1","ok":true,"data":{"retcode":10009.5,"sent":true,"duplicate":false}}""", "retcode")]
    [InlineData("evt.tick.schema.json", """{"v":1,"type":"evt","op":"tick","data":{"symbol":"EURUSD","time_msc":1,"bid":1.1,"ask":1.2}}""", "seq")]
    [InlineData("evt.tick.schema.json", """{"v":1,"type":"evt","op":"tick","seq":1,"data":{"symbol":"EURUSD","time_msc":1,"bid":"1.1","ask":1.2}}""", "bid")]
    [InlineData("welcome.schema.json", """{"v":1,"type":"welcome","re":"e-1","data":{"conn_id":"c-1","heartbeat_ms":5000,"idle_timeout_ms":15000,"max_inflight":4,"max_line":1,"trading_enabled":true}}""", "subscriptions")]
    [InlineData("res.error.schema.json", """{"v":1,"type":"res","re":"s-4","ok":false,"error":{"code":"NOPE","message":"x"}}""", "NOPE")]
    public void Validate_BrokenMessage_ReportsTheFault(string schema, string line, string mentioned)
    {
        var errors = _schemas.Validate(schema, JsonNode.Parse(line));
        Assert.Contains(errors, e => e.Contains(mentioned, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Transcript.Names), MemberType = typeof(Transcript))]
    public void Transcript_EveryLine_ValidatesAgainstItsSchema(string name)
    {
        var requests = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = new List<string>();
        var messages = 0;
        foreach (var line in Transcript.Read(name))
        {
            if (line.Side == TranscriptSide.Directive)
            {
                if (line.Text == "reconnect")
                {
                    // Ids restart on a new connection.
                    requests.Clear();
                }

                continue;
            }

            messages++;
            var schema = Transcript.SchemaFor(line.Message!, requests);
            failures.AddRange(_schemas.Validate(schema, line.Message).Select(e => $"line {line.Number} ({schema}): {e}"));
        }

        Assert.True(messages >= 3, $"{name} has only {messages} messages");
        Assert.Empty(failures);
    }

    private static IEnumerable<string> Refs(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "$ref" ? [(string)p.Value!] : Refs(p.Value)),
        JsonArray array => array.SelectMany(Refs),
        _ => [],
    };
}
