using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace MtMcp.Server.Tests;

/// <summary>The reports toolset over the paper journal's audit chain: the log, its verification, and the compliance report.</summary>
public sealed class ReportToolsTests
{
    [Fact]
    public async Task GetAuditLog_AfterATrade_HasIntentDecisionResultAndDealInOrderAndPages()
    {
        await using var server = await ServerHarness.StartAsync();
        await server.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "audit-1" });

        var entries = (await server.CallOkAsync("get_audit_log", new() { ["client_order_id"] = "audit-1" })).GetProperty("entries").EnumerateArray().ToList();
        var kinds = entries.Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal("order_intent", kinds[0]);
        Assert.Equal("risk_decision", kinds[1]);
        Assert.Contains("trade_result", kinds);
        Assert.All(entries, e => Assert.Equal("mcp:place_order", e.GetProperty("channel").GetString()));
        var sequences = entries.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);

        // Paging: one record per page walks the same records.
        var first = await server.CallOkAsync("get_audit_log", new() { ["client_order_id"] = "audit-1", ["limit"] = 1 });
        var next = first.GetProperty("next_after_sequence").GetInt64();
        Assert.Equal(sequences[0], next);
        var second = await server.CallOkAsync("get_audit_log", new() { ["client_order_id"] = "audit-1", ["limit"] = 1, ["after_sequence"] = next });
        Assert.Equal(sequences[1], second.GetProperty("entries")[0].GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task ComplianceReport_JsonAndCsv_ListTheTransactionAndTheRefusal()
    {
        await using var server = await ServerHarness.StartAsync();
        await server.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "cr-1" });
        await server.CallErrorAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 40, ["client_order_id"] = "cr-2" });

        var json = await server.CallOkAsync("compliance_report", new() { ["from"] = "2026-03-01" });
        Assert.Equal(1, json.GetProperty("transactions").GetInt32());
        Assert.Equal(1, json.GetProperty("rejections").GetInt32());
        Assert.True(json.GetProperty("audit_intact").GetBoolean());
        var report = json.GetProperty("report");
        Assert.Equal(JsonValueKind.Object, report.ValueKind);
        Assert.Contains("EURUSD", report.GetRawText(), StringComparison.Ordinal);

        var csv = await server.CallAsync("compliance_report", new() { ["from"] = "2026-03-01", ["format"] = "csv" });
        Assert.True(csv.IsError is null or false);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(csv.Content)).Text;
        Assert.StartsWith("# summary", text, StringComparison.Ordinal);
        Assert.Contains("# transactions", text, StringComparison.Ordinal);
        Assert.Contains("leverage_limit", text, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, csv.StructuredContent!.Value.GetProperty("report").ValueKind);
    }

    [Fact]
    public async Task ComplianceReport_Html_IsAPageWithTheLeverageOfTheFill()
    {
        await using var server = await ServerHarness.StartAsync();
        await server.CallOkAsync("place_order", new() { ["symbol"] = "EURUSD", ["side"] = "buy", ["volume"] = 0.1, ["client_order_id"] = "ch-1" });

        var json = await server.CallOkAsync("compliance_report", new() { ["from"] = "2026-03-01" });
        var leverage = Assert.Single(json.GetProperty("report").GetProperty("leverage").EnumerateArray());
        Assert.Equal("forex_major", leverage.GetProperty("asset_class").GetString());
        Assert.True(leverage.GetProperty("peak_ratio").GetDouble() > 0);
        Assert.Equal(0, json.GetProperty("leverage_over_cap").GetInt32());

        var html = await server.CallAsync("compliance_report", new() { ["from"] = "2026-03-01", ["format"] = "html" });
        Assert.True(html.IsError is null or false);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(html.Content)).Text;
        Assert.StartsWith("<!DOCTYPE html>", text, StringComparison.Ordinal);
        Assert.Contains("<td>forex_major</td>", text, StringComparison.Ordinal);
    }
}
