using Microsoft.Extensions.Hosting;
using MtMcp.Domain;
using MtMcp.Backtesting;
using MtMcp.Live;
using MtMcp.Server.Tools;
using MtMcp.Strategies;

namespace MtMcp.Server.Market;

/// <summary>
/// The live strategies, on paper and broker accounts, stored in <c>&lt;data-dir&gt;/paper/strategies.json</c>: opened (and
/// the running ones resumed) as soon as the paper venue is ready, so a restart carries on without a tool call. A strategy
/// on a broker account that is not connected yet resumes within <see cref="ResumeInterval"/> of its connecting.
/// </summary>
/// <remarks>Thread-safe (the service is).</remarks>
internal sealed class LiveStrategies : BackgroundService
{
    /// <summary>How often strategies waiting for their broker account look for it.</summary>
    public static readonly TimeSpan ResumeInterval = TimeSpan.FromSeconds(2);

    private readonly PaperVenue _venue;
    private readonly AccountDirectory _accounts;
    private readonly BrokerOrderPath _orderPath;
    private readonly MarketHistory _history;
    private readonly ServerSettings _settings;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource<LiveStrategyService> _service = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LiveStrategies(
        ServerSettings settings, PaperVenue venue, AccountDirectory accounts, BrokerOrderPath orderPath, MarketHistory history, TimeProvider time)
    {
        _settings = settings;
        _venue = venue;
        _accounts = accounts;
        _orderPath = orderPath;
        _history = history;
        _time = time;
        Path = System.IO.Path.Combine(settings.DataDirectory, "paper", "strategies.json");
    }

    /// <summary>The file the strategies are stored in.</summary>
    public string Path { get; }

    /// <summary>The service once the venue is ready and the stored strategies are loaded.</summary>
    public Task<LiveStrategyService> GetAsync(CancellationToken cancellationToken) => _service.Task.WaitAsync(cancellationToken);

    public override void Dispose()
    {
        base.Dispose();
        if (_service.Task.IsCompletedSuccessfully)
        {
            _service.Task.Result.Dispose();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var paper = await _venue.GetAsync(stoppingToken).ConfigureAwait(false);
            LiveStrategyService? service = null;
            try
            {
                service = new LiveStrategyService(paper, Path, _time, new History(_settings, _history), Create, brokers: Broker);
                if (_service.TrySetResult(service))
                {
                    service = null;
                }
            }
            finally
            {
                service?.Dispose();
            }

            var live = await _service.Task.ConfigureAwait(false);
            using var timer = new PeriodicTimer(ResumeInterval, _time);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                live.ResumeWaiting();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _service.TrySetCanceled(stoppingToken);
        }
        catch (Exception fault)
        {
            _service.TrySetException(fault);
            throw;
        }
    }

    // A broker account while it is connected; each strategy (and each status read) gets its own instance.
    private BrokerStrategyAccount? Broker(string account) =>
        _accounts.TryGetBroker(account, out var gateway) && gateway.IsConnected
            ? new BrokerStrategyAccount(gateway, _orderPath, _time)
            : null;

    // C# strategies load only from the configured assemblies, also when a stored strategy resumes: one whose assembly the
    // configuration no longer lists fails to resume, with the reason.
    private IStrategy Create(LiveStrategySpec spec)
    {
        if (spec.Document is not null || !StrategyAssembly.IsReference(spec.Strategy))
        {
            return LiveStrategyService.CreateStrategy(spec);
        }

        try
        {
            return StrategyReferences.Assembly(_settings, spec.Strategy)();
        }
        catch (ToolErrorException error)
        {
            throw new ArgumentException(error.Message, nameof(spec));
        }
    }

    /// <summary>Warm-up bars from what get_bars serves (the store, else the demo market).</summary>
    private sealed class History(ServerSettings settings, MarketHistory history) : IBarHistory
    {
        // Bars far older than the live feed (say, imported years ago) would join unrelated prices: then start cold.
        private static readonly TimeSpan s_maxGap = TimeSpan.FromDays(7);

        public IReadOnlyList<Bar> Bars(string symbol, Timeframe timeframe, long? fromTime, long throughTime, int count)
        {
            if (!settings.Catalog.TryGet(symbol, out var spec))
            {
                return [];
            }

            var from = fromTime is { } f ? DateTimeOffset.FromUnixTimeSeconds(f) : (DateTimeOffset?)null;
            var (bars, _) = history.GetBars(spec, timeframe, from, DateTimeOffset.FromUnixTimeSeconds(throughTime), count);
            return bars.Length > 0 && throughTime - bars[^1].Time <= Math.Max((long)s_maxGap.TotalSeconds, 10 * timeframe.Seconds()) ? bars : [];
        }
    }
}
