using System.Text.Json;
using MtMcp.Indicators;

namespace MtMcp.Server.Tests;

/// <summary>list_indicators and calculate_indicator against the registry and hand calculations.</summary>
public sealed class AnalysisToolsTests
{
    [Fact]
    public async Task ListIndicators_All_ListsEveryRegistryIndicator()
    {
        await using var server = await ServerHarness.StartAsync();
        var json = await server.CallOkAsync("list_indicators");
        Assert.Equal(IndicatorRegistry.All.Select(i => i.Name), json.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        var rsi = json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "rsi");
        Assert.Equal("time_period", rsi.GetProperty("parameters")[0].GetProperty("name").GetString());
        Assert.Equal(14, rsi.GetProperty("parameters")[0].GetProperty("default").GetDouble());
        Assert.Equal(14, rsi.GetProperty("lookback").GetInt32());
    }

    [Fact]
    public async Task ListIndicators_ByGroup_ListsOnlyThatGroup()
    {
        await using var server = await ServerHarness.StartAsync();
        var json = await server.CallOkAsync("list_indicators", new() { ["group"] = "patternrecognition" });
        var expected = IndicatorRegistry.All.Count(i => i.Info.Group == IndicatorGroup.PatternRecognition);
        Assert.True(expected > 50);
        Assert.Equal(expected, json.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task CalculateIndicator_Sma_IsTheMeanOfTheLastCloses()
    {
        await using var server = await ServerHarness.StartAsync();
        var bars = await server.CallOkAsync("get_bars", new() { ["symbol"] = "EURUSD", ["timeframe"] = "H1", ["count"] = 30 });
        var closes = bars.GetProperty("bars").EnumerateArray().Select(b => b.GetProperty("close").GetDouble()).ToList();
        var json = await server.CallOkAsync("calculate_indicator", new()
        {
            ["name"] = "SMA", ["symbol"] = "EURUSD", ["timeframe"] = "H1", ["params"] = new Dictionary<string, object> { ["period"] = 20 }, ["count"] = 3,
        });
        Assert.Equal(["real"], json.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()));
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(bars.GetProperty("bars")[29].GetProperty("time").GetString(), rows[2].GetProperty("time").GetString());
        for (var k = 0; k < 3; k++)
        {
            var end = closes.Count - 2 + k;   // rows[k] is bar index end - 1
            var mean = closes.Skip(end - 20).Take(20).Average();
            Assert.Equal(mean, rows[k].GetProperty("values")[0].GetDouble(), 1e-12);
        }
    }

    [Fact]
    public async Task CalculateIndicator_MacdWithMaTypeName_ReturnsThreeOutputs()
    {
        await using var server = await ServerHarness.StartAsync();
        var json = await server.CallOkAsync("calculate_indicator", new()
        {
            ["name"] = "bbands", ["symbol"] = "XAUUSD", ["timeframe"] = "M15", ["params"] = new Dictionary<string, object> { ["time_period"] = 10, ["ma_type"] = "ema" },
        });
        Assert.Equal(3, json.GetProperty("outputs").GetArrayLength());
        Assert.Contains("ma_type=ema", json.GetProperty("parameters").GetString(), StringComparison.Ordinal);
        foreach (var row in json.GetProperty("rows").EnumerateArray())
        {
            var v = row.GetProperty("values").EnumerateArray().Select(x => x.GetDouble()).ToList();
            Assert.True(v[0] >= v[1] && v[1] >= v[2], "upper >= middle >= lower");
        }

        Assert.Equal(JsonValueKind.Array, json.GetProperty("rows").ValueKind);
    }

    [Fact]
    public async Task DetectPatterns_Engulfing_EveryHitEngulfsThePreviousBody()
    {
        await using var server = await ServerHarness.StartAsync();
        var scan = await server.CallOkAsync("detect_patterns", new() { ["symbol"] = "EURUSD", ["timeframe"] = "M5", ["count"] = 500, ["patterns"] = new[] { "CDLENGULFING" } });
        Assert.Equal(500, scan.GetProperty("bars_scanned").GetInt32());
        var bars = (await server.CallOkAsync("get_bars", new() { ["symbol"] = "EURUSD", ["timeframe"] = "M5", ["count"] = 501 })).GetProperty("bars")
            .EnumerateArray().ToList();
        var byTime = bars.Select((b, i) => (Time: b.GetProperty("time").GetString()!, Index: i)).ToDictionary(x => x.Time, x => x.Index);
        var hits = scan.GetProperty("patterns").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.Equal(hits.Count, scan.GetProperty("count").GetInt32());
        foreach (var hit in hits)
        {
            Assert.Equal("cdlengulfing", hit.GetProperty("name").GetString());
            var i = byTime[hit.GetProperty("time").GetString()!];
            double open = bars[i].GetProperty("open").GetDouble(), close = bars[i].GetProperty("close").GetDouble();
            double prevOpen = bars[i - 1].GetProperty("open").GetDouble(), prevClose = bars[i - 1].GetProperty("close").GetDouble();
            var bullish = hit.GetProperty("signal").GetInt32() > 0;
            Assert.Equal(bullish ? "bullish" : "bearish", hit.GetProperty("direction").GetString());
            // The definition: opposite colours, and this body covers the previous one.
            Assert.Equal(bullish, close > open);
            Assert.Equal(bullish, prevClose < prevOpen);
            Assert.True(Math.Max(open, close) >= Math.Max(prevOpen, prevClose) && Math.Min(open, close) <= Math.Min(prevOpen, prevClose));
        }

        // Newest first.
        Assert.Equal(hits.Select(h => h.GetProperty("time").GetString()).OrderDescending(StringComparer.Ordinal), hits.Select(h => h.GetProperty("time").GetString()));
    }

    [Fact]
    public async Task DetectPatterns_UnknownPattern_IsAnInvalidArgument()
    {
        await using var server = await ServerHarness.StartAsync();
        var error = await server.CallErrorAsync("detect_patterns", new() { ["symbol"] = "EURUSD", ["timeframe"] = "H1", ["patterns"] = new[] { "cdlengulfing", "rsi" } });
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("error_code").GetString());
        Assert.Contains("rsi", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
