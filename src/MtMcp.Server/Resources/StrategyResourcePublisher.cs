using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MtMcp.Live;
using MtMcp.Paper;
using MtMcp.Server.Market;

namespace MtMcp.Server.Resources;

/// <summary>
/// Pushes <c>notifications/resources/updated</c> for <c>mt://strategies/{id}</c> when the strategy's status changes
/// beyond prices: it starts, stops or fails, sends an order (<see cref="LiveStrategyService.Changed"/>), or the venue
/// fills one of its orders or closes one of its positions on its own (an account update carrying its magic number).
/// Event-driven: nothing runs while no strategy changes.
/// </summary>
internal sealed class StrategyResourcePublisher(
    LiveStrategies strategies, PaperVenue venue, ResourceSubscriptions subscriptions, ILogger<StrategyResourcePublisher> logger) : BackgroundService
{
    private const string Prefix = "mt://strategies/";

    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var service = await strategies.GetAsync(stoppingToken).ConfigureAwait(false);
            var paper = await venue.GetAsync(stoppingToken).ConfigureAwait(false);
            using var updates = paper.Subscribe();
            service.Changed += Queue;
            try
            {
                await Task.WhenAll(WatchFillsAsync(service, updates, stoppingToken), PublishAsync(stoppingToken)).ConfigureAwait(false);
            }
            finally
            {
                service.Changed -= Queue;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Queue(string id) => _changed.Writer.TryWrite(id);

    private async Task WatchFillsAsync(LiveStrategyService service, PaperTradingService.Subscription updates, CancellationToken cancellationToken)
    {
        await foreach (var update in updates.Updates.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var transaction in update.Transactions)
            {
                var magic = transaction.Deal?.Magic ?? transaction.Position?.Magic ?? transaction.Order?.Magic ?? 0;
                if (service.IdOf(magic) is { } id)
                {
                    Queue(id);
                }
            }
        }
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        var batch = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (await _changed.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // One fill is several transactions, and an order is both a signal and a fill: one notification each.
            while (_changed.Reader.TryRead(out var id))
            {
                batch.Add(id);
            }

            if (!subscriptions.IsEmpty)
            {
                foreach (var id in batch)
                {
                    await subscriptions.NotifyAsync(Prefix + Uri.EscapeDataString(id), logger, cancellationToken).ConfigureAwait(false);
                }
            }

            batch.Clear();
        }
    }
}
