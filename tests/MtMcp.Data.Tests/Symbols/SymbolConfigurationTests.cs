using MtMcp.Data.Symbols;
using MtMcp.Domain;
using MtMcp.Testing;

namespace MtMcp.Data.Tests.Symbols;

public sealed class SymbolConfigurationTests
{
    private static SymbolCatalog Apply(string json)
    {
        using var dir = new TempDirectory();
        var path = dir.File("config.json");
        File.WriteAllText(path, json);
        return SymbolConfiguration.Apply(SymbolCatalog.BuiltIn, path);
    }

    private static string ApplyError(string json) => Assert.Throws<InvalidDataException>(() => Apply(json)).Message;

    [Fact]
    public void Apply_OverridesFieldsOfABuiltInSymbol()
    {
        var catalog = Apply("""{ "symbols": [ { "name": "EURUSD", "spread": 3, "volume_min": 0.1, "filling": ["ioc"] } ] }""");
        var eurusd = catalog.Get("EURUSD");

        Assert.Equal(3, eurusd.Spread);
        Assert.Equal(0.1m, eurusd.VolumeMin);
        Assert.Equal(SymbolFillingFlags.Ioc, eurusd.FillingFlags);
        Assert.Equal(100_000, eurusd.ContractSize);
    }

    [Fact]
    public void Apply_AddsABrokerVariantBasedOnABuiltIn()
    {
        var catalog = Apply("""
            // comments and trailing commas are allowed
            { "symbols": [ { "name": "EURUSD.m", "based_on": "EURUSD", "contract_size": 10000, }, ] }
            """);

        Assert.Equal(10_000, catalog.Get("EURUSD.m").ContractSize);
        Assert.Equal(100_000, catalog.Get("EURUSD").ContractSize);
    }

    [Fact]
    public void Apply_DefinesANewSymbolWithSessions()
    {
        var catalog = Apply("""
            { "symbols": [ {
                "name": "SPAIN35", "currency_base": "EUR", "currency_profit": "EUR", "asset_class": "MinorIndex",
                "digits": 1, "contract_size": 1, "calc_mode": "CfdLeverage",
                "sessions": [ { "day": "Monday", "from": "07:00", "to": "19:00" } ] } ] }
            """);
        var spec = catalog.Get("SPAIN35");

        Assert.Equal(SymbolCalcMode.CfdLeverage, spec.CalcMode);
        Assert.Equal(0.1, spec.TickSize, 12);
        Assert.Equal(10, spec.AssetClass.MaxRetailLeverage());
        Assert.True(spec.IsTradable(new DateTimeOffset(2024, 6, 10, 8, 0, 0, TimeSpan.Zero)));
        Assert.False(spec.IsTradable(new DateTimeOffset(2024, 6, 11, 8, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Apply_WithoutSymbolsSection_ReturnsTheCatalogueUnchanged() =>
        Assert.Same(SymbolCatalog.BuiltIn, Apply("""{ "other": 1 }"""));

    [Fact]
    public void Apply_UnknownField_NamesTheFieldAndEntry()
    {
        var message = ApplyError("""{ "symbols": [ { "name": "EURUSD", "sprad": 3 } ] }""");
        Assert.Contains("sprad", message, StringComparison.Ordinal);
        Assert.Contains("config.json", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_NewSymbolMissingFields_ListsThem()
    {
        var message = ApplyError("""{ "symbols": [ { "name": "NEW1", "digits": 2 } ] }""");
        Assert.Contains("currency_base", message, StringComparison.Ordinal);
        Assert.Contains("calc_mode", message, StringComparison.Ordinal);
        Assert.Contains("symbols[0]", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "symbols": [ { "name": "EURUSD", "filling": ["xyz"] } ] }""", "xyz")]
    [InlineData("""{ "symbols": [ { "name": "X", "based_on": "NOPE" } ] }""", "NOPE")]
    [InlineData("""{ "symbols": [ { "name": "EURUSD", "volume_step": 0 } ] }""", "volume step")]
    [InlineData("""{ "symbols": [ { "name": "EURUSD", "sessions": [ { "day": "Monday", "from": "25:00" } ] } ] }""", "25:00")]
    [InlineData("""{ "symbols": [ { "name": "EURUSD", "calc_mode": "Sideways" } ] }""", "allowed names")]
    [InlineData("""{ "symbols": """, "not valid JSON")]
    public void Apply_BadValues_SayWhatIsWrong(string json, string expected) =>
        Assert.Contains(expected, ApplyError(json), StringComparison.Ordinal);
}
