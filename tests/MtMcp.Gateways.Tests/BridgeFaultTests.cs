using MtMcp.Testing.Bridge;

namespace MtMcp.Gateways.Tests;

/// <summary>
/// Fault injection over real loopback sockets (bridge-protocol.md §11.2): every fault ends in a defined state — no
/// duplicate order, no lost trade event, uncertain outcomes reconciled, subscriptions restored after a reconnect.
/// </summary>
public sealed class BridgeFaultTests : IAsyncLifetime
{
    private static readonly TradeOrigin s_origin = new("test", "test");
    private BridgeHarness _bridge = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _bridge = new BridgeHarness();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _bridge.DisposeAsync();

    private static TradeRequest Buy(string id) =>
        new() { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 0.1m, ClientOrderId = id };

    [Fact]
    public async Task DropBeforeExecuting_ReconciledNotExecuted_ThenTheSameIdTradesOnce()
    {
        var (terminal, ea, gateway) = await _bridge.ConnectAsync();
        ea.NextTradeFault = EaTradeFault.DropBeforeExecuting;

        var lost = await gateway.SendAsync(Buy("drop-before"), s_origin, Ct);

        Assert.Equal(TradeOutcome.Rejected, lost.Outcome);
        Assert.Contains("not executed", lost.Message, StringComparison.Ordinal);
        Assert.Empty(terminal.Positions);
        Assert.Equal(0, terminal.OrderSendCalls);

        var again = await gateway.SendAsync(Buy("drop-before"), s_origin, Ct);
        Assert.Equal(TradeOutcome.Filled, again.Outcome);
        Assert.Single(terminal.Positions);
        Assert.Equal(1, terminal.OrderSendCalls);
    }

    [Fact]
    public async Task DropAfterExecuting_ReconciledFilled_AndNeverSentAgain()
    {
        var (terminal, ea, gateway) = await _bridge.ConnectAsync();
        ea.NextTradeFault = EaTradeFault.DropAfterExecuting;

        var result = await gateway.SendAsync(Buy("drop-after"), s_origin, Ct);

        var position = Assert.Single(terminal.Positions);
        Assert.Equal(TradeOutcome.Filled, result.Outcome);
        Assert.Equal(TradeRetcode.Done, result.Retcode);
        Assert.Equal(position.Ticket, result.Position);
        Assert.Equal(0.1m, result.Volume);
        Assert.True(ea.Connections >= 2);

        var again = await gateway.SendAsync(Buy("drop-after"), s_origin, Ct);
        Assert.Same(result, again);
        Assert.Equal(1, terminal.OrderSendCalls);
        Assert.Equal(1, ea.Requests.Count(r => (string?)r["op"] == "trade.send"));
    }

    [Fact]
    public async Task ResponseAfterTheDeadline_Ignored_OutcomeReconciledFilled()
    {
        await using var bridge = new BridgeHarness(BridgeHarness.Default() with { DefaultDeadline = TimeSpan.FromMilliseconds(800) });
        var (terminal, ea, gateway) = await bridge.ConnectAsync();
        ea.TradeResponseDelay = TimeSpan.FromMilliseconds(1500);

        var result = await gateway.SendAsync(Buy("late"), s_origin, Ct);

        Assert.Equal(TradeOutcome.Filled, result.Outcome);
        Assert.Contains("Reconciled", result.Message, StringComparison.Ordinal);
        Assert.Single(terminal.Positions);
        Assert.Equal(1, terminal.OrderSendCalls);
        Assert.True(gateway.IsConnected);
        Assert.Equal(1, ea.Connections);
    }

    [Fact]
    public async Task DuplicatedResponses_SecondIgnored_LinkStaysUsable()
    {
        var (terminal, ea, gateway) = await _bridge.ConnectAsync();
        ea.DuplicateResponses = true;

        var result = await gateway.SendAsync(Buy("dup-res"), s_origin, Ct);
        var positions = await gateway.GetPositionsAsync(cancellationToken: Ct);

        Assert.Equal(TradeOutcome.Filled, result.Outcome);
        Assert.Equal(Assert.Single(terminal.Positions).Ticket, Assert.Single(positions).Ticket);
        Assert.Equal(1, ea.Connections);
    }

    [Fact]
    public async Task DuplicateTradeSend_EaAnswersFromItsRing_OnePosition()
    {
        var (terminal, _, _) = await _bridge.ConnectAsync();
        Assert.True(_bridge.Listener.Sessions.TryGet(BridgeHarness.Key(1001), out var session));

        var first = await session.SendTradeAsync(Buy("ring"), Ct);
        var second = await session.SendTradeAsync(Buy("ring"), Ct);

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(first.Deal, second.Deal);
        Assert.Single(terminal.Positions);
        Assert.Equal(1, terminal.OrderSendCalls);
    }

    [Fact]
    public async Task SequenceGap_ListenerToldToResynchronise_TradeEventStillDelivered()
    {
        var (_, ea, gateway) = await _bridge.ConnectAsync();
        var listener = new RecordingListener();
        using var _ = gateway.Listen(listener);
        ea.SkipSeq = 3;

        await gateway.SendAsync(Buy("gap"), s_origin, Ct);

        await Poll.UntilAsync(() => listener.Changes.Any(c => c.Type == TradeTransactionType.DealAdd), "the deal event arrived");
        var changes = listener.Changes.ToList();
        var resync = changes.FindIndex(c => c.Resynchronise);
        Assert.Equal(0, resync);
        Assert.Contains(changes, c => c.Type == TradeTransactionType.Position && c.Symbol == "EURUSD");
    }

