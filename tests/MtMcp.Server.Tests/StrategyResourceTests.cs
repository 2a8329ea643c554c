using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace MtMcp.Server.Tests;

/// <summary>The live strategy resource <c>mt://strategies/{id}</c>: listed, equal to get_strategy_status, updates pushed on change.</summary>
public sealed class StrategyResourceTests
{
    // Enters long on the first bar it sees and holds.
    private const string AlwaysLong = """
        { "name": "always_long", "long_entry": "close > 0" }
        """;

    [Fact]
    public async Task ListResourceTemplates_StrategyToolset_HasTheStrategyTemplate()
    {
        await using var server = await ServerHarness.StartAsync();
        var templates = await server.Client.ListResourceTemplatesAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(templates.Any(t => t.UriTemplate == "mt://strategies/{id}"), string.Join(" ", templates.Select(t => t.UriTemplate)));
    }

    [Fact]
    public async Task SubscribeToStrategy_ItTradesThenStops_PushesAnUpdateEachTimeAndReadsAsGetStrategyStatus()
    {
        await using var server = await ServerHarness.StartAsync(clientOptions: new McpClientOptions { ProtocolVersion = "2025-11-25" });
        var ct = TestContext.Current.CancellationToken;
        var id = (await server.CallOkAsync("start_strategy", new() { ["document"] = AlwaysLong, ["symbol"] = "EURUSD", ["timeframe"] = "M1", ["lots"] = 0.1 }))
            .GetProperty("id").GetString()!;
        var uri = "mt://strategies/" + id;
        var updated = new ConcurrentQueue<string>();
        await server.Client.SubscribeToResourceAsync(uri, (n, _) =>
        {
            updated.Enqueue(n.Uri);
            return ValueTask.CompletedTask;
        }, cancellationToken: ct);

        // Nothing changed yet: quotes alone move only the floating P/L, which is not pushed.
        Assert.Empty(updated);
        for (var i = 0; i < 300 && updated.IsEmpty; i++)
        {
            server.Time.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(10, ct);
        }

        Assert.Equal(uri, Assert.Single(updated.Distinct()));
        var resource = await ReadJsonAsync(server, uri);
        var status = (await server.CallOkAsync("get_strategy_status", new() { ["id"] = id })).GetProperty("strategies")[0];
        Assert.Equal(("running", 1), (resource.GetProperty("state").GetString(), resource.GetProperty("open_positions").GetInt32()));
        Assert.Equal(status.GetProperty("positions")[0].GetProperty("ticket").GetUInt64(), resource.GetProperty("positions")[0].GetProperty("ticket").GetUInt64());
        Assert.Equal(status.GetProperty("recent_signals").GetRawText(), resource.GetProperty("recent_signals").GetRawText());

        updated.Clear();
        await server.CallOkAsync("stop_strategy", new() { ["id"] = id });
        for (var i = 0; i < 200 && updated.IsEmpty; i++)
        {
            await Task.Delay(10, ct);
        }

        Assert.Contains(uri, updated);
        Assert.Equal("stopped", (await ReadJsonAsync(server, uri)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task ReadStrategy_UnknownId_IsResourceNotFound()
    {
        await using var server = await ServerHarness.StartAsync();
        var error = await Assert.ThrowsAsync<McpProtocolException>(
            () => server.Client.ReadResourceAsync("mt://strategies/nope-1", cancellationToken: TestContext.Current.CancellationToken).AsTask());
        Assert.Equal(McpErrorCode.ResourceNotFound, error.ErrorCode);
        Assert.Contains("nope-1", error.Message, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ReadJsonAsync(ServerHarness server, string uri)
    {
        var result = await server.Client.ReadResourceAsync(uri, cancellationToken: TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(Assert.IsType<TextResourceContents>(Assert.Single(result.Contents)).Text);
        return document.RootElement.Clone();
    }
}
