using MtMcp.Data.Import;
using MtMcp.Data.Store;
using MtMcp.Testing;

namespace MtMcp.Live.Tests;

/// <summary>Five days of real EURUSD ticks (LEAN, 2014-05-01 .. 05-07, 184,928 ticks) imported once into a store shared by the tests.</summary>
public sealed class EurusdTicks : IDisposable
{
    private readonly TempDirectory _directory = new();

    public EurusdTicks()
    {
        using var store = new MarketDataStore(StoreDirectory);
        var ticks = new List<Tick>();
        foreach (var day in (string[])["20140501", "20140502", "20140505", "20140506", "20140507"])
        {
            var imported = DataImporter.Import(SharedData.Path("lean", "forex", "oanda", "tick", "eurusd", $"{day}_quote.zip"), new ImportOptions { Symbol = "EURUSD" }).Ticks;
            store.WriteTicks("EURUSD", imported);
        }

        // The backtest reads the ticks back from the store, exactly as the replay does.
        using var series = store.OpenTicks("EURUSD");
        for (var i = 0; i < series.Count; i++)
        {
            ticks.Add(series[i]);
        }

        Ticks = [.. ticks];
    }

    public string StoreDirectory => _directory.File("market");

    public Tick[] Ticks { get; }

    public string NewFile(string name) => _directory.File($"{Guid.NewGuid():N}-{name}");

    public void Dispose() => _directory.Dispose();
}
