using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Server.Market;
using MtMcp.Server.Tools;

namespace MtMcp.Server.Tests;

/// <summary>
/// The confirmation rules: every request on a REAL account, deals and pending orders above the size, bulk closes by
/// their total; and an answer counts only for the very request (or set of positions) the user was shown.
/// </summary>
public sealed class OrderConfirmationsTests
{
    private static readonly ServerSettings s_settings = new() { DataDirectory = "unused", ConfirmAboveLots = 1m };

    [Fact]
    public void Needed_RealAccount_EveryRequestEvenWithoutVolume()
    {
        var confirmations = new OrderConfirmations(s_settings, TimeProvider.System);
        TradeRequest[] small =
        [
            new() { Action = TradeAction.SlTp, Symbol = "EURUSD", Position = 5, StopLoss = 1.05 },
            new() { Action = TradeAction.Remove, Symbol = "EURUSD", Order = 6 },
            new() { Action = TradeAction.Modify, Symbol = "EURUSD", Order = 6, Price = 1.07 },
            new() { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Sell, Position = 5, Volume = 0.01m },
        ];
        Assert.All(small, r => Assert.True(confirmations.Needed(r, AccountTradeMode.Real)));
        Assert.All(small, r => Assert.False(confirmations.Needed(r, AccountTradeMode.Demo)));
    }

