using MtMcp.Storage;
using MtMcp.Testing;

namespace MtMcp.Paper.Tests;

/// <summary>What the paper venue leaves in the journal's audit chain, read back from the file after the service closed.</summary>
public sealed class PaperAuditTrailTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string _path;

    public PaperAuditTrailTests() => _path = _directory.File("accounts.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Send_RefusedByTheGate_LeavesIntentDecisionAndResultInTheVerifiedChain()
    {
        using (var service = NewService(new RefusingGate()))
        {
            service.Create("a", PaperAccounts.DefaultSettings(), 10_000m);
            var result = service.Send(
                "a",
                new TradeRequest { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 50m, ClientOrderId = "c-big" },
                new TradeOrigin("key-7", "mcp:place_order"));
            Assert.Equal(TradeRetcode.Reject, result.Retcode);
        }

        using var log = AuditLog.Open(_path);
        var order = log.Read(new AuditQuery { ClientOrderId = "c-big" });
        Assert.Equal(["order_intent", "risk_decision", "trade_result"], order.Select(e => e.Record.Kind));
        Assert.All(order, e => Assert.Equal(("a", "key-7", "mcp:place_order"), (e.Record.Account, e.Record.Actor, e.Record.Channel)));
        Assert.Contains("\"volume\":50", order[0].Record.Payload, StringComparison.Ordinal);
        Assert.Contains("\"allowed\":false", order[1].Record.Payload, StringComparison.Ordinal);
        Assert.Contains("\"check\":\"max_order_volume\"", order[1].Record.Payload, StringComparison.Ordinal);
        Assert.Contains("\"retcode\":10006", order[2].Record.Payload, StringComparison.Ordinal);
        Assert.Empty(log.Read(new AuditQuery { Kind = "deal" })); // nothing reached the venue
        Assert.True(AuditVerifier.Verify(_path).IsIntact);
    }

    [Fact]
    public void CreateResetRemove_AreAuditedAsAccountRecordsWithTheActor()
    {
        var admin = new TradeOrigin("admin-1", "cli:paper");
        using (var service = NewService(null))
        {
            service.Create("b", PaperAccounts.DefaultSettings() with { SpreadMarkupPoints = 7 }, 2_500m, admin);
            service.Reset("b", 1_000m, admin);
            Assert.True(service.Remove("b", admin));
            Assert.False(service.Remove("b", admin));
        }

        using var log = AuditLog.Open(_path);
        var records = log.Read(new AuditQuery { Kind = "account", Account = "b" });
        Assert.Equal(3, records.Count);
        Assert.All(records, e => Assert.Equal(("admin-1", "cli:paper"), (e.Record.Actor, e.Record.Channel)));
        Assert.Contains("\"action\":\"create\"", records[0].Record.Payload, StringComparison.Ordinal);
        Assert.Contains("\"deposit\":2500", records[0].Record.Payload, StringComparison.Ordinal);
        Assert.Contains("\"spread_markup_points\":7", records[0].Record.Payload, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"reset\"", records[1].Record.Payload, StringComparison.Ordinal);
        Assert.Contains("\"deposit\":1000", records[1].Record.Payload, StringComparison.Ordinal);
        Assert.Equal("{\"action\":\"remove\"}", records[2].Record.Payload);
        Assert.True(AuditVerifier.Verify(_path).IsIntact);
    }

    [Fact]
    public void ComplianceReport_MixedDay_ListsDealsWithTheirDecisionMakersRefusalsByReasonAndKillSwitch()
    {
        var feed = new ListFeed("EURUSD", (1.10000, 1.10010), (1.09900, 1.09910), (1.09800, 1.09810));
        TradeResult market, limit, invalid;
        using (var service = new PaperTradingService(
            new SqliteTradingJournal(_path, JournalDurability.ProcessCrashSafe, new AuditOptions { Time = TimeProvider.System }),
            SymbolCatalog.BuiltIn, feed, TimeProvider.System, new RefusingGate { AboveLots = 10m }))
        {
            service.Process(feed.Ticks[0]);
            service.Create("a", PaperAccounts.DefaultSettings(), 100_000m);
            market = service.Send("a", Buy(0.3m, "m-1"), new TradeOrigin("key-7", "mcp:place_order"));
            limit = service.Send("a", Buy(0.2m, "l-1") with { Action = TradeAction.Pending, Type = OrderType.BuyLimit, Price = 1.0992 }, new TradeOrigin("algo-sma", "strategy:sma_cross"));
            service.Send("a", Buy(20m, "big-1"), new TradeOrigin("key-7", "mcp:place_order"));
            service.Send("a", Buy(30m, "big-2"), new TradeOrigin("key-7", "mcp:place_order"));
            invalid = service.Send("a", Buy(0.001m, "tiny"), new TradeOrigin("key-7", "mcp:place_order"));
            Assert.Equal((TradeRetcode.Done, 0UL, TradeOutcome.Rejected), (market.Retcode, limit.Deal, invalid.Outcome)); // the limit order only rests
            service.Process(feed.Ticks[1]); // the ask 1.09910 reaches the limit 1.0992: the venue fills it
        }

        using (var other = new SqliteTradingJournal(_path, JournalDurability.ProcessCrashSafe, new AuditOptions { Time = TimeProvider.System }))
        {
            other.AppendAudit([new AuditRecord("kill_switch", feed.Ticks[1].Tick.TimeMs, "a", "admin-1", "cli:risk", null, "{\"engaged\":true}")]);
        }

        var report = ComplianceReports.Build(_path, feed.Ticks[0].Tick.TimeMs - 60_000, feed.Ticks[^1].Tick.TimeMs + 60_000, "a");

        Assert.Equal(2, report.Transactions.Count);
        var (first, second) = (report.Transactions[0], report.Transactions[1]);
        Assert.Equal(("EURUSD", "BUY", 0.3m, "key-7", "key-7", "m-1", market.Deal), (first.Instrument, first.Side, first.Quantity, first.DecisionMaker, first.ExecutedBy, first.ClientOrderId, first.Deal));
        Assert.Equal(feed.Ticks[0].Tick.Ask, first.Price);
        Assert.Equal(("BUY", 0.2m, "algo-sma", "venue", "strategy:sma_cross", limit.Order), (second.Side, second.Quantity, second.DecisionMaker, second.ExecutedBy, second.Channel, second.Order));
        Assert.Equal(["a-" + market.Deal.ToString(System.Globalization.CultureInfo.InvariantCulture)], report.Transactions.Take(1).Select(t => t.Reference));
        Assert.Equal(2, report.Rejections.Single(r => r.Source == "risk_gate" && r.Reason == "max_order_volume").Count);
        Assert.StartsWith(((int)invalid.Retcode).ToString(System.Globalization.CultureInfo.InvariantCulture) + " ", report.Rejections.Single(r => r.Source == "venue").Reason, StringComparison.Ordinal);
        Assert.Equal("admin-1", Assert.Single(report.KillSwitchEvents).Record.Actor);
        Assert.True(report.Verification.IsIntact);

        var csv = ComplianceReportWriter.ToCsv(report);
        Assert.Contains("# transactions\r\nreference,time_utc,account,instrument,side,quantity_lots,price,venue,decision_maker", csv, StringComparison.Ordinal);
        Assert.Contains(",EURUSD,BUY,0.2,", csv, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(ComplianceReportWriter.ToJson(report));
        Assert.Equal(2, json.RootElement.GetProperty("transactions").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("verification").GetProperty("intact").GetBoolean());
    }

    private static TradeRequest Buy(decimal lots, string id) =>
        new() { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = lots, ClientOrderId = id };

    private PaperTradingService NewService(ITradeGate? gate)
    {
        var feed = new ListFeed("EURUSD", (1.10000, 1.10010));
        var service = new PaperTradingService(
            new SqliteTradingJournal(_path, JournalDurability.ProcessCrashSafe, new AuditOptions { Time = TimeProvider.System }),
            SymbolCatalog.BuiltIn, feed, TimeProvider.System, gate);
        service.Process(feed.Ticks[0]);
        return service;
    }

    /// <summary>Refuses orders above <see cref="AboveLots"/> (default: every order).</summary>
    private sealed class RefusingGate : ITradeGate
    {
        public decimal AboveLots { get; init; } = -1m;

        public GateDecision Evaluate(TradingAccount account, TradeRequest request, TradeOrigin origin) =>
            request.Volume > AboveLots
                ? new(false, "max_order_volume", "the volume is more than the 10 lots allowed per order", request)
                : GateDecision.Allow(request);

        public void OnCommitted(TradingAccount account, AccountChanges changes)
        {
        }
    }
}
