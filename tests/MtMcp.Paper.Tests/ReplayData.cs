using MtMcp.Data.Store;
using MtMcp.Data.Import;
using MtMcp.Testing;

namespace MtMcp.Paper.Tests;

/// <summary>The 13 days of real EURUSD ticks, imported once into a store shared by the replay tests.</summary>
public sealed class ReplayData : IDisposable
{
    private readonly TempDirectory _directory = new();

    public ReplayData()
    {
        using var store = new MarketDataStore(StoreDirectory);
        var files = Directory.GetFiles(SharedData.Path("lean", "forex", "oanda", "tick", "eurusd"), "*_quote.zip").Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            store.WriteTicks("EURUSD", DataImporter.Import(file).Ticks);
            TickCount += DataImporter.Import(file).Ticks.Length;
        }
    }

    public string StoreDirectory => _directory.File("market");

    public long TickCount { get; }

    public string NewJournalPath() => _directory.File($"journal-{Guid.NewGuid():N}.db");

    public void Dispose() => _directory.Dispose();
}
