using MtMcp.Storage;
using MtMcp.Testing;

namespace MtMcp.Paper.Tests;

/// <summary>The risk gate and the audit records on the paper venue's order path.</summary>
public sealed class OrderPathTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Send_GateRefuses_NothingReachesTheVenue_AndTheIdStaysFree()
    {
        var gate = new ScriptedGate { Refuse = true };
        using var service = NewService(gate, out var feed);

        var refused = service.Send("a", Buy("c1"), new TradeOrigin("key-7", "mcp:place_order"));

        Assert.Equal(TradeRetcode.Reject, refused.Retcode);
        Assert.Equal(TradeOutcome.Rejected, refused.Outcome);
        Assert.Equal("max_order_volume", refused.RiskCheck);
        Assert.Equal("too big", refused.Message);
        Assert.Equal(feed.Ticks[^1].Tick.Ask, refused.Ask);
        var state = service.Read("a", a => a.ToState());
        Assert.Empty(state.Positions);
        Assert.Empty(state.Orders);
        Assert.Empty(state.ClientOrders);

        gate.Refuse = false;
        var accepted = service.Send("a", Buy("c1"));
        Assert.Equal(TradeRetcode.Done, accepted.Retcode);
        Assert.Null(accepted.RiskCheck);
        Assert.Single(service.Read("a", a => a.Positions));
    }

    [Fact]
    public void Send_GateReducesTheRequest_TheVenueGetsTheReducedOne()
    {
        var gate = new ScriptedGate { ReduceTo = 0.05m };
        using var service = NewService(gate, out _);

        var result = service.Send("a", Buy("c1"));

        Assert.Equal(0.05m, result.Volume);
        Assert.Equal(0.05m, Assert.Single(service.Read("a", a => a.Positions)).Volume);
    }

    [Fact]
    public void Send_RepeatedClientOrderId_ReturnsTheFirstResultWithoutAskingTheGate()
    {
        var gate = new ScriptedGate();
        using var service = NewService(gate, out _);
        var first = service.Send("a", Buy("c1"));
        var evaluations = gate.Evaluations;

        gate.Refuse = true;
        var repeat = service.Send("a", Buy("c1"));

        Assert.Same(first, repeat);
        Assert.Equal(evaluations, gate.Evaluations);
        Assert.Single(service.Read("a", a => a.Positions));
    }

    [Fact]
    public void Send_AuditsIntentDecisionResultAndFills_InOrder_WithTheOrigin()
    {
        var gate = new ScriptedGate();
        using var service = NewService(gate, out _);

        service.Send("a", Buy("c1"), new TradeOrigin("key-7", "mcp:place_order"));

        var audit = gate.Committed[^1];
        Assert.Equal(["order_intent", "risk_decision", "trade_result", "deal", "order_final"], audit.Select(r => r.Kind));
        Assert.All(audit, r => Assert.Equal(("a", "key-7", "mcp:place_order"), (r.Account, r.Actor, r.Channel)));
        Assert.Equal("c1", audit[0].ClientOrderId);
        Assert.Contains("\"volume\":0.1", audit[0].Payload, StringComparison.Ordinal);
        Assert.Contains("\"allowed\":true", audit[1].Payload, StringComparison.Ordinal);
        Assert.Contains("\"retcode\":10009", audit[2].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void OnQuote_FillsByTheVenue_AreAuditedWithTheVenueAsActor()
    {
        var gate = new ScriptedGate();
        using var service = NewService(gate, out var feed);
        var ask = feed.Ticks[^1].Tick.Ask;
        service.Send("a", new TradeRequest { Action = TradeAction.Pending, Symbol = "EURUSD", Type = OrderType.BuyLimit, Volume = 0.1m, Price = ask - 0.0005 });

        service.Process(new FeedTick(10, "EURUSD", new Tick(feed.Ticks[^1].Tick.TimeMs + 1000, ask - 0.0007, ask - 0.0005, 0, 0, TickFlags.Bid | TickFlags.Ask)));

        var audit = gate.Committed[^1];
        Assert.Equal(["deal", "order_final"], audit.Select(r => r.Kind));
        Assert.All(audit, r => Assert.Equal("venue", r.Actor));
    }

    private PaperTradingService NewService(ITradeGate gate, out ListFeed feed)
    {
        feed = new ListFeed("EURUSD", (1.10000, 1.10010), (1.10002, 1.10012));
        var service = new PaperTradingService(new SqliteTradingJournal(_directory.File("a.db")), SymbolCatalog.BuiltIn, feed, TimeProvider.System, gate);
        service.Create("a", PaperAccounts.DefaultSettings(), 10_000m);
        foreach (var tick in feed.Ticks)
        {
            service.Process(tick);
        }

        return service;
    }

    private static TradeRequest Buy(string id) =>
        new() { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 0.1m, ClientOrderId = id };

    private sealed class ScriptedGate : ITradeGate
    {
        public bool Refuse { get; set; }

        public decimal? ReduceTo { get; set; }

        public int Evaluations { get; private set; }

        public List<AuditRecord[]> Committed { get; } = [];

        public GateDecision Evaluate(TradingAccount account, TradeRequest request, TradeOrigin origin)
        {
            Evaluations++;
            return Refuse ? new GateDecision(false, "max_order_volume", "too big", request)
                : ReduceTo is { } volume ? new GateDecision(true, "ok", "reduced", request with { Volume = volume })
                : GateDecision.Allow(request);
        }

        public void OnCommitted(TradingAccount account, AccountChanges changes) => Committed.Add([.. changes.Audit]);
    }
}
