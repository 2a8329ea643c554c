using MtMcp.Data.Import;
using MtMcp.Data.Store;
using MtMcp.Data.Tests.Import;
using MtMcp.Domain;
using MtMcp.Testing;

namespace MtMcp.Data.Tests;

public sealed class MarketDataImportTests
{
    // Two LEAN minute bars whose prices have only four decimals: ask − bid is 0.0001 on every bar.
    private const string FourDecimalMinutes =
        "0,1.3870,1.3875,1.3865,1.3872,0,1.3871,1.3876,1.3866,1.3873,0\n" +
        "60000,1.3872,1.3874,1.3870,1.3871,0,1.3873,1.3875,1.3871,1.3872,0\n";

    [Fact]
    public void Import_CatalogueSymbolWithFewerDecimals_CountsSpreadsInTheCataloguePoint()
    {
        using var temp = new TempDirectory();
        var path = ImportFiles.Write(temp, "20140501_eurusd_minute_quote.csv", FourDecimalMinutes);
        using var store = new MarketDataStore(temp.File("market"));

        var outcome = new MarketDataImport(store, SymbolCatalog.BuiltIn).Import([path], new ImportOptions(), cancellationToken: TestContext.Current.CancellationToken);

        // The file alone suggests a point of 0.0001; EURUSD's point is 0.00001, so 0.0001 is 10 points.
        Assert.Equal(1e-4, DataImporter.Import(path).Point);
        Assert.Equal("EURUSD", Assert.Single(outcome.Files).Symbol);
        using var bars = store.OpenBars("EURUSD", Timeframe.M1);
        Assert.Equal([10, 10], bars.Spread.ToArray());
    }

    [Fact]
    public void Import_SymbolNotInTheCatalogue_CountsSpreadsInTheInferredPoint()
    {
        using var temp = new TempDirectory();
        var path = ImportFiles.Write(temp, "20140501_abcxyz_minute_quote.csv", FourDecimalMinutes);
        using var store = new MarketDataStore(temp.File("market"));

        new MarketDataImport(store, SymbolCatalog.BuiltIn).Import([path], new ImportOptions(), cancellationToken: TestContext.Current.CancellationToken);

        using var bars = store.OpenBars("ABCXYZ", Timeframe.M1);
        Assert.Equal([1, 1], bars.Spread.ToArray());
    }
}
