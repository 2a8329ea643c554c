using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace MtMcp.Server.Tests;

/// <summary>Orders above the configured size ask the user (elicitation) and are sent only on an explicit yes.</summary>
public sealed class ConfirmationTests
{
    [Fact]
    public async Task PlaceOrder_AboveTheLimitAndAccepted_AsksOnceThenFills()
    {
        var asked = new List<string>();
        await using var server = await StartAsync(answer: true, asked);
        var placed = await server.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.5, ["client_order_id"] = "big-1" });
        Assert.Equal("filled", placed.GetProperty("result").GetProperty("outcome").GetString());
        var message = Assert.Single(asked);
        Assert.Contains("0.5 lots EURUSD", message, StringComparison.Ordinal);

        // At or below the limit nobody is asked.
        await server.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.2, ["client_order_id"] = "small-1" });
        Assert.Single(asked);
        Assert.Equal(2, (await server.CallOkAsync("get_positions")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task PlaceOrder_AboveTheLimitAndDeclined_SendsNothing()
    {
        await using var server = await StartAsync(answer: false, []);
        var error = await server.CallErrorAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.5, ["client_order_id"] = "big-2" });
        Assert.Equal("DECLINED", error.GetProperty("error_code").GetString());
        Assert.Equal(0, (await server.CallOkAsync("get_positions")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task PlaceOrder_ClientWithoutElicitation_IsRefusedWithNothingSent()
    {
        await using var server = await ServerHarness.StartAsync(s => s with { ConfirmAboveLots = 0.3m });
        var error = await server.CallErrorAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.5, ["client_order_id"] = "big-3" });
        Assert.Equal("CONFIRMATION_REQUIRED", error.GetProperty("error_code").GetString());
        Assert.Contains("cannot ask", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await server.CallOkAsync("get_positions")).GetProperty("count").GetInt32());
    }

    private static Task<ServerHarness> StartAsync(bool answer, List<string> asked) =>
        ServerHarness.StartAsync(s => s with { ConfirmAboveLots = 0.3m }, clientOptions: new McpClientOptions
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
                        Content = new Dictionary<string, JsonElement> { ["confirm"] = JsonSerializer.SerializeToElement(answer) },
                    });
                },
            },
        });
}
