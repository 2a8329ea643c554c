using MtMcp.Risk;
using MtMcp.Storage;
using MtMcp.Testing;

namespace MtMcp.Paper.Tests;

/// <summary>The kill switch on the paper venue: engage cancels and closes, the gate then refuses, release needs admin.</summary>
public sealed class KillSwitchTests : IDisposable
{
    private static readonly TradeOrigin s_operator = new("ops-1", "mcp:kill_switch");

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void EngageKillSwitch_Account_CancelsClosesAndBlocks_OnlyThatAccount_ReleaseNeedsAdmin()
    {
        var gate = new RecordingGate(new PreTradeGate(RiskConfiguration.Default));
        using var service = NewService(gate, out var ask);
        Assert.Equal(TradeRetcode.Done, service.Send("a", Buy()).Retcode);
        Assert.Equal(TradeRetcode.Done, service.Send("a", BuyLimit(ask)).Retcode);
        Assert.Equal(TradeRetcode.Done, service.Send("b", BuyLimit(ask)).Retcode);

        var engagement = service.EngageKillSwitch("a", closePositions: true, "runaway agent", s_operator);

        Assert.True(engagement.NewlyEngaged);
        var actions = Assert.Single(engagement.Accounts);
        Assert.Equal("a", actions.Account);
        Assert.Equal(TradeRetcode.Done, Assert.Single(actions.Cancelled).Retcode);
        Assert.Equal(TradeRetcode.Done, Assert.Single(actions.Closed).Retcode);
        Assert.Empty(service.Read("a", a => a.Positions));
        Assert.Empty(service.Read("a", a => a.Orders));
        Assert.Single(service.Read("b", a => a.Orders));
        var audit = gate.Committed[^1];
        Assert.Equal("kill_switch", audit[0].Kind);
        Assert.Equal(("ops-1", "mcp:kill_switch"), (audit[0].Actor, audit[0].Channel));
        Assert.Contains("\"action\":\"engage\"", audit[0].Payload, StringComparison.Ordinal);

        var refused = service.Send("a", Buy());
        Assert.Equal(TradeRetcode.Reject, refused.Retcode);
        Assert.Equal(RiskChecks.KillSwitch, refused.RiskCheck);
        Assert.Empty(service.Read("a", a => a.Positions));
        Assert.Equal(TradeRetcode.Done, service.Send("b", Buy()).Retcode);
        Assert.True(service.IsKillSwitchEngaged("a"));

        Assert.Throws<UnauthorizedAccessException>(() => service.ReleaseKillSwitch("a", admin: false, s_operator));
        Assert.True(service.ReleaseKillSwitch("a", admin: true, s_operator));
        Assert.Equal(TradeRetcode.Done, service.Send("a", Buy()).Retcode);
    }

    [Fact]
    public void EngageKillSwitch_Global_CancelsEveryAccountsOrders_KeepsPositions_BlocksAll()
    {
        var gate = new RecordingGate(new PreTradeGate(RiskConfiguration.Default));
        using var service = NewService(gate, out var ask);
        Assert.Equal(TradeRetcode.Done, service.Send("a", Buy()).Retcode);
        Assert.Equal(TradeRetcode.Done, service.Send("b", BuyLimit(ask)).Retcode);

        var engagement = service.EngageKillSwitch(null, closePositions: false, "market halt", s_operator);

        Assert.Equal(["a", "b"], engagement.Accounts.Select(a => a.Account));
        Assert.Empty(service.Read("b", a => a.Orders));
        Assert.Single(service.Read("a", a => a.Positions));
        Assert.Equal(RiskChecks.KillSwitch, service.Send("a", Buy()).RiskCheck);
        Assert.Equal(RiskChecks.KillSwitch, service.Send("b", Buy()).RiskCheck);
        Assert.True(service.ReleaseKillSwitch(null, admin: true));
        Assert.Equal(TradeRetcode.Done, service.Send("b", Buy()).Retcode);
    }

    [Fact]
    public void EngageKillSwitch_WithoutAGateThatHasOne_Throws()
    {
        using var service = new PaperTradingService(new SqliteTradingJournal(_directory.File("open.db")), SymbolCatalog.BuiltIn, new ListFeed("EURUSD", (1.1, 1.1001)), TimeProvider.System);

        Assert.Throws<InvalidOperationException>(() => service.EngageKillSwitch(null, false, "x"));
    }

    private PaperTradingService NewService(ITradeGate gate, out double ask)
    {
        var feed = new ListFeed("EURUSD", (1.10000, 1.10010), (1.10002, 1.10012));
        var service = new PaperTradingService(new SqliteTradingJournal(_directory.File("k.db")), SymbolCatalog.BuiltIn, feed, TimeProvider.System, gate);
        service.Create("a", PaperAccounts.DefaultSettings(), 10_000m);
        service.Create("b", PaperAccounts.DefaultSettings(2), 10_000m);
        foreach (var tick in feed.Ticks)
        {
            service.Process(tick);
        }

        ask = feed.Ticks[^1].Tick.Ask;
        return service;
    }

    private static TradeRequest Buy() => new() { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 0.1m };

    private static TradeRequest BuyLimit(double ask) =>
        new() { Action = TradeAction.Pending, Symbol = "EURUSD", Type = OrderType.BuyLimit, Volume = 0.1m, Price = Math.Round(ask - 0.001, 5) };

    /// <summary>The real gate, recording each committed step's audit records.</summary>
    private sealed class RecordingGate(PreTradeGate inner) : ITradeGate, IKillSwitch
    {
        public List<AuditRecord[]> Committed { get; } = [];

        public GateDecision Evaluate(TradingAccount account, TradeRequest request, TradeOrigin origin) => inner.Evaluate(account, request, origin);

        public void OnCommitted(TradingAccount account, AccountChanges changes)
        {
            Committed.Add([.. changes.Audit]);
            inner.OnCommitted(account, changes);
        }

        public bool Engage(string? account, TradeOrigin origin, string reason) => inner.Engage(account, origin, reason);

        public bool Release(string? account, TradeOrigin origin) => inner.Release(account, origin);

        public bool IsEngaged(string account) => inner.IsEngaged(account);
    }
}
