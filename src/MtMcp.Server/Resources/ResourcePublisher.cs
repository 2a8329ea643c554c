using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MtMcp.Paper;
using MtMcp.Server.Market;

namespace MtMcp.Server.Resources;

/// <summary>
/// Pushes <c>notifications/resources/updated</c> to subscribers, at most once per <see cref="ServerSettings.UpdateInterval"/>
/// and URI: a quote when it changed; an account and its positions after a trade, a fill or a balance operation
/// (<see cref="PaperTradingService.Subscribe"/>) and when a quote of a symbol it holds moved the floating profit; its
/// orders after a trade. A broker account's (bridge or MetaApi) after its broker reports a trade change, and its account
/// and positions also after the broker streams a quote (<see cref="BrokerActivity"/>). Throttling keeps a busy market from
/// flooding a client: it rereads the resource anyway.
/// </summary>
internal sealed class ResourcePublisher(
    ServerSettings settings, ResourceSubscriptions subscriptions, LiveQuotes quotes, AccountDirectory accounts, TimeProvider time, IServiceProvider services,
    ILogger<ResourcePublisher> logger)
    : BackgroundService
{
    private readonly BrokerActivity _brokers = new();

    public override void Dispose()
    {
        _brokers.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var venue = services.GetService<PaperVenue>();
        PaperTradingService? service = null;
        PaperTradingService.Subscription? updates = null;
        var seen = new long[quotes.Symbols.Count];
        var moved = new bool[seen.Length];
        var traded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var timer = new PeriodicTimer(settings.UpdateInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (updates is null && venue is { IsReady: true })
                {
                    service = await venue.GetAsync(stoppingToken).ConfigureAwait(false);
                    updates = service.Subscribe();
                }

                while (updates is not null && updates.Updates.TryRead(out var update))
                {
                    traded.Add(update.Account);
                }

                for (var i = 0; i < seen.Length; i++)
                {
                    var version = quotes.Version(i);
                    moved[i] = version != seen[i];
                    seen[i] = version;
                }

                if (!subscriptions.IsEmpty)
                {
                    await PublishAsync(service, traded, moved, stoppingToken).ConfigureAwait(false);
                }

                traded.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            updates?.Dispose();
        }
    }

    private async Task PublishAsync(PaperTradingService? service, HashSet<string> traded, bool[] moved, CancellationToken cancellationToken)
    {
        var watchedUris = subscriptions.Watched();
        foreach (var (_, watched) in watchedUris)
        {
            if (watched.Kind is WatchedKind.Account or WatchedKind.Positions or WatchedKind.Orders && accounts.TryGetBroker(watched.Name, out var gateway))
            {
                _brokers.Watch(gateway);
            }
        }

        var brokers = _brokers.Take();
        foreach (var (uri, watched) in watchedUris)
        {
            var broker = brokers.GetValueOrDefault(watched.Name);
            var changed = watched.Kind switch
            {
                WatchedKind.Quote => quotes.IndexOf(watched.Name) is var i and >= 0 && moved[i],
                WatchedKind.Account or WatchedKind.Positions => traded.Contains(watched.Name) || broker.Traded || broker.Quoted || HoldsMoved(service, watched.Name, moved),
                WatchedKind.Orders => traded.Contains(watched.Name) || broker.Traded,
                _ => false,
            };
            if (!changed)
            {
                continue;
            }

            await subscriptions.NotifyAsync(uri, logger, cancellationToken).ConfigureAwait(false);
        }
    }

    // Whether a quote of a symbol the account holds a position in moved (its equity and floating profit changed).
    private bool HoldsMoved(PaperTradingService? service, string account, bool[] moved)
    {
        if (service is null)
        {
            return false;
        }

        try
        {
            return service.Read(account, a =>
            {
                foreach (var p in a.Positions)
                {
                    if (quotes.IndexOf(p.Symbol) is var i and >= 0 && moved[i])
                    {
                        return true;
                    }
                }

                return false;
            });
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
    }
}
