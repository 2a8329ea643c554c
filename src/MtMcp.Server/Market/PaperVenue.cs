using Microsoft.Extensions.Hosting;
using MtMcp.Engine;
using MtMcp.Paper;
using MtMcp.Risk;
using MtMcp.Storage;
using DemoMarketModel = MtMcp.DemoMarket.DemoMarket;

namespace MtMcp.Server.Market;

/// <summary>
/// The paper venue the account and trading tools use: the accounts journaled in <c>&lt;data-dir&gt;/paper/accounts.db</c>
/// (the same ones <c>mtmcp paper</c> manages), on the live demo market. With no account at all it creates <c>demo</c>.
/// </summary>
/// <remarks>
/// The service opens on the first tool call that needs it; the hosted part primes its quotes and runs the feed (pending
/// orders, SL/TP, trailing stops, stop-out) while the server runs. Thread-safe (the service is).
/// </remarks>
internal sealed class PaperVenue : BackgroundService
{
    private readonly Lazy<PaperTradingService> _service;
    private readonly LiveQuotes _quotes;
    private readonly RiskConfigurationWatcher? _watcher;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SqliteTradingJournal? _journal;
    private int _disposed;

    public PaperVenue(ServerSettings settings, Lazy<DemoMarketModel> market, LiveQuotes quotes, TimeProvider time)
    {
        _quotes = quotes;
        JournalPath = Path.Combine(settings.DataDirectory, "paper", "accounts.db");
        Gate = new PreTradeGate(settings.Risk);
        _watcher = settings.ConfigurationPath is { } path ? new RiskConfigurationWatcher(path, Gate, time) : null;
        _service = new(() =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(JournalPath)!);
            var journal = _journal = new SqliteTradingJournal(JournalPath, audit: AuditOptions.FromEnvironment(time));
            var service = new PaperTradingService(journal, settings.Catalog, new DemoMarketFeed(market.Value, time), time, Gate);
            service.EnsureDefaultAccount();
            return service;
        });
    }

    /// <summary>The pre-trade risk gate on the venue's order path (also the kill switch).</summary>
    public PreTradeGate Gate { get; }

    /// <summary>The trading journal's SQLite file, which also holds the audit chain (docs/audit.md).</summary>
    public string JournalPath { get; }

    /// <summary>The audit anchor file next to the journal.</summary>
    public string AuditAnchorPath => _journal?.AuditAnchorPath ?? JournalPath + ".audit-anchor";

    /// <summary>Appends records outside any trading step (configuration changes) to the audit chain; opens the service first.</summary>
    public async ValueTask AppendAuditAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        await GetAsync(cancellationToken).ConfigureAwait(false);
        _journal!.AppendAudit(records);
    }

    /// <summary>Whether the service is open and its quotes primed.</summary>
    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>The service once its quotes are primed.</summary>
    public async ValueTask<PaperTradingService> GetAsync(CancellationToken cancellationToken)
    {
        await _ready.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _service.Value;
    }

    public override void Dispose()
    {
        base.Dispose();
        _watcher?.Dispose();
        // The container disposes this once as the venue and once as a hosted service.
        if (_service.IsValueCreated && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _service.Value.Dispose();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            // The venue primes from the same walk as the live quotes: letting them go first gives the first get_quote the
            // machine, and the venue then starts from the walk checkpoints they left (or loaded) instead of competing for them.
            await _quotes.WaitPrimedAsync(stoppingToken).ConfigureAwait(false);
            var service = _service.Value;
            service.PrimeQuotes();
            _ready.TrySetResult();
            await service.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception fault)
        {
            _ready.TrySetException(fault);
            throw;
        }
    }
}
