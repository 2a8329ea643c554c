using System.Text.Json;
using MtMcp.Testing;

namespace MtMcp.Storage.Tests;

/// <summary>
/// The compliance report's limit events and leverage sections, and its HTML form, on a journal whose audit chain the
/// test writes (the expected figures are worked out by hand in the comments).
/// </summary>
public sealed class ComplianceReportTests : IDisposable
{
    private const long T0 = Samples.T0;

    private readonly TempDirectory _temp = new();

    public ComplianceReportTests()
    {
        using var journal = new SqliteTradingJournal(Path);
        journal.AppendAudit(
        [
            // Before the period: forex_major 100,000 on equity 10,000 = 10:1, carried into the period; a breach not reported.
            Exposure(T0 - 1000, 10_000, ("forex_major", 100_000, 30)),
            Breach(T0 - 500, "daily_loss_limit", "breach", 6, 5, flatten: false),
            // In the period: 250,000 / 10,000 = 25:1 and gold 50,000 / 10,000 = 5:1.
            Exposure(T0 + 1000, 10_000, ("forex_major", 250_000, 30), ("gold", 50_000, 20)),
            Breach(T0 + 2000, "max_drawdown", "warning", 4.2, 5, flatten: false),
            // 320,000 / 8,000 = 40:1, over the cap of 30; gold closed (absent = 0).
            Exposure(T0 + 3000, 8_000, ("forex_major", 320_000, 30)),
            Breach(T0 + 4000, "max_drawdown", "breach", 5.5, 5, flatten: true),
            Exposure(T0 + 4000, 7_900),
            new AuditRecord("risk_breach", T0 + 5000, "a", "risk", "risk_gate", null,
                """{"actor":"bot-1","check":"repeated_execution","flatten":false,"level":"breach","limit":3,"message":"3 identical","value":3}"""),
            new AuditRecord("kill_switch", T0 + 6000, "a", "ops-1", "cli:risk", null,
                """{"action":"engage","close_positions":true,"reason":"ops <b>halt</b> & \"stop\"","scope":"account"}"""),
            // After the period (its end is T0 + 10,000, exclusive).
            Exposure(T0 + 20_000, 1_000, ("forex_major", 900_000, 30)),
        ]);
    }

    private string Path => _temp.File("journal.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Build_LimitEvents_ListsThePeriodsWarningsBreachesTripsAndKillSwitchByReason()
    {
        var report = ComplianceReports.Build(Path, T0, T0 + 10_000, "a");

        Assert.Equal(
            [("max_drawdown", "warning"), ("max_drawdown", "breach"), ("repeated_execution", "breach"), ("kill_switch", "engage")],
            report.LimitEvents.Select(e => (e.Reason, e.Level)));
        var breach = report.LimitEvents[1];
        Assert.Equal((5.5, 5.0, true), (breach.Value, breach.Limit, breach.Flatten));
        Assert.Equal("bot-1", report.LimitEvents[2].Actor);
        Assert.True(report.LimitEvents[3].Flatten);
        Assert.Equal(4, report.LimitEventCounts.Count);
        Assert.All(report.LimitEventCounts, c => Assert.Equal(1, c.Count));
        Assert.Equal(report.LimitEvents[0].Sequence, report.LimitEventCounts.Single(c => c.Level == "warning").FirstSequence);
    }

    [Fact]
    public void Build_Leverage_PeakAndEndRatioPerClassAgainstTheCap()
    {
        var report = ComplianceReports.Build(Path, T0, T0 + 10_000, "a");

        Assert.Equal(["forex_major", "gold"], report.Leverage.Select(l => l.AssetClass));
        var forex = report.Leverage[0];
        Assert.Equal(("a", 30, 40.0, T0 + 3000, 0.0, true), (forex.Account, forex.Cap, forex.PeakRatio, forex.PeakTimeMs, forex.EndRatio, forex.OverCap));
        var gold = report.Leverage[1];
        Assert.Equal((20, 5.0, T0 + 1000, 0.0, false), (gold.Cap, gold.PeakRatio, gold.PeakTimeMs, gold.EndRatio, gold.OverCap));
    }

    [Fact]
    public void Build_PeriodAfterTheLastSample_CarriesTheHeldExposureIn()
    {
        // Up to T0 + 3,000 only: the 40:1 sample is not in it; the 25:1 one is, and it is also the end.
        var report = ComplianceReports.Build(Path, T0 + 1500, T0 + 3000, "a");

        var forex = report.Leverage.Single(l => l.AssetClass == "forex_major");
        Assert.Equal((25.0, T0 + 1500, 25.0, false), (forex.PeakRatio, forex.PeakTimeMs, forex.EndRatio, forex.OverCap));
    }

    [Fact]
    public void ToCsvAndJson_HaveTheNewSections()
    {
        var report = ComplianceReports.Build(Path, T0, T0 + 10_000, "a");

        var csv = ComplianceReportWriter.ToCsv(report);
        Assert.Contains("# leverage\r\naccount,asset_class,cap,peak_ratio,peak_time_utc,end_ratio,over_cap\r\na,forex_major,30,40,", csv, StringComparison.Ordinal);
        Assert.Contains("# limit_events_by_reason\r\n", csv, StringComparison.Ordinal);
        Assert.Contains(",kill_switch,engage,,,true,ops-1,", csv, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(ComplianceReportWriter.ToJson(report));
        Assert.Equal(4, json.RootElement.GetProperty("limit_events").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("limit_events")[3].GetProperty("value").ValueKind);
        Assert.True(json.RootElement.GetProperty("leverage")[0].GetProperty("over_cap").GetBoolean());
    }

    [Fact]
    public void ToHtml_IsOneSelfContainedPage_WithEveryOutsideValueEscaped()
    {
        var report = ComplianceReports.Build(Path, T0, T0 + 10_000, "a");

        var html = ComplianceReportWriter.ToHtml(report);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>halt", html, StringComparison.Ordinal);
        Assert.Contains("ops &lt;b&gt;halt&lt;/b&gt; &amp; &quot;stop&quot;", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"bad\"><td>a</td><td>forex_major</td><td class=\"num\">30</td><td>40:1</td>", html, StringComparison.Ordinal);
        Assert.Equal(html.Split("<table>").Length - 1, html.Split("</table>").Length - 1);
    }

    private static AuditRecord Exposure(long timeMs, double equity, params (string Class, double Exposure, int Cap)[] classes)
    {
        var byClass = new CanonicalJson();
        foreach (var (name, exposure, cap) in classes)
        {
            byClass.Add(name, new CanonicalJson().Add("exposure", exposure).Add("cap", (long)cap));
        }

        return new AuditRecord("exposure", timeMs, "a", "venue", "venue", null,
            new CanonicalJson().Add("equity", equity).Add("currency", "USD").Add("profile", "EU_RETAIL").Add("classes", byClass).Add("unvalued", "").ToString());
    }

    private static AuditRecord Breach(long timeMs, string check, string level, double value, double limit, bool flatten) =>
        new("risk_breach", timeMs, "a", "risk", "risk_gate", null, new CanonicalJson()
            .Add("check", check).Add("level", level).Add("value", value).Add("limit", limit).Add("flatten", flatten).Add("actor", "").Add("message", "m").ToString());
}
