using MtMcp.Risk;
using MtMcp.Storage;
using MtMcp.Testing;

namespace MtMcp.Paper.Tests;

/// <summary>
/// Loss limits on the paper venue with the real gate and a SQLite journal: the equity peak is tracked on every quote
/// (and survives a restart), a breach blocks new risk and, with flatten_on_breach, closes and cancels everything
/// through the order path, every step audited.
/// </summary>
public sealed class LossLimitTests : IDisposable
{
    // 1 lot EURUSD bought at the ask 1.10010 on a 10,000 USD account (no commission): equity = 10,000 + (bid − 1.10010) × 100,000.
    private static readonly (double Bid, double Ask)[] s_quotes =
    [
        (1.10000, 1.10010), // 1: the buy fills here; equity 9,990
        (1.11000, 1.11010), // 2: equity 10,990, the peak, reached between orders
        (1.10500, 1.10510), // 3: equity 10,490, drawdown 500 / 10,990 = 4.55 %: the 80 % warning of the 5 % limit
        (1.10400, 1.10410), // 4: equity 10,390, drawdown 600 / 10,990 = 5.46 %: breach
    ];

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string JournalPath => _directory.File("paper.db");

    [Fact]
    public void Process_DrawdownBeyondLimitWithFlatten_ClosesCancelsRefusesAndAuditsEverything()
    {
        using (var service = NewService(flatten: true, out var feed))
        {
            Open(service, feed);
            foreach (var tick in feed.Ticks.Skip(1))
            {
                service.Process(tick);
            }

            Assert.Empty(service.Read("a", a => a.Positions));
            Assert.Empty(service.Read("a", a => a.Orders));
            // Closed at the bid 1.10400: 10,000 + (1.10400 − 1.10010) × 100,000 = 10,390.
            Assert.Equal(10_390m, service.Read("a", a => a.Balance));
            var closing = service.Read("a", a => a.Deals(HistoryQuery.All))[^1];
            Assert.Equal((DealEntry.Out, "risk flatten: max_drawdown"), (closing.Entry, closing.Comment));
            var cancelled = service.Read("a", a => a.HistoryOrders(HistoryQuery.All)).Single(o => o.Type == OrderType.BuyLimit);
            Assert.Equal(OrderState.Canceled, cancelled.State);

            var refused = service.Send("a", Buy());
            Assert.Equal((TradeRetcode.Reject, RiskChecks.MaxDrawdown), (refused.Retcode, refused.RiskCheck));
            Assert.Empty(service.Read("a", a => a.Positions));
        }

        var audit = ReadAudit();
        var breaches = audit.Where(r => r.Kind == PaperTradingService.BreachKind).ToList();
        Assert.Equal(2, breaches.Count);
        Assert.Contains("\"level\":\"warning\"", breaches[0].Payload, StringComparison.Ordinal);
        Assert.Contains("\"check\":\"max_drawdown\"", breaches[1].Payload, StringComparison.Ordinal);
        Assert.Contains("\"level\":\"breach\"", breaches[1].Payload, StringComparison.Ordinal);
        Assert.Contains("\"flatten\":true", breaches[1].Payload, StringComparison.Ordinal);
        var breachAt = audit.IndexOf(breaches[1]);
        var flattening = audit.Skip(breachAt + 1).Where(r => r.Channel == PaperTradingService.FlattenChannel).ToList();
        Assert.Equal(2, flattening.Count(r => r.Kind == "trade_result" && r.Payload.Contains("\"retcode\":10009", StringComparison.Ordinal)));
        Assert.Equal(2, flattening.Count(r => r.Kind == "risk_decision" && r.Payload.Contains("\"allowed\":true", StringComparison.Ordinal)));
        Assert.Contains(flattening, r => r.Kind == "deal" && r.Payload.Contains("risk flatten: max_drawdown", StringComparison.Ordinal));
        Assert.Contains(audit, r => r.Kind == "risk_decision" && r.Payload.Contains("\"check\":\"max_drawdown\"", StringComparison.Ordinal)
            && r.Payload.Contains("\"allowed\":false", StringComparison.Ordinal));
        Assert.True(AuditVerifier.Verify(JournalPath).IsIntact);

        // The compliance report from this journal: the breach, flattened, and the leverage of the one EURUSD lot:
        // 1 × 1.10010 × 100,000 = 110,010 USD on an equity of 9,990 at the fill = 11.012:1 against the EU retail cap of 30; 0 after the flatten.
        var report = ComplianceReports.Build(JournalPath, 0, long.MaxValue, "a");
        Assert.Contains(report.LimitEvents, e => (e.Reason, e.Level, e.Flatten) == (RiskChecks.MaxDrawdown, "breach", true));
        var leverage = Assert.Single(report.Leverage);
        Assert.Equal(("forex_major", 30, false), (leverage.AssetClass, leverage.Cap, leverage.OverCap));
        Assert.Equal(110_010.0 / 9_990, leverage.PeakRatio, 9);
        Assert.Equal(0, leverage.EndRatio);
    }

