using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace MtMcp.Server.Tests;

/// <summary>Resources, prompts and progress notifications over the in-process client.</summary>
public sealed class ResourceAndPromptTests
{
    [Fact]
    public async Task ListResources_Default_HasTheTemplatesAndTheDocuments()
    {
        await using var server = await ServerHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var templates = (await server.Client.ListResourceTemplatesAsync(cancellationToken: ct)).Select(t => t.UriTemplate).ToHashSet();
        Assert.Superset(new HashSet<string> { "mt://accounts/{account}", "mt://accounts/{account}/positions", "mt://accounts/{account}/orders", "mt://quotes/{symbol}", "mt://symbols/{symbol}" }, templates);
        var fixedUris = (await server.Client.ListResourcesAsync(cancellationToken: ct)).Select(r => r.Uri).ToHashSet();
        Assert.Contains("mt://docs/risk-policy", fixedUris);
        Assert.Contains("mt://docs/strategy-language", fixedUris);
        Assert.True(server.Client.ServerCapabilities.Resources?.Subscribe);
    }

    [Fact]
    public async Task ReadResource_QuoteSymbolAccount_MatchTheTools()
    {
        await using var server = await ServerHarness.StartAsync();
        var quoteTool = (await server.CallOkAsync("get_quote", new() { ["symbols"] = new[] { "EURUSD" } })).GetProperty("quotes")[0];
        var quote = await ReadJsonAsync(server, "mt://quotes/EURUSD");
        Assert.Equal(quoteTool.GetProperty("bid").GetDouble(), quote.GetProperty("bid").GetDouble());
        Assert.Equal(quoteTool.GetProperty("ask").GetDouble(), quote.GetProperty("ask").GetDouble());

        var symbol = await ReadJsonAsync(server, "mt://symbols/usdjpy");
        Assert.Equal("USDJPY", symbol.GetProperty("name").GetString());
        Assert.Equal(3, symbol.GetProperty("digits").GetInt32());

        await server.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "sell", ["volume"] = 0.2, ["client_order_id"] = "res-1" });
        var account = await ReadJsonAsync(server, "mt://accounts/demo");
        Assert.Equal(10_000m, account.GetProperty("balance").GetDecimal());
        Assert.True(account.GetProperty("margin").GetDouble() > 0);
        var positions = await ReadJsonAsync(server, "mt://accounts/demo/positions");
        Assert.Equal(0.2m, Assert.Single(positions.GetProperty("positions").EnumerateArray()).GetProperty("volume").GetDecimal());
        var orders = await ReadJsonAsync(server, "mt://accounts/demo/orders");
        Assert.Equal(0, orders.GetProperty("count").GetInt32());

        var policy = await server.Client.ReadResourceAsync("mt://docs/risk-policy", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains("trading.confirmation.above_lots", Assert.IsType<TextResourceContents>(Assert.Single(policy.Contents)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadResource_UnknownSymbolOrAccount_IsResourceNotFound()
    {
        await using var server = await ServerHarness.StartAsync();
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => server.Client.ReadResourceAsync("mt://quotes/NOPE", cancellationToken: TestContext.Current.CancellationToken).AsTask());
        Assert.Contains("Unknown symbol", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<McpProtocolException>(() => server.Client.ReadResourceAsync("mt://accounts/nobody", cancellationToken: TestContext.Current.CancellationToken).AsTask());
    }

    [Fact]
    public async Task SubscribeToResource_OlderProtocolAfterATrade_PushesUpdated()
    {
        await using var server = await ServerHarness.StartAsync(clientOptions: new ModelContextProtocol.Client.McpClientOptions { ProtocolVersion = "2025-11-25" });
        var updated = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await server.Client.SubscribeToResourceAsync("mt://accounts/demo/positions", (n, _) =>
        {
            updated.Enqueue(n.Uri);
            return ValueTask.CompletedTask;
        }, cancellationToken: TestContext.Current.CancellationToken);
        await server.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "sub-1" });
        await AdvanceUntilAsync(server, () => !updated.IsEmpty);
        Assert.Contains("mt://accounts/demo/positions", updated);
    }

    [Fact]
    public async Task SubscriptionsListen_AfterATrade_PushesUpdatedTaggedWithTheListenId()
    {
        await using var server = await ServerHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var updated = new System.Collections.Concurrent.ConcurrentQueue<JsonNotificationParams>();
        await using var registration = server.Client.RegisterNotificationHandler(NotificationMethods.ResourceUpdatedNotification, (n, _) =>
        {
            updated.Enqueue(new JsonNotificationParams(n.Params!["uri"]!.GetValue<string>(), n.Params["_meta"]?[MetaKeys.SubscriptionId]?.ToJsonString()));
            return ValueTask.CompletedTask;
        });
        using var listening = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var listen = server.Client.SendRequestAsync(new JsonRpcRequest
        {
            Id = new RequestId("listen-1"),
            Method = RequestMethods.SubscriptionsListen,
            Params = System.Text.Json.Nodes.JsonNode.Parse("""{"notifications":{"resourceSubscriptions":["mt://accounts/demo","mt://bogus/x"]}}"""),
        }, listening.Token);

        // Wait until the server registered the stream, then trade.
        await AdvanceUntilAsync(server, () => false, rounds: 5);
        await server.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "listen-trade" });
        await AdvanceUntilAsync(server, () => !updated.IsEmpty);
        Assert.Contains(new JsonNotificationParams("mt://accounts/demo", "\"listen-1\""), updated);
        await listening.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listen);
    }

    // The publisher runs on the server's fake clock: advance it a throttle interval at a time.
    private static async Task AdvanceUntilAsync(ServerHarness server, Func<bool> done, int rounds = 100)
    {
        for (var i = 0; i < rounds && !done(); i++)
        {
            server.Time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private sealed record JsonNotificationParams(string Uri, string? SubscriptionId);

    [Fact]
    public async Task GetPrompt_AnalyzeSymbol_NamesTheSymbolAndRejectsUnknownOnes()
    {
        await using var server = await ServerHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var prompts = (await server.Client.ListPromptsAsync(cancellationToken: ct)).Select(p => p.Name).ToList();
        Assert.Equal(["daily_risk_review", "analyze_symbol", "trade_plan", "strategy_research"], prompts);

        var prompt = await server.Client.GetPromptAsync("analyze_symbol", new Dictionary<string, object?> { ["symbol"] = "xauusd", ["timeframe"] = "h4" }, cancellationToken: ct);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(prompt.Messages).Content).Text;
        Assert.Contains("XAUUSD", text, StringComparison.Ordinal);
        Assert.Contains("H4", text, StringComparison.Ordinal);

        await Assert.ThrowsAsync<McpProtocolException>(() => server.Client.GetPromptAsync("analyze_symbol", new Dictionary<string, object?> { ["symbol"] = "NOPE" }, cancellationToken: ct).AsTask());
        await Assert.ThrowsAsync<McpProtocolException>(() => server.Client.GetPromptAsync("trade_plan", new Dictionary<string, object?> { ["symbol"] = "EURUSD", ["risk_percent"] = "50" }, cancellationToken: ct).AsTask());
    }

    [Fact]
    public async Task GetBars_LargePage_ReportsProgress()
    {
        await using var server = await ServerHarness.StartAsync();
        await using var progress = new ProgressRecorder(server.Client);
        var result = await progress.CallToolAsync("get_bars", new Dictionary<string, object?> { ["symbol"] = "EURUSD", ["timeframe"] = "M1", ["count"] = 5000 });
        Assert.NotEqual(true, result.IsError);
        Assert.Equal(5000, result.StructuredContent!.Value.GetProperty("count").GetInt32());
        var reports = await progress.WaitAsync(r => r.Count >= 2);
        Assert.True(reports.Count >= 2, $"{reports.Count} progress notifications");
        Assert.All(reports, r => Assert.True(r.Progress <= r.Total));
    }

    private static async Task<JsonElement> ReadJsonAsync(ServerHarness server, string uri)
    {
        var result = await server.Client.ReadResourceAsync(uri, cancellationToken: TestContext.Current.CancellationToken);
        var contents = Assert.IsType<TextResourceContents>(Assert.Single(result.Contents));
        Assert.Equal("application/json", contents.MimeType);
        using var document = JsonDocument.Parse(contents.Text);
        return document.RootElement.Clone();
    }
}
