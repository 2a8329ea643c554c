using MtMcp.DemoMarket.Model;
using MtMcp.Domain;

namespace MtMcp.DemoMarket.Tests;

public sealed class DriverCatalogTests
{
    public static TheoryData<string> Definitions() => [.. DriverCatalog.KnownAssets.Concat(DriverCatalog.KnownInstruments).Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Definition_Parameters_AreAValidFactorModel(string name)
    {
        var definition = DriverCatalog.KnownAssets.Concat(DriverCatalog.KnownInstruments).Single(d => d.Name == name);
        Assert.InRange(definition.Volatility, 0.001, 1.5);
        Assert.True(definition.StartValue > 0);
        Assert.InRange(definition.IdiosyncraticLoading, 0, 1);
        Assert.All(definition.Loadings, loading => Assert.True(
            DriverCatalog.Factors.ContainsKey(loading.Factor)
            || DriverCatalog.KnownAssets.Any(a => DriverCatalog.OwnSourceName(a.Name) == loading.Factor),
            $"{name} loads on unknown {loading.Factor}"));
    }

    [Fact]
    public void BuiltInCatalogue_EverySymbol_HasItsOwnParametersNotADefault()
    {
        foreach (var spec in SymbolCatalog.BuiltIn)
        {
            var known = spec.CurrencyBase == spec.CurrencyProfit
                ? DriverCatalog.KnownInstruments.Any(d => d.Name == spec.Name)
                : (spec.CurrencyBase == "USD" || DriverCatalog.IsKnownAsset(spec.CurrencyBase))
                    && (spec.CurrencyProfit == "USD" || DriverCatalog.IsKnownAsset(spec.CurrencyProfit));
            Assert.True(known, $"{spec.Name} would be priced from defaults");
        }
    }
}
