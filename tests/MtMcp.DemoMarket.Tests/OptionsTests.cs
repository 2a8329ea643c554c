using MtMcp.Domain;

namespace MtMcp.DemoMarket.Tests;

public sealed class OptionsTests
{
    private static readonly SymbolSpec s_usdSek = SymbolCatalog.BuiltIn.Get("EURUSD") with
    {
        Name = "USDSEK",
        CurrencyBase = "USD",
        CurrencyProfit = "SEK",
        CurrencyMargin = "USD",
        AssetClass = EsmaAssetClass.NonMajorCurrencyPair,
        Spread = 40,
    };

    private static readonly SymbolSpec s_stock = SymbolCatalog.BuiltIn.Get("US500") with
    {
        Name = "ACME",
        AssetClass = EsmaAssetClass.Equity,
        Digits = 2,
        Spread = 6,
    };

    [Fact]
    public void Constructor_Defaults_QuoteTheWholeBuiltInCatalogue()
    {
        var market = new DemoMarket(new DemoMarketOptions());
        var symbols = market.GenerateTicks(TestMarkets.Monday.AddHours(14), TestMarkets.Monday.AddHours(14).AddMinutes(10)).Select(t => t.Symbol).ToHashSet();
        var expected = SymbolCatalog.BuiltIn.Where(s => s.IsQuoted(TestMarkets.Monday.AddHours(14))).Select(s => s.Name).ToHashSet();
        Assert.Equal(expected, symbols);
    }

    [Fact]
    public void GenerateM1_DefaultStartPrices_NearMid2024Levels()
    {
        // Independent reference: published mid-2024 levels, ±2 %.
        var market = new DemoMarket(new DemoMarketOptions());
        foreach (var (name, level) in new[] { ("EURUSD", 1.085), ("USDJPY", 150.0), ("XAUUSD", 2350.0), ("US500", 5200.0), ("BTCUSD", 65000.0), ("GER40", 18000.0) })
        {
            var first = market.GenerateM1(name, TestMarkets.Start, TestMarkets.Start.AddDays(3))[0];
            Assert.InRange(first.Open, level * 0.98, level * 1.02);
        }
    }

    [Fact]
    public void GenerateM1_UserSymbolWithStartPrice_StartsThereAndDerivesCrosses()
    {
        var eurSek = s_usdSek with { Name = "EURSEK", CurrencyBase = "EUR", CurrencyMargin = "EUR" };
        var options = TestMarkets.Options("EURUSD") with
        {
            Symbols = [SymbolCatalog.BuiltIn.Get("EURUSD"), s_usdSek, eurSek],
            StartPrices = new Dictionary<string, double> { ["EURUSD"] = 1.10, ["usdsek"] = 10.0 },
        };
        var market = new DemoMarket(options);
        var first = market.GenerateM1("USDSEK", TestMarkets.Start, TestMarkets.Start.AddHours(1))[0];
        Assert.InRange(first.Open, 9.99, 10.01);

        // EURSEK follows from EURUSD × USDSEK: 11.
        var cross = market.GenerateM1("EURSEK", TestMarkets.Start, TestMarkets.Start.AddHours(1))[0];
        Assert.InRange(cross.Open, 10.98, 11.02);
    }

    [Fact]
    public void GenerateM1_SpecNotInTheMarket_PricedAsIfAddedWithoutChangingOthers()
    {
        var market = TestMarkets.Of("EURUSD", "US500");
        var bars = market.GenerateM1(s_stock, TestMarkets.Monday, TestMarkets.Monday.AddDays(1));
        Assert.NotEmpty(bars);
        Assert.InRange(bars[0].Open, 90, 110);
        Assert.All(bars, b => Assert.True(b.IsConsistent));

        var withStock = new DemoMarket(TestMarkets.Options("EURUSD", "US500") with { Symbols = [SymbolCatalog.BuiltIn.Get("EURUSD"), SymbolCatalog.BuiltIn.Get("US500"), s_stock] });
        Assert.Equal(bars, withStock.GenerateM1("ACME", TestMarkets.Monday, TestMarkets.Monday.AddDays(1)));
        Assert.Equal(market.GenerateM1("US500", TestMarkets.Monday, TestMarkets.Monday.AddDays(1)), withStock.GenerateM1("US500", TestMarkets.Monday, TestMarkets.Monday.AddDays(1)));
    }

