using System.Globalization;
using System.Text.Json;

namespace MtMcp.Server.Tests;

/// <summary>analyze_market: every value and label against hand calculations on the same bars (get_bars).</summary>
public sealed class AnalyzeMarketTests
{
    private static double? Number(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    [Fact]
    public async Task AnalyzeMarket_H1_ValuesAndLabelsMatchHandCalculations()
    {
        await using var server = await ServerHarness.StartAsync();
        var json = await server.CallOkAsync("analyze_market", new() { ["symbol"] = "eurusd", ["timeframes"] = new[] { "H1" } });
        Assert.Equal("EURUSD", json.GetProperty("symbol").GetString());
        var view = Assert.Single(json.GetProperty("timeframes").EnumerateArray());
        var bars = (await server.CallOkAsync("get_bars", new() { ["symbol"] = "EURUSD", ["timeframe"] = "H1", ["count"] = 400 }))
            .GetProperty("bars").EnumerateArray().ToList();
        Assert.Equal(400, view.GetProperty("bars").GetInt32());
        var close = bars.Select(b => b.GetProperty("close").GetDouble()).ToList();
        var high = bars.Select(b => b.GetProperty("high").GetDouble()).ToList();
        var low = bars.Select(b => b.GetProperty("low").GetDouble()).ToList();
        var last = close.Count - 1;
        Assert.Equal(bars[last].GetProperty("time").GetString(), view.GetProperty("time").GetString());
        Assert.Equal(close[last], view.GetProperty("close").GetDouble());

        // Trend: SMA 50/200, the SMA 50 slope over 10 bars, and the direction rule.
        var trend = view.GetProperty("trend");
        var sma50 = HandIndicators.Sma(close, last, 50);
        var sma200 = HandIndicators.Sma(close, last, 200);
        var slope = ((sma50 / HandIndicators.Sma(close, last - 10, 50)) - 1) * 100;
        Assert.Equal(sma50, trend.GetProperty("sma50").GetDouble(), 1e-9);
        Assert.Equal(sma200, trend.GetProperty("sma200").GetDouble(), 1e-9);
        Assert.Equal(slope, trend.GetProperty("sma50_slope_pct").GetDouble(), 1e-9);
        var direction = close[last] > sma50 && sma50 > sma200 && slope > 0 ? "uptrend"
            : close[last] < sma50 && sma50 < sma200 && slope < 0 ? "downtrend" : "sideways";
        Assert.Equal(direction, trend.GetProperty("direction").GetString());
        var adx = trend.GetProperty("adx").GetDouble();
        Assert.Equal(adx >= 25 ? "strong" : adx < 20 ? "weak" : "moderate", trend.GetProperty("strength").GetString());
        var line = trend.GetProperty("supertrend").GetDouble();
        Assert.Equal(line < close[last] ? "up" : "down", trend.GetProperty("supertrend_side").GetString());

        // Momentum: RSI 14 and its state.
        var momentum = view.GetProperty("momentum");
        var rsi = HandIndicators.Rsi(close, 14);
        Assert.Equal(rsi, momentum.GetProperty("rsi").GetDouble(), 1e-6);
        Assert.Equal(rsi >= 70 ? "overbought" : rsi <= 30 ? "oversold" : "neutral", momentum.GetProperty("rsi_state").GetString());
        var hist = momentum.GetProperty("macd_histogram").GetDouble();
        Assert.Equal(rsi > 50 && hist > 0 ? "bullish" : rsi < 50 && hist < 0 ? "bearish" : "mixed", momentum.GetProperty("bias").GetString());
        var k = momentum.GetProperty("stoch_k").GetDouble();
        Assert.InRange(k, 0, 100);
        Assert.Equal(k >= 80 ? "overbought" : k <= 20 ? "oversold" : "neutral", momentum.GetProperty("stoch_state").GetString());

        // Volatility: ATR 14, Bollinger width and its rank among the last 100 widths.
        var volatility = view.GetProperty("volatility");
        var atr = HandIndicators.Atr(high, low, close, 14);
        Assert.Equal(atr, volatility.GetProperty("atr").GetDouble(), 1e-9);
        Assert.Equal(atr / close[last] * 100, volatility.GetProperty("atr_pct").GetDouble(), 1e-7);
        var width = HandIndicators.BollingerWidthPct(close, last);
        Assert.Equal(width, volatility.GetProperty("bollinger_width_pct").GetDouble(), 1e-6);
        var earlier = Enumerable.Range(last - 99, 99).Select(i => HandIndicators.BollingerWidthPct(close, i)).ToList();
        var percentile = 100.0 * earlier.Count(w => w < width) / 99;
        Assert.Equal(percentile, volatility.GetProperty("bollinger_width_percentile").GetDouble(), 1e-9);
        Assert.Equal(percentile >= 80 ? "high" : percentile <= 20 ? "low" : "normal", volatility.GetProperty("regime").GetString());

        // Levels: Donchian 20 and the classic pivots of the previous UTC day.
        var levels = view.GetProperty("levels");
        Assert.Equal(high.Skip(last - 19).Max(), levels.GetProperty("donchian_high").GetDouble());
        Assert.Equal(low.Skip(last - 19).Min(), levels.GetProperty("donchian_low").GetDouble());
        var day = DateTime.Parse(bars[last].GetProperty("time").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal).Date;
        var previous = bars.Select((b, i) => (Time: DateTime.Parse(b.GetProperty("time").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), i))
            .Where(x => x.Time.Date == day.AddDays(-1)).Select(x => x.i).ToList();
        Assert.NotEmpty(previous);
        var (h, l, c) = (previous.Max(i => high[i]), previous.Min(i => low[i]), close[previous[^1]]);
        var pp = (h + l + c) / 3;
        Assert.Equal(pp, levels.GetProperty("pivot").GetDouble(), 1e-9);
        Assert.Equal((2 * pp) - l, levels.GetProperty("r1").GetDouble(), 1e-9);
        Assert.Equal((2 * pp) - h, levels.GetProperty("s1").GetDouble(), 1e-9);
        if (Number(levels, "swing_resistance") is { } resistance)
        {
            Assert.True(resistance > close[last]);
        }

        if (Number(levels, "swing_support") is { } support)
        {
            Assert.True(support < close[last]);
        }

        // Patterns: only the last three bars, each a bar of the series.
        var times = bars.Skip(last - 2).Select(b => b.GetProperty("time").GetString()).ToHashSet();
        foreach (var hit in view.GetProperty("patterns").EnumerateArray())
        {
            Assert.Contains(hit.GetProperty("time").GetString(), times);
            Assert.Equal(hit.GetProperty("signal").GetInt32() > 0 ? "bullish" : "bearish", hit.GetProperty("direction").GetString());
        }
    }

    [Fact]
    public async Task AnalyzeMarket_Defaults_AnalyseM15H1D1()
    {
        await using var server = await ServerHarness.StartAsync();
        var json = await server.CallOkAsync("analyze_market", new() { ["symbol"] = "XAUUSD" });
        Assert.Equal(["M15", "H1", "D1"], json.GetProperty("timeframes").EnumerateArray().Select(t => t.GetProperty("timeframe").GetString()));
    }

    [Theory]
    [InlineData("timeframes", new[] { "H5" }, "INVALID_ARGUMENT")]
    [InlineData("timeframes", new[] { "M1", "M5", "M15", "M30", "H1", "H4", "D1" }, "INVALID_ARGUMENT")]
    [InlineData("symbol", null, "UNKNOWN_SYMBOL")]
    public async Task AnalyzeMarket_BadArgument_NamesIt(string argument, string[]? timeframes, string code)
    {
        await using var server = await ServerHarness.StartAsync();
        var error = await server.CallErrorAsync("analyze_market", new()
        {
            ["symbol"] = timeframes is null ? "NOPE" : "EURUSD",
            ["timeframes"] = timeframes,
        });
        Assert.Equal(code, error.GetProperty("error_code").GetString());
        Assert.Equal(argument, error.GetProperty("argument").GetString());
    }
}
