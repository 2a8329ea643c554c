using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Client;

namespace MtMcp.Server.Tests;

/// <summary>REST, WebSocket and MCP over HTTP on the real server process with API keys: authentication, scopes, and trading end to end.</summary>
public sealed class SecuredHttpEndToEndTests(SecuredServer server) : IClassFixture<SecuredServer>
{
    [Fact]
    public async Task Mcp_NoCredentials_Is401WithTheResourceMetadataHeader()
    {
        using var http = server.Http(null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains("Bearer", challenge, StringComparison.Ordinal);
        Assert.Contains("resource_metadata=\"" + server.BaseUri + ".well-known/oauth-protected-resource/mcp\"", challenge, StringComparison.Ordinal);

        var metadata = await http.GetFromJsonAsync<JsonElement>("/.well-known/oauth-protected-resource/mcp", TestContext.Current.CancellationToken);
        Assert.Contains("mt.trade", metadata.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()));

        // A wrong key is no better than none, on every surface.
        using var wrong = server.Http("mtk_not_a_key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/v1/tools", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/ws/quotes?symbols=EURUSD", TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain(SecuredServer.TradeKey, server.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadKey_McpAndRest_CannotSeeOrRunTradingTools()
    {
        await using var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = server.Mcp,
            AdditionalHeaders = new Dictionary<string, string> { ["X-Api-Key"] = SecuredServer.ReadKey },
        });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);
        var names = (await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).Select(t => t.Name).ToList();
        Assert.Contains("get_quote", names);
        Assert.DoesNotContain("place_order", names);
        Assert.DoesNotContain("kill_switch", names);
        var refused = await client.CallToolAsync("place_order", new Dictionary<string, object?>
        {
            ["symbol"] = "BTCUSD", ["side"] = "buy", ["volume"] = 0.01, ["client_order_id"] = "read-mcp",
        }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(refused.IsError);
        Assert.Contains("UNAUTHORIZED", ServerHarness.Text(refused), StringComparison.Ordinal);

        using var http = server.Http(SecuredServer.ReadKey);
        using var response = await http.PostAsJsonAsync("/api/v1/tools/place_order",
            new { symbol = "BTCUSD", side = "buy", volume = 0.01, client_order_id = "read-rest" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("UNAUTHORIZED", (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error_code").GetString());
        var positions = await http.GetFromJsonAsync<JsonElement>("/api/v1/tools/get_positions", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(positions.GetProperty("positions").EnumerateArray(), p => p.GetProperty("comment").GetString() == "read-rest");
    }

    [Fact]
    public async Task TradeKey_AdminTools_AreHiddenAndRefusedAndChangeNothing()
    {
        await using var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = server.Mcp,
            AdditionalHeaders = new Dictionary<string, string> { ["X-Api-Key"] = SecuredServer.TradeKey },
        });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);
        var names = (await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).Select(t => t.Name).ToList();
        Assert.Contains("get_risk_limits", names);
        Assert.DoesNotContain("kill_switch", names);
        Assert.DoesNotContain("set_risk_limits", names);
        var refused = await client.CallToolAsync("kill_switch", new Dictionary<string, object?> { ["action"] = "engage" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(refused.IsError);
        Assert.Contains("UNAUTHORIZED", ServerHarness.Text(refused), StringComparison.Ordinal);

        using var http = server.Http(SecuredServer.ReadKey);
        using var response = await http.PostAsJsonAsync("/api/v1/tools/set_risk_limits",
            new { configuration = """{"position_limits":{"max_order_volume":0.01}}""" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("UNAUTHORIZED", (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error_code").GetString());
        var limits = await http.GetFromJsonAsync<JsonElement>("/api/v1/tools/get_risk_limits", TestContext.Current.CancellationToken);
        Assert.Equal(50m, limits.GetProperty("limits").GetProperty("max_order_volume").GetDecimal());
        Assert.False(limits.GetProperty("status").GetProperty("kill_switch").GetBoolean());
    }

    [Fact]
    public async Task Rest_TradeKey_PlacesAndClosesAPositionWithHistory()
    {
        using var http = server.Http(SecuredServer.TradeKey);
        var ct = TestContext.Current.CancellationToken;
        var quote = await http.GetFromJsonAsync<JsonElement>("/api/v1/tools/get_quote?symbols=BTCUSD", ct);
        Assert.Equal("BTCUSD", quote.GetProperty("quotes")[0].GetProperty("symbol").GetString());

        using var placed = await http.PostAsJsonAsync("/api/v1/tools/place_order",
            new { symbol = "BTCUSD", side = "buy", volume = 0.02, client_order_id = "rest-1", comment = "rest" }, ct);
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        var result = (await placed.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("result");
        Assert.Equal("filled", result.GetProperty("outcome").GetString());
        var ticket = result.GetProperty("position").GetInt64();

        using var closed = await http.PostAsJsonAsync("/api/v1/tools/close_position", new { ticket }, ct);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("filled", (await closed.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("result").GetProperty("outcome").GetString());

        var history = await http.GetFromJsonAsync<JsonElement>("/api/v1/tools/get_history?symbol=BTCUSD", ct);
        var deals = history.GetProperty("deals").EnumerateArray().Where(d => d.GetProperty("position_id").GetInt64() == ticket).ToList();
        Assert.Equal(2, deals.Count);   // the opening and the closing deal

        // Bad input: the same error model as MCP, with an HTTP status from the code.
        using var bad = await http.PostAsJsonAsync("/api/v1/tools/place_order", new { symbol = "NOPE", side = "buy", volume = 0.01, client_order_id = "rest-bad" }, ct);
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        Assert.Equal("UNKNOWN_SYMBOL", (await bad.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("error_code").GetString());
        using var body = new StringContent("{not json", Encoding.UTF8, "application/json");
        using var malformed = await http.PostAsync("/api/v1/tools/get_quote", body, ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_ListsEveryToolWithItsSchemas()
    {
        using var http = server.Http(SecuredServer.ReadKey);
        var document = await http.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json", TestContext.Current.CancellationToken);
        Assert.Equal("3.1.0", document.GetProperty("openapi").GetString());
        var placeOrder = document.GetProperty("paths").GetProperty("/api/v1/tools/place_order").GetProperty("post");
        Assert.Contains("client_order_id", placeOrder.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("required")
            .EnumerateArray().Select(e => e.GetString()));
        Assert.True(document.GetProperty("paths").GetProperty("/api/v1/tools/get_quote").TryGetProperty("get", out _));
    }

    [Fact]
    public async Task WebSocket_Quotes_ReceivesAQuote()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Api-Key", SecuredServer.ReadKey);
        var uri = new Uri($"ws://{server.BaseUri.Authority}/ws/quotes?symbols=EURUSD,BTCUSD");
        await socket.ConnectAsync(uri, TestContext.Current.CancellationToken);
        var buffer = new byte[8192];
        var received = await socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken);
        using var message = JsonDocument.Parse(buffer.AsMemory(0, received.Count));
        Assert.Equal("quote", message.RootElement.GetProperty("type").GetString());
        var quote = message.RootElement.GetProperty("quote");
        Assert.Contains(quote.GetProperty("symbol").GetString(), new[] { "EURUSD", "BTCUSD" });
        Assert.True(quote.GetProperty("ask").GetDouble() > quote.GetProperty("bid").GetDouble());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", TestContext.Current.CancellationToken);
    }
}