    [Fact]
    public void GenerateM1_VolatilityOverride_ChangesRealisedVolatility()
    {
        var options = TestMarkets.Options("US500") with
        {
            Symbols = [s_stock],
            Volatilities = new Dictionary<string, double> { ["ACME"] = 0.45 },
        };
        var days = new DemoMarket(options).GenerateM1("ACME", TestMarkets.Start, TestMarkets.Start.AddDays(365))
            .GroupBy(b => b.Time / 86_400).Select(g => (Day: g.Key, Close: g.Last().Close)).ToArray();
        var sum2 = 0.0;
        for (var i = 1; i < days.Length; i++)
        {
            sum2 += Math.Pow(Math.Log(days[i].Close / days[i - 1].Close), 2);
        }

        var years = (days[^1].Day - days[0].Day) / 365.25;
        Assert.InRange(Math.Sqrt(sum2 / years), 0.45 * 0.7, 0.45 * 1.3);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowWithTheReason()
    {
        var eurusd = SymbolCatalog.BuiltIn.Get("EURUSD");
        AssertThrows<ArgumentException>(new DemoMarketOptions { Symbols = [] }, "empty");
        AssertThrows<ArgumentException>(new DemoMarketOptions { Symbols = [eurusd, eurusd with { }] }, "twice");
        AssertThrows<ArgumentException>(new DemoMarketOptions { Symbols = [eurusd with { Digits = 12 }] }, "digits");
        AssertThrows<ArgumentException>(new DemoMarketOptions { Symbols = [eurusd], StartPrices = new Dictionary<string, double> { ["GBPUSD"] = 1.2 } }, "not in");
        AssertThrows<ArgumentException>(new DemoMarketOptions { Symbols = [eurusd], StartPrices = new Dictionary<string, double> { ["EURUSD"] = -1 } }, "positive");
        AssertThrows<ArgumentException>(new DemoMarketOptions { Symbols = [eurusd], Volatilities = new Dictionary<string, double> { ["EURUSD"] = 7 } }, "0.07");
        AssertThrows<ArgumentException>(
            TestMarkets.Options("EURGBP") with { Volatilities = new Dictionary<string, double> { ["EURGBP"] = 0.05 } }, "cross");
        AssertThrows<ArgumentException>(
            TestMarkets.Options("EURUSD", "GBPUSD", "EURGBP") with { StartPrices = new Dictionary<string, double> { ["EURUSD"] = 1.1, ["GBPUSD"] = 1.3, ["EURGBP"] = 0.9 } },
            "contradicts");
        AssertThrows<ArgumentOutOfRangeException>(new DemoMarketOptions { Start = new DateTimeOffset(1969, 1, 1, 0, 0, 0, TimeSpan.Zero) }, "1970");
    }

    [Fact]
    public void Queries_OutsideTheMarket_ThrowWithTheReason()
    {
        var market = TestMarkets.Of("EURUSD");
        var tooEarly = Assert.Throws<ArgumentOutOfRangeException>(() => market.GenerateTicks(TestMarkets.Start.AddMinutes(-1), TestMarkets.Start));
        Assert.Contains("starts at", tooEarly.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => market.GenerateM1("EURUSD", TestMarkets.Monday, TestMarkets.Start.AddDays(1)));
        var unknown = Assert.Throws<ArgumentException>(() => market.GenerateM1("GBPUSD", TestMarkets.Start, TestMarkets.Monday));
        Assert.Contains("GBPUSD", unknown.Message, StringComparison.Ordinal);
    }

    private static void AssertThrows<T>(DemoMarketOptions options, string reason)
        where T : ArgumentException
    {
        var exception = Assert.Throws<T>(() => new DemoMarket(options));
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }
}
