namespace MtMcp.Engine.Tests.Orders;

/// <summary>The send-once rule both broker gateways use: what a second send of the same client order id does.</summary>
public sealed class ClientOrderLedgerTests
{
    private static TradeResult Result(TradeRetcode retcode, string message) =>
        new() { Retcode = retcode, Action = TradeAction.Deal, Message = message, ClientOrderId = "c1" };

    [Fact]
    public async Task RunAsync_AfterAFinalResult_ReturnsItWithoutSendingAgain()
    {
        var ledger = new ClientOrderLedger();
        var sends = 0;
        Task<SendAttempt> Send()
        {
            sends++;
            return Task.FromResult(SendAttempt.Final(Result(TradeRetcode.Done, "filled " + sends)));
        }

        var first = await ledger.RunAsync("c1", Send, _ => throw new InvalidOperationException("no reconciliation expected"), CancellationToken.None);
        var second = await ledger.RunAsync("c1", Send, _ => throw new InvalidOperationException("no reconciliation expected"), CancellationToken.None);

        Assert.Equal(1, sends);
        Assert.Same(first, second);
        Assert.Equal("filled 1", second.Message);
        Assert.True(ledger.IsKnown("c1"));
        Assert.False(ledger.IsKnown("c2"));
    }

    [Fact]
    public async Task RunAsync_AfterAnUncertainOutcome_ReconcilesFromTheIntentTimeInsteadOfSending()
    {
        var ledger = new ClientOrderLedger();
        var sends = 0;
        var reconciledFrom = new List<long>();
        Task<SendAttempt> Send()
        {
            sends++;
            return Task.FromResult(SendAttempt.Uncertain(Result(TradeRetcode.Timeout, "no answer"), intentMs: 1_700_000_000_000));
        }

        Task<SendAttempt> Reconcile(long intentMs)
        {
            reconciledFrom.Add(intentMs);
            return Task.FromResult(reconciledFrom.Count == 1
                ? SendAttempt.Uncertain(Result(TradeRetcode.Timeout, "still unknown"), intentMs)
                : SendAttempt.Final(Result(TradeRetcode.Done, "found the deal")));
        }

        Assert.Equal("no answer", (await ledger.RunAsync("c1", Send, Reconcile, CancellationToken.None)).Message);
        Assert.True(ledger.IsKnown("c1"));
        Assert.Equal("still unknown", (await ledger.RunAsync("c1", Send, Reconcile, CancellationToken.None)).Message);
        Assert.Equal("found the deal", (await ledger.RunAsync("c1", Send, Reconcile, CancellationToken.None)).Message);
        Assert.Equal("found the deal", (await ledger.RunAsync("c1", Send, Reconcile, CancellationToken.None)).Message);

        Assert.Equal(1, sends);
        Assert.Equal([1_700_000_000_000, 1_700_000_000_000], reconciledFrom);
    }

    [Fact]
    public async Task RunAsync_AfterNotExecuted_ForgetsTheIdSoItMayBeSentAgain()
    {
        var ledger = new ClientOrderLedger();
        var sends = 0;
        Task<SendAttempt> Send()
        {
            sends++;
            return Task.FromResult(sends == 1
                ? SendAttempt.NotExecuted(Result(TradeRetcode.Reject, "refused before the venue"))
                : SendAttempt.Final(Result(TradeRetcode.Done, "filled")));
        }

        Assert.Equal("refused before the venue", (await ledger.RunAsync("c1", Send, _ => throw new InvalidOperationException(), CancellationToken.None)).Message);
        Assert.False(ledger.IsKnown("c1"));
        Assert.Equal("filled", (await ledger.RunAsync("c1", Send, _ => throw new InvalidOperationException(), CancellationToken.None)).Message);
        Assert.Equal(2, sends);
    }

    [Fact]
    public async Task RunAsync_TheSameIdWhileInFlight_JoinsTheSendAndACallerWhoStopsWaitingLeavesItRunning()
    {
        var ledger = new ClientOrderLedger();
        var release = new TaskCompletionSource<SendAttempt>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = 0;
        Task<SendAttempt> Send()
        {
            Interlocked.Increment(ref sends);
            return release.Task;
        }

        using var impatient = new CancellationTokenSource();
        var first = ledger.RunAsync("c1", Send, _ => throw new InvalidOperationException(), impatient.Token);
        var second = ledger.RunAsync("c1", Send, _ => throw new InvalidOperationException(), CancellationToken.None);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.True(ledger.IsKnown("c1"));

        release.SetResult(SendAttempt.Final(Result(TradeRetcode.Done, "filled")));
        Assert.Equal("filled", (await second).Message);
        Assert.Equal("filled", (await ledger.RunAsync("c1", Send, _ => throw new InvalidOperationException(), CancellationToken.None)).Message);
        Assert.Equal(1, sends);
    }
}
