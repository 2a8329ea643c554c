using System.Text.Json;
using MtMcp.DemoMarket;
using MtMcp.Domain;

namespace MtMcp.Server.Tests;

/// <summary>The market tools against the catalogue and an independently built demo market.</summary>
public sealed class MarketToolsTests
{
    private static readonly DemoMarket.DemoMarket s_market = new(new DemoMarketOptions());

    [Fact]
    public async Task GetSymbol_Eurusd_ReportsTheCatalogueSpecification()
    {
        await using var server = await ServerHarness.StartAsync();
        var spec = SymbolCatalog.BuiltIn.Get("EURUSD");
        var json = await server.CallOkAsync("get_symbol", new() { ["symbol"] = "eurusd" });
        Assert.Equal("EURUSD", json.GetProperty("name").GetString());
        Assert.Equal(spec.Digits, json.GetProperty("digits").GetInt32());
        Assert.Equal(spec.ContractSize, json.GetProperty("contract_size").GetDouble());
        Assert.Equal(spec.VolumeStep, json.GetProperty("volume_step").GetDecimal());
        Assert.Equal(spec.TradeSessions.Count, json.GetProperty("trade_sessions").GetArrayLength());
        Assert.Equal("Sunday", json.GetProperty("trade_sessions")[0].GetProperty("day").GetString());
        Assert.Equal("22:00", json.GetProperty("trade_sessions")[0].GetProperty("from").GetString());
        Assert.Equal(30, json.GetProperty("esma_max_leverage").GetInt32());
    }

    [Fact]
    public async Task ListSymbols_ByAssetClassAndText_ReturnsExactlyTheMatchingCatalogueSymbols()
    {
        await using var server = await ServerHarness.StartAsync();
        var crypto = await server.CallOkAsync("list_symbols", new() { ["asset_class"] = "crypto" });
        var expected = SymbolCatalog.BuiltIn.Where(s => s.AssetClass == EsmaAssetClass.Crypto).Select(s => s.Name).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, crypto.GetProperty("symbols").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(expected.Count, crypto.GetProperty("count").GetInt32());

        var usd = await server.CallOkAsync("list_symbols", new() { ["filter"] = "jpy" });
        Assert.All(usd.GetProperty("symbols").EnumerateArray(), s => Assert.Contains("JPY", s.GetProperty("name").GetString() + s.GetProperty("description").GetString(), StringComparison.OrdinalIgnoreCase));
        Assert.Contains(usd.GetProperty("symbols").EnumerateArray(), s => s.GetProperty("name").GetString() == "USDJPY");

        var all = await server.CallOkAsync("list_symbols");
        Assert.Equal(SymbolCatalog.BuiltIn.Count, all.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task GetQuote_SeveralSymbols_AreTheLastDemoTicksBeforeNow()
    {
        await using var server = await ServerHarness.StartAsync();
        var json = await server.CallOkAsync("get_quote", new() { ["symbols"] = new[] { "EURUSD", "xauusd" } });
        var quotes = json.GetProperty("quotes");
        Assert.Equal(2, quotes.GetArrayLength());

        // The reference: the demo market's own ticks over the ten minutes before the fake clock's now.
        var last = new Dictionary<string, Tick>();
        foreach (var (symbol, tick) in s_market.GenerateTicks(ServerHarness.Now.AddMinutes(-10), ServerHarness.Now))
        {
            last[symbol] = tick;
        }

        foreach (var quote in quotes.EnumerateArray())
        {
            var name = quote.GetProperty("symbol").GetString()!;
            var tick = last[name];
            var spec = SymbolCatalog.BuiltIn.Get(name);
            Assert.Equal(tick.Bid, quote.GetProperty("bid").GetDouble());
            Assert.Equal(tick.Ask, quote.GetProperty("ask").GetDouble());
            Assert.Equal(tick.TimeMs, quote.GetProperty("time_ms").GetInt64());
            Assert.Equal((int)Math.Round((tick.Ask - tick.Bid) / spec.Point), quote.GetProperty("spread_points").GetInt32());
            Assert.True(quote.GetProperty("market_open").GetBoolean());
        }
    }

    [Fact]
    public async Task GetBars_LastH1Bars_AggregateTheDemoMinuteBarsByHand()
    {
        await using var server = await ServerHarness.StartAsync();
        var json = await server.CallOkAsync("get_bars", new() { ["symbol"] = "EURUSD", ["timeframe"] = "h1", ["count"] = 5 });
        Assert.Equal("demo", json.GetProperty("source").GetString());
        Assert.Equal("H1", json.GetProperty("timeframe").GetString());
        var bars = json.GetProperty("bars").EnumerateArray().ToList();
        Assert.Equal(5, bars.Count);
        Assert.Equal("2026-03-04T14:00:00Z", bars[^1].GetProperty("time").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("earlier_to").GetString()));

        // Reference: every M1 bar of each hour up to now, aggregated here (first open, max high, min low, last close, summed ticks).
        var m1 = s_market.GenerateM1("EURUSD", ServerHarness.Now.AddHours(-6), ServerHarness.Now);
        foreach (var bar in bars)
        {
            var open = DateTimeOffset.Parse(bar.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
            var minutes = m1.Where(b => b.Time >= open && b.Time < open + 3600).ToList();
            Assert.Equal(minutes[0].Open, bar.GetProperty("open").GetDouble());
            Assert.Equal(minutes.Max(b => b.High), bar.GetProperty("high").GetDouble());
            Assert.Equal(minutes.Min(b => b.Low), bar.GetProperty("low").GetDouble());
            Assert.Equal(minutes[^1].Close, bar.GetProperty("close").GetDouble());
            Assert.Equal(minutes.Sum(b => b.TickVolume), bar.GetProperty("tick_volume").GetInt64());
        }
    }

    [Fact]
    public async Task GetBars_RangeLongerThanAPage_ContinuesWithNextFrom()
    {
        await using var server = await ServerHarness.StartAsync();
        var from = "2026-02-23T00:00:00Z";
        var first = await server.CallOkAsync("get_bars", new() { ["symbol"] = "EURUSD", ["timeframe"] = "M1", ["from"] = from, ["to"] = "2026-03-03T00:00:00Z" });
        Assert.Equal(5000, first.GetProperty("count").GetInt32());
        var next = first.GetProperty("next_from").GetString()!;
        var second = await server.CallOkAsync("get_bars", new() { ["symbol"] = "EURUSD", ["timeframe"] = "M1", ["from"] = next, ["to"] = "2026-03-03T00:00:00Z" });

        // The two pages together are exactly the demo market's minutes in the range.
        var reference = s_market.GenerateM1("EURUSD", DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), new DateTimeOffset(2026, 3, 3, 0, 1, 0, TimeSpan.Zero));
        var times = first.GetProperty("bars").EnumerateArray().Concat(second.GetProperty("bars").EnumerateArray()).Select(b => b.GetProperty("time").GetString()).ToList();
        Assert.Equal(reference.Select(b => DateTimeOffset.FromUnixTimeSeconds(b.Time).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)), times);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_from").ValueKind);
    }

