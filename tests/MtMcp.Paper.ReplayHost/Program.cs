using MtMcp.Data.Store;
using MtMcp.Paper;
using MtMcp.Paper.ReplayHost;
using MtMcp.Storage;

// Usage: MtMcp.Paper.ReplayHost <store-dir> <journal-file>
// Replays the stored EURUSD ticks with the scripted orders into two paper accounts journaled in <journal-file>,
// resuming where the journal left off; prints "at N" every 10,000 ticks and "done" at the end.
using var store = new MarketDataStore(args[0]);
using var feed = new ReplayFeed(store, ["EURUSD"], from: null, to: null, speed: 0, TimeProvider.System);
#pragma warning disable CA2000 // the service owns the journal and disposes it
using var service = new PaperTradingService(new SqliteTradingJournal(args[1]), SymbolCatalog.BuiltIn, feed, TimeProvider.System);
#pragma warning restore CA2000
ReplayScript.EnsureAccounts(service);
service.PrimeQuotes();

var resume = service.ResumePosition;
if (resume > 0 && feed.QuotesAt(resume) is [.., var last] && last.Position == resume)
{
    // The action at the resume position may not have run before the process stopped; its client order ids make it safe to repeat.
    ReplayScript.Act(service, resume, last.Tick);
}

await foreach (var tick in feed.ReadAsync(resume, CancellationToken.None))
{
    service.Process(tick);
    ReplayScript.Act(service, tick.Position, tick.Tick);
    if (tick.Position % 10_000 == 0)
    {
        // Lets the crash test kill the process at a chosen point of the replay.
        Console.WriteLine($"at {tick.Position}");
    }
}

Console.WriteLine("done");
