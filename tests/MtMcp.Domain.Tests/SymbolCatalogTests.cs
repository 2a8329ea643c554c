namespace MtMcp.Domain.Tests;

public sealed class SymbolCatalogTests
{
    private static readonly SymbolCatalog s_catalog = SymbolCatalog.BuiltIn;

    [Fact]
    public void BuiltIn_CoversEveryRequiredGroup()
    {
        string[] majors = ["EURUSD", "GBPUSD", "USDJPY", "USDCHF", "AUDUSD", "USDCAD", "NZDUSD"];
        Assert.All(majors, m => Assert.Equal(@"Forex\Majors", s_catalog.Get(m).Path));
        Assert.True(s_catalog.Count(s => s.Path == @"Forex\Crosses") >= 10);
        Assert.True(s_catalog.TryGet("XAUUSD", out _));
        Assert.True(s_catalog.TryGet("XAGUSD", out _));
        Assert.True(s_catalog.Count(s => s.Path.StartsWith("Indices", StringComparison.Ordinal)) >= 4);
        Assert.True(s_catalog.Count(s => s.Path == "Energies") >= 2);
        Assert.True(s_catalog.Count(s => s.AssetClass == EsmaAssetClass.Crypto) >= 2);
    }

    [Fact]
    public void BuiltIn_EverySpecIsValid() => Assert.All(s_catalog, s => Assert.Empty(s.Validate()));

    [Theory]
    [InlineData("EURUSD", EsmaAssetClass.MajorCurrencyPair, 30)]
    [InlineData("USDCHF", EsmaAssetClass.MajorCurrencyPair, 30)]
    [InlineData("EURGBP", EsmaAssetClass.MajorCurrencyPair, 30)]
    [InlineData("AUDUSD", EsmaAssetClass.NonMajorCurrencyPair, 20)]   // AUD is not an ESMA major currency
    [InlineData("EURNZD", EsmaAssetClass.NonMajorCurrencyPair, 20)]
    [InlineData("XAUUSD", EsmaAssetClass.Gold, 20)]
    [InlineData("XAGUSD", EsmaAssetClass.Commodity, 10)]
    [InlineData("US500", EsmaAssetClass.MajorIndex, 20)]
    [InlineData("GER40", EsmaAssetClass.MajorIndex, 20)]
    [InlineData("XTIUSD", EsmaAssetClass.Commodity, 10)]
    [InlineData("BTCUSD", EsmaAssetClass.Crypto, 2)]
    public void BuiltIn_EsmaClassesAndCaps(string symbol, EsmaAssetClass assetClass, int cap)
    {
        var spec = s_catalog.Get(symbol);
        Assert.Equal(assetClass, spec.AssetClass);
        Assert.Equal(cap, spec.AssetClass.MaxRetailLeverage());
    }

    [Fact]
    public void Get_IsCaseInsensitive() => Assert.Same(s_catalog.Get("EURUSD"), s_catalog.Get("eurusd"));

    [Fact]
    public void Get_UnknownSymbol_SuggestsCloseNames()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => s_catalog.Get("EURUSD.m"));
        Assert.Contains("EURUSD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithOverrides_ReplacesByNameAndAddsNewSymbols()
    {
        var wider = s_catalog.Get("EURUSD") with { Spread = 30 };
        var custom = s_catalog.Get("EURUSD") with { Name = "EURUSD.m", Description = "Mini" };

        var catalog = s_catalog.WithOverrides([wider, custom]);

        Assert.Equal(30, catalog.Get("eurusd").Spread);
        Assert.Equal("Mini", catalog.Get("EURUSD.m").Description);
        Assert.Equal(s_catalog.Count + 1, catalog.Count);
        Assert.Equal(10, s_catalog.Get("EURUSD").Spread);
    }

    [Fact]
    public void Constructor_RejectsInvalidSpecsAndDuplicates()
    {
        var bad = s_catalog.Get("EURUSD") with { VolumeStep = 0 };
        var error = Assert.Throws<ArgumentException>(() => new SymbolCatalog([bad]));
        Assert.Contains("volume step", error.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => new SymbolCatalog([s_catalog[0], s_catalog[0] with { Name = s_catalog[0].Name.ToLowerInvariant() }]));
    }

    [Fact]
    public void ForexSessions_CloseOverTheWeekend()
    {
        var eurusd = s_catalog.Get("EURUSD");
        var saturday = new DateTimeOffset(2024, 6, 8, 12, 0, 0, TimeSpan.Zero);
        var sundayEvening = new DateTimeOffset(2024, 6, 9, 22, 30, 0, TimeSpan.Zero);
        var fridayLate = new DateTimeOffset(2024, 6, 7, 22, 30, 0, TimeSpan.Zero);

        Assert.False(eurusd.IsTradable(saturday));
        Assert.True(eurusd.IsTradable(sundayEvening));
        Assert.False(eurusd.IsTradable(fridayLate));
        Assert.True(s_catalog.Get("BTCUSD").IsTradable(saturday));
    }
}