    [Fact]
    public async Task GetTicks_LastTicks_AreTheDemoTicksOfTheSymbol()
    {
        await using var server = await ServerHarness.StartAsync();
        var json = await server.CallOkAsync("get_ticks", new() { ["symbol"] = "GBPUSD", ["count"] = 20 });
        var reference = s_market.GenerateTicks(ServerHarness.Now.AddMinutes(-5), ServerHarness.Now.AddMilliseconds(1))
            .Where(t => t.Symbol == "GBPUSD").Select(t => t.Tick).TakeLast(20).ToList();
        Assert.Equal(20, reference.Count);
        var ticks = json.GetProperty("ticks").EnumerateArray().ToList();
        Assert.Equal(reference.Select(t => t.TimeMs), ticks.Select(t => t.GetProperty("time_ms").GetInt64()));
        Assert.Equal(reference.Select(t => t.Bid), ticks.Select(t => t.GetProperty("bid").GetDouble()));
        Assert.Equal(reference.Select(t => t.Ask), ticks.Select(t => t.GetProperty("ask").GetDouble()));
    }

    [Fact]
    public async Task GetMarketDepth_Paper_IsASyntheticBookAroundTheQuote()
    {
        await using var server = await ServerHarness.StartAsync();
        var quote = (await server.CallOkAsync("get_quote", new() { ["symbols"] = new[] { "USDJPY" } })).GetProperty("quotes")[0];
        var depth = await server.CallOkAsync("get_market_depth", new() { ["symbol"] = "USDJPY" });
        Assert.True(depth.GetProperty("synthetic").GetBoolean());
        Assert.Contains("Synthetic", depth.GetProperty("note").GetString(), StringComparison.Ordinal);
        var bids = depth.GetProperty("bids").EnumerateArray().Select(l => l.GetProperty("price").GetDouble()).ToList();
        var asks = depth.GetProperty("asks").EnumerateArray().Select(l => l.GetProperty("price").GetDouble()).ToList();
        Assert.Equal(quote.GetProperty("bid").GetDouble(), bids[0]);
        Assert.Equal(quote.GetProperty("ask").GetDouble(), asks[0]);
        Assert.Equal(bids.OrderDescending(), bids);
        Assert.Equal(asks.Order(), asks);
    }

    [Fact]
    public async Task GetMarketHours_OnSaturday_ForexIsShutUntilSundayTenPm()
    {
        await using var server = await ServerHarness.StartAsync(now: new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero));
        var json = await server.CallOkAsync("get_market_hours", new() { ["symbol"] = "EURUSD" });
        Assert.False(json.GetProperty("tradable_now").GetBoolean());
        Assert.False(json.GetProperty("quoted_now").GetBoolean());
        // Forex trades from Sunday 22:00 to Friday 22:00 UTC in the catalogue.
        Assert.Equal("2026-03-08T22:00:00Z", json.GetProperty("next_open").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("next_close").ValueKind);
    }

    [Fact]
    public async Task GetMarketHours_OnWednesday_ForexClosesFridayTenPm()
    {
        await using var server = await ServerHarness.StartAsync();
        var json = await server.CallOkAsync("get_market_hours", new() { ["symbol"] = "EURUSD" });
        Assert.True(json.GetProperty("tradable_now").GetBoolean());
        Assert.Equal("2026-03-06T22:00:00Z", json.GetProperty("next_close").GetString());
    }
}