    [Fact]
    public void Process_DrawdownBeyondLimitWithoutFlatten_BlocksNewRiskButClosesNothing()
    {
        using (var service = NewService(flatten: false, out var feed))
        {
            Open(service, feed);
            foreach (var tick in feed.Ticks.Skip(1))
            {
                service.Process(tick);
            }

            Assert.Single(service.Read("a", a => a.Positions));
            Assert.Single(service.Read("a", a => a.Orders));
            Assert.Equal(10_000m, service.Read("a", a => a.Balance));
            Assert.Equal(RiskChecks.MaxDrawdown, service.Send("a", Buy()).RiskCheck);
        }

        var audit = ReadAudit();
        Assert.Contains(audit, r => r.Kind == PaperTradingService.BreachKind && r.Payload.Contains("\"flatten\":false", StringComparison.Ordinal)
            && r.Payload.Contains("\"level\":\"breach\"", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, r => r.Channel == PaperTradingService.FlattenChannel && r.Kind != PaperTradingService.BreachKind);
    }

    [Fact]
    public void Process_PeakReachedBetweenOrders_SurvivesARestartAndCounts()
    {
        var feed = new ListFeed("EURUSD", s_quotes);
        using (var service = NewService(flatten: false, feed))
        {
            Open(service, feed);
            service.Process(feed.Ticks[1]); // the peak, no order, no fill
        }

        var gate = Gate(flatten: false);
        using (var service = new PaperTradingService(new SqliteTradingJournal(JournalPath), SymbolCatalog.BuiltIn, feed, TimeProvider.System, gate))
        {
            service.PrimeQuotes();
            var status = service.Read("a", gate.Status);
            Assert.Equal(10_990, status.Peak, 6);
            Assert.False(status.DrawdownBlocked);

            service.Process(feed.Ticks[3]); // 10,390: 5.46 % below the stored peak, but above every equity seen since the restart

            var after = service.Read("a", gate.Status);
            Assert.True(after.DrawdownBlocked);
            Assert.Equal(600.0 / 10_990 * 100, after.DrawdownPercent, 6);
            Assert.Equal(RiskChecks.MaxDrawdown, service.Send("a", Buy()).RiskCheck);
        }
    }

    [Fact]
    public void Deposit_NewPeak_IsStoredWithTheStep()
    {
        var feed = new ListFeed("EURUSD", s_quotes);
        using (var service = NewService(flatten: false, feed))
        {
            Open(service, feed);
            service.Process(feed.Ticks[1]); // 10,990
            service.Deposit("a", 1_000m); // 11,990: the peak, stored with the deposit
        }

        var gate = Gate(flatten: false);
        using var restarted = new PaperTradingService(new SqliteTradingJournal(JournalPath), SymbolCatalog.BuiltIn, feed, TimeProvider.System, gate);
        restarted.PrimeQuotes();
        restarted.Process(feed.Ticks[3]); // 11,390: 600 / 11,990 = 5.004 % below the peak

        var status = restarted.Read("a", gate.Status);
        Assert.Equal(11_990, status.Peak, 6);
        Assert.True(status.DrawdownBlocked);
    }

    [Fact]
    public void Process_PeakOnAQuoteWithoutRiskMonitor_StoresNoRiskState()
    {
        var feed = new ListFeed("EURUSD", s_quotes);
        using (var service = new PaperTradingService(new SqliteTradingJournal(JournalPath), SymbolCatalog.BuiltIn, feed, TimeProvider.System))
        {
            Open(service, feed);
            service.Process(feed.Ticks[1]);
        }

        using var journal = new SqliteTradingJournal(JournalPath);
        Assert.Null(journal.Load("a")!.RiskState);
    }

    private static PreTradeGate Gate(bool flatten) =>
        new(RiskConfiguration.Create(new RiskLimits { MaxDrawdownPercent = 5, MaxDailyLossPercent = 0, FlattenOnBreach = flatten }));

    private PaperTradingService NewService(bool flatten, out ListFeed feed)
    {
        feed = new ListFeed("EURUSD", s_quotes);
        return NewService(flatten, feed);
    }

    private PaperTradingService NewService(bool flatten, ListFeed feed) =>
        new(new SqliteTradingJournal(JournalPath), SymbolCatalog.BuiltIn, feed, TimeProvider.System, Gate(flatten));

    /// <summary>Account a with 10,000 USD, one bought lot and a buy limit far below the market, at the first quote.</summary>
    private static void Open(PaperTradingService service, ListFeed feed)
    {
        service.Create("a", PaperAccounts.DefaultSettings(), 10_000m);
        service.Process(feed.Ticks[0]);
        Assert.Equal(TradeRetcode.Done, service.Send("a", Buy()).Retcode);
        Assert.Equal(TradeRetcode.Done, service.Send("a", new TradeRequest
        {
            Action = TradeAction.Pending, Symbol = "EURUSD", Type = OrderType.BuyLimit, Volume = 0.1m, Price = 1.09000,
        }).Retcode);
    }

    private static TradeRequest Buy() => new() { Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Buy, Volume = 1m };

    private List<AuditRecord> ReadAudit()
    {
        using var log = AuditLog.Open(JournalPath);
        return [.. log.Read(new AuditQuery { Limit = AuditLog.MaxLimit }).Select(e => e.Record)];
    }
}