    [Fact]
    public void Needed_DemoAccount_OnlyAboveTheSize()
    {
        var confirmations = new OrderConfirmations(s_settings, TimeProvider.System);
        var close = new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Sell, Position = 5, Volume = 1.5m };
        Assert.True(confirmations.Needed(close, AccountTradeMode.Demo));
        Assert.False(confirmations.Needed(close with { Volume = 1m }, AccountTradeMode.Demo));   // at the limit is not above it
        Assert.False(new OrderConfirmations(s_settings with { ConfirmAboveLots = null }, TimeProvider.System).Needed(close, AccountTradeMode.Contest));
    }

    [Fact]
    public void Needed_BulkClose_TotalLotsOrRealAccount()
    {
        var confirmations = new OrderConfirmations(s_settings, TimeProvider.System);
        Position[] three = [Open(1, 0.4m), Open(2, 0.4m), Open(3, 0.4m)];
        Assert.True(confirmations.Needed(three, AccountTradeMode.Demo));             // 1.2 lots in all
        Assert.False(confirmations.Needed(three[..2], AccountTradeMode.Demo));       // 0.8
        Assert.True(confirmations.Needed(three[..1], AccountTradeMode.Real));
        Assert.False(confirmations.Needed(Array.Empty<Position>(), AccountTradeMode.Real));   // nothing to close, nothing to ask
    }

    [Fact]
    public void Require_ClientCannotAsk_RefusesNamingTheRule()
    {
        var confirmations = new OrderConfirmations(s_settings, TimeProvider.System);
        var cancel = new TradeRequest { Action = TradeAction.Remove, Symbol = "EURUSD", Order = 6 };
        var real = Assert.Throws<ToolErrorException>(() => confirmations.Require(null, null, null, "live", cancel, "Cancel #6", AccountTradeMode.Real));
        Assert.Equal(ToolErrorCodes.ConfirmationRequired, real.Error.ErrorCode);
        Assert.Contains("REAL account", real.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("at most", real.Message, StringComparison.Ordinal);   // a smaller size would not help

        var big = new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 2m };
        var sized = Assert.Throws<ToolErrorException>(() => confirmations.Require(null, null, null, "demo", big, "Buy 2"));
        Assert.Contains("at most 1 lots", sized.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_ForgedAnswer_IsRefused()
    {
        // A client that makes up a handle and an 'accept' (what a tool argument would amount to) gets nothing sent.
        var confirmations = new OrderConfirmations(s_settings, TimeProvider.System);
        var order = new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 2m };
        var forged = new CallToolRequestParams { Name = "place_order", RequestState = "00112233445566778899aabbccddeeff", InputResponses = Accept() };
        var error = Assert.Throws<ToolErrorException>(() => confirmations.Require(null, forged, null, "demo", order, "Buy 2", AccountTradeMode.Real));
        Assert.Equal(ToolErrorCodes.ConfirmationRequired, error.Error.ErrorCode);
    }

    [Fact]
    public async Task Require_BulkClose_AnswerCountsOnceAndOnlyForTheSamePositions()
    {
        await using var server = new AskingServer();
        var confirmations = new OrderConfirmations(s_settings, new FakeTimeProvider(ServerHarness.Now));
        var filter = new PositionFilter("EURUSD");
        Position[] shown = [Open(1, 0.6m), Open(2, 0.6m)];

        var asked = Assert.Throws<InputRequiredException>(() => confirmations.Require(server, null, null, "live", filter, shown, AccountTradeMode.Real));
        var handle = asked.Result.RequestState!;
        var question = Assert.Single(asked.Result.InputRequests!).Value.ElicitationParams;
        Assert.Contains("Close 2 position(s), 1.2 lots in all", question!.Message, StringComparison.Ordinal);
        var answer = new CallToolRequestParams { Name = "close_positions", RequestState = handle, InputResponses = Accept() };

        // A third position opened meanwhile: the user did not see it, so the answer does not count (and is used up).
        var changed = Assert.Throws<ToolErrorException>(() => confirmations.Require(server, answer, null, "live", filter, [.. shown, Open(3, 0.1m)], AccountTradeMode.Real));
        Assert.Equal(ToolErrorCodes.ConfirmationRequired, changed.Error.ErrorCode);
        Assert.Throws<ToolErrorException>(() => confirmations.Require(server, answer, null, "live", filter, shown, AccountTradeMode.Real));

        // Asked again, the same positions with a yes go through.
        handle = Assert.Throws<InputRequiredException>(() => confirmations.Require(server, null, null, "live", filter, shown, AccountTradeMode.Real)).Result.RequestState!;
        confirmations.Require(server, new CallToolRequestParams { Name = "close_positions", RequestState = handle, InputResponses = Accept() }, null, "live", filter, shown, AccountTradeMode.Real);
    }

    [Fact]
    public async Task CandidatesAsync_PaperAccount_MatchesSymbolSideAndMagic()
    {
        await using var harness = await ServerHarness.StartAsync();
        await harness.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["magic"] = 7, ["client_order_id"] = "c1" });
        await harness.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "sell", ["volume"] = 0.2, ["magic"] = 7, ["client_order_id"] = "c2" });
        await harness.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.3, ["client_order_id"] = "c3" });
        await harness.CallOkAsync("place_order", new() { ["symbol"] = "GBPUSD", ["side"] = "buy", ["volume"] = 0.4, ["magic"] = 7, ["client_order_id"] = "c4" });
        var listed = (await harness.CallOkAsync("get_positions")).GetProperty("positions").EnumerateArray().ToList();

        var target = await TradingTarget.ResolveAsync(harness.Services.GetRequiredService<AccountDirectory>(), harness.Services.GetRequiredService<PaperVenue>(),
            harness.Services.GetRequiredService<BrokerOrderPath>(), null, TestContext.Current.CancellationToken);
        Assert.Equal(AccountTradeMode.Demo, OrderConfirmations.Mode(target));
        var buys = await OrderConfirmations.CandidatesAsync(target, new PositionFilter("eurusd", PositionType.Buy, 7), TestContext.Current.CancellationToken);
        var expected = listed.Where(p => p.GetProperty("symbol").GetString() == "EURUSD" && p.GetProperty("side").GetString() == "buy" && p.GetProperty("magic").GetUInt64() == 7)
            .Select(p => p.GetProperty("ticket").GetUInt64());
        Assert.Equal(expected, buys.Select(p => p.Ticket));
        Assert.Equal(4, (await OrderConfirmations.CandidatesAsync(target, PositionFilter.All, TestContext.Current.CancellationToken)).Count);
        Assert.Equal(3, (await OrderConfirmations.CandidatesAsync(target, new PositionFilter(Magic: 7), TestContext.Current.CancellationToken)).Count);
    }

    private static Position Open(ulong ticket, decimal volume) =>
        new() { Ticket = ticket, Symbol = "EURUSD", Type = PositionType.Buy, Volume = volume, PriceOpen = 1.08, TimeMs = 0 };

    private static Dictionary<string, InputResponse> Accept() => new()
    {
        [OrderConfirmations.Field] = InputResponse.FromElicitResult(new ElicitResult
        {
            Action = "accept",
            Content = new Dictionary<string, JsonElement> { [OrderConfirmations.Field] = JsonSerializer.SerializeToElement(true) },
        }),
    };

    // A connected client that can ask its user (per request on 2026-07-28, so a stub stands in for the request's server).
    // Subclassing McpServer is experimental in the SDK and the stub must override the deprecated logging level.
#pragma warning disable MCPEXP002, MCP9005, CS0672
    private sealed class AskingServer : McpServer
    {
        public override ClientCapabilities? ClientCapabilities { get; } = new() { Elicitation = new ElicitationCapability() };

        public override Implementation? ClientInfo => null;

        public override McpServerOptions ServerOptions { get; } = new();

        public override IServiceProvider? Services => null;

        public override LoggingLevel? LoggingLevel => null;

        public override bool IsMrtrSupported => true;

        public override string? SessionId => null;

        public override string? NegotiatedProtocolVersion => null;

        public override Task RunAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public override Task<JsonRpcResponse> SendRequestAsync(JsonRpcRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public override Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public override IAsyncDisposable RegisterNotificationHandler(string method, Func<JsonRpcNotification, CancellationToken, ValueTask> handler) => throw new NotSupportedException();

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
#pragma warning restore MCPEXP002, MCP9005, CS0672
}