    [Fact]
    public async Task FramesSplitAtEveryByte_MultibyteTextAndCoalescedTicks_ReadIntact()
    {
        var (_, ea, gateway) = await _bridge.ConnectAsync();
        var listener = new RecordingListener();
        using var _ = gateway.Listen(listener);
        await gateway.SubscribeAsync("EURUSD", Ct);
        ea.WriteMode = EaWriteMode.ByteByByte;

        var account = await gateway.GetAccountAsync(Ct);
        await ea.PublishTickAsync("EURUSD", 1.08530, 1.08533, BridgeHarness.T0 + 10);
        ea.WriteMode = EaWriteMode.Normal;
        await ea.PublishTickBurstAsync("EURUSD", 200, 1.08540, 1.08543, BridgeHarness.T0 + 100);

        Assert.Equal("Trader Ünïcødé €", account.Info.Name);
        await Poll.UntilAsync(() => listener.Quotes.Count == 201, "201 quotes arrived");
        var times = listener.Quotes.Select(q => q.Tick.TimeMs).ToList();
        Assert.Equal([BridgeHarness.T0 + 10, .. Enumerable.Range(0, 200).Select(i => BridgeHarness.T0 + 100 + i)], times);
    }

    [Theory]
    [InlineData("oversized")]
    [InlineData("invalid-json")]
    public async Task BadLine_LinkClosed_EaReconnectsWithSubscriptionsRestored(string fault)
    {
        var (_, ea, gateway) = await _bridge.ConnectAsync();
        var listener = new RecordingListener();
        using var _ = gateway.Listen(listener);
        await gateway.SubscribeAsync("EURUSD", Ct);
        Assert.True(_bridge.Listener.Sessions.TryGet(BridgeHarness.Key(1001), out var first));

        await ea.SendRawAsync(fault == "oversized" ? new string('x', (1 << 20) + 1) + "\n" : "{\"v\":1,\"type\":\"evt\",\"seq\":\n");

        await first.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await ea.WaitForConnectionAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(["EURUSD"], ea.LastHandshake!["data"]!["subscriptions"]!["ticks"]!.AsArray().Select(n => (string?)n));
        await Poll.UntilAsync(() => gateway.IsConnected, "the gateway uses the new session");
        await ea.PublishTickAsync("EURUSD", 1.08550, 1.08553, BridgeHarness.T0 + 2000);
        await Poll.UntilAsync(() => listener.Quotes.Any(q => q.Tick.TimeMs == BridgeHarness.T0 + 2000), "the tick after reconnect arrived");
        Assert.Contains(listener.Changes, c => c.Resynchronise);
        Assert.Empty(await gateway.GetPositionsAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task WrongToken_Unauthorized_NoAccountAppears()
    {
        var terminal = new SimulatedTerminal(3001);
        var ea = _bridge.Start(terminal, token: "not-the-token");

        await Assert.ThrowsAsync<InvalidOperationException>(() => ea.StartAsync().WaitAsync(TimeSpan.FromSeconds(10), Ct));

        Assert.Equal("UNAUTHORIZED", (string?)ea.LastHandshake!["error"]!["code"]);
        Assert.False(_bridge.Accounts.TryGet(BridgeHarness.Key(3001), out _));
    }

    [Fact]
    public async Task Silence_IdleTimeoutClosesTheLink_ReadsReportUnavailable()
    {
        await using var bridge = new BridgeHarness(BridgeHarness.Default() with
        {
            HeartbeatInterval = TimeSpan.FromMilliseconds(100),
            IdleTimeout = TimeSpan.FromMilliseconds(500),
        });
        var (_, ea, gateway) = await bridge.ConnectAsync();
        ea.AutoReconnect = false;
        ea.Silent = true;

        await Poll.UntilAsync(() => !gateway.IsConnected, "the idle link was closed");

        var failure = await Assert.ThrowsAsync<GatewayUnavailableException>(() => gateway.GetPositionsAsync(cancellationToken: Ct));
        Assert.True(failure.IsTransient);
        var trade = await gateway.SendAsync(Buy("silent"), s_origin, Ct);
        Assert.Equal(TradeOutcome.Rejected, trade.Outcome);
        Assert.Contains("nothing was sent", trade.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disconnected_UncertainUntilTheTerminalReturns_ThenReconciledWithoutResending()
    {
        await using var bridge = new BridgeHarness(BridgeHarness.Default() with { ReconcileTimeout = TimeSpan.FromMilliseconds(500) });
        var (terminal, ea, gateway) = await bridge.ConnectAsync();
        ea.AutoReconnect = false;
        ea.NextTradeFault = EaTradeFault.DropAfterExecuting;

        var uncertain = await gateway.SendAsync(Buy("stays-uncertain"), s_origin, Ct);
        Assert.Equal(TradeOutcome.Uncertain, uncertain.Outcome);
        Assert.Equal(TradeRetcode.Timeout, uncertain.Retcode);

        // The terminal comes back: the same id reconciles to the fill and is never sent a second time.
        var back = bridge.Start(terminal);
        await back.StartAsync().WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var resolved = await gateway.SendAsync(Buy("stays-uncertain"), s_origin, Ct);

        Assert.Equal(TradeOutcome.Filled, resolved.Outcome);
        Assert.Single(terminal.Positions);
        Assert.Equal(1, terminal.OrderSendCalls);
        Assert.DoesNotContain(back.Requests, r => (string?)r["op"] == "trade.send");
    }
}
