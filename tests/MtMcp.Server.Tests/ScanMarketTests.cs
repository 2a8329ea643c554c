using System.Text.Json;

namespace MtMcp.Server.Tests;

/// <summary>scan_market: matches against a hand evaluation of the condition on the latest closed bars (get_bars).</summary>
public sealed class ScanMarketTests
{
    private static readonly string[] s_symbols = ["EURUSD", "GBPUSD", "USDJPY", "AUDUSD", "USDCHF", "XAUUSD"];

    [Fact]
    public async Task ScanMarket_CloseAboveSma_ListsExactlyTheHandMatches()
    {
        await using var server = await ServerHarness.StartAsync();
        var json = await server.CallOkAsync("scan_market", new()
        {
            ["condition"] = "close > sma(close, 20)", ["symbols"] = s_symbols, ["timeframe"] = "H1", ["lookback"] = 50,
        });
        Assert.Equal(s_symbols.Length, json.GetProperty("scanned").GetInt32());
        Assert.Equal(0, json.GetProperty("skipped").GetArrayLength());
        var matches = json.GetProperty("matches").EnumerateArray().ToDictionary(m => m.GetProperty("symbol").GetString()!);
        var expected = new List<string>();
        foreach (var symbol in s_symbols)
        {
            // The clock stands at 14:30, so the 14:00 bar is forming and 13:00 is the latest closed one.
            var bars = (await server.CallOkAsync("get_bars", new() { ["symbol"] = symbol, ["timeframe"] = "H1", ["count"] = 21 }))
                .GetProperty("bars").EnumerateArray().ToList();
            Assert.EndsWith("T14:00:00Z", bars[^1].GetProperty("time").GetString(), StringComparison.Ordinal);
            var closed = bars[..^1].Select(b => b.GetProperty("close").GetDouble()).ToList();
            var sma = HandIndicators.Sma(closed, closed.Count - 1, 20);
            if (closed[^1] > sma)
            {
                expected.Add(symbol);
                var match = matches[symbol];
                Assert.Equal(bars[^2].GetProperty("time").GetString(), match.GetProperty("time").GetString());
                var values = match.GetProperty("values").EnumerateArray().ToList();
                Assert.Equal(["close", "sma(close, 20)"], values.Select(v => v.GetProperty("series").GetString()));
                Assert.Equal(closed[^1], values[0].GetProperty("value").GetDouble());
                Assert.Equal(sma, values[1].GetProperty("value").GetDouble(), 1e-9);
            }
        }

        Assert.Equal(expected.Order(), matches.Keys.Order());
        // The opposite condition matches the rest: the scan is not trivially empty or full.
        var opposite = await server.CallOkAsync("scan_market", new()
        {
            ["condition"] = "not (close > sma(close, 20))", ["symbols"] = s_symbols, ["lookback"] = 50,
        });
        Assert.Equal(s_symbols.Except(expected).Order(), opposite.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("symbol").GetString()!).Order());
    }

    [Fact]
    public async Task ScanMarket_ShortLookback_SkipsWarmingSymbols()
    {
        await using var server = await ServerHarness.StartAsync();
        var json = await server.CallOkAsync("scan_market", new() { ["condition"] = "rsi(close, 14) > 0", ["symbols"] = new[] { "EURUSD" }, ["lookback"] = 10 });
        Assert.Equal(0, json.GetProperty("count").GetInt32());
        Assert.Equal("EURUSD", Assert.Single(json.GetProperty("skipped").EnumerateArray()).GetProperty("symbol").GetString());
    }

    [Fact]
    public async Task ScanMarket_ByAssetClass_ScansThatClassOnly()
    {
        await using var server = await ServerHarness.StartAsync();
        var listed = await server.CallOkAsync("list_symbols", new() { ["asset_class"] = "MajorCurrencyPair" });
        var json = await server.CallOkAsync("scan_market", new() { ["condition"] = "close > 0", ["asset_class"] = "majorcurrencypair", ["lookback"] = 10 });
        Assert.Equal(listed.GetProperty("count").GetInt32(), json.GetProperty("scanned").GetInt32());
        Assert.Equal(listed.GetProperty("symbols").EnumerateArray().Select(s => s.GetProperty("name").GetString()),
            json.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("symbol").GetString()));
    }

    [Theory]
    [InlineData("close > smaa(close, 20)", "1:9:")]
    [InlineData("close > (sma(close, 20)", "1:")]
    [InlineData("close * 2", "1:1:")]
    public async Task ScanMarket_BadCondition_IsInvalidArgumentWithPosition(string condition, string position)
    {
        await using var server = await ServerHarness.StartAsync();
        var error = await server.CallErrorAsync("scan_market", new() { ["condition"] = condition, ["symbols"] = new[] { "EURUSD" } });
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("error_code").GetString());
        Assert.Equal("condition", error.GetProperty("argument").GetString());
        Assert.Contains(": " + position, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanMarket_TooManySymbols_IsTooLarge()
    {
        await using var server = await ServerHarness.StartAsync();
        var error = await server.CallErrorAsync("scan_market", new() { ["condition"] = "close > 0", ["symbols"] = Enumerable.Repeat("EURUSD", 51).ToArray() });
        Assert.Equal("TOO_LARGE", error.GetProperty("error_code").GetString());
        Assert.Equal(JsonValueKind.False, error.GetProperty("retryable").ValueKind);
    }
}
