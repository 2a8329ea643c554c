using System.Globalization;
using MtMcp.MetaApi.Wire;

namespace MtMcp.MetaApi;

/// <summary>
/// Reconciliation: a trade whose answer was lost (timeout, dropped link, HTTP 5xx, MetaApi's ERR_TRADE_TIMED_OUT or an
/// MT5 code of the uncertain class) is looked up by its clientId in the working orders, the deals, the history orders
/// and the positions (SL/TP changes, order changes and cancels by the ticket's state) before the caller learns
/// anything. It is never sent again from here.
/// </summary>
public sealed partial class MetaApiGateway
{
    private async Task<SendAttempt> ReconcileAsync(TradeRequest request, string clientId, long intentMs, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var graceUsed = false;
        var lastProblem = "MetaApi did not answer";
        while (_time.GetElapsedTime(started) < _options.ReconcileTimeout)
        {
            TradeResult? found;
            try
            {
                found = await FindAsync(request, clientId, intentMs, cancellationToken).ConfigureAwait(false);
            }
            catch (GatewayUnavailableException ex) when (ex.IsTransient)
            {
                lastProblem = ex.Message;
                await Task.Delay(_options.RetryDelay, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (GatewayUnavailableException ex)
            {
                lastProblem = ex.Message;
                break;
            }

            if (found is not null)
            {
                Log.TradeReconciled(_logger, Name, clientId, (int)found.Retcode);
                if (found.Outcome is TradeOutcome.Filled or TradeOutcome.Partial or TradeOutcome.Placed)
                {
                    Notify(BrokerTradeChange.Resync);
                }

                return SendAttempt.Final(found);
            }

            if (!graceUsed)
            {
                // MetaApi may list a deal a moment after the terminal executed it.
                graceUsed = true;
                await Task.Delay(_options.ReconcileGrace, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            Log.TradeReconciled(_logger, Name, clientId, 0);
            return SendAttempt.NotExecuted(Result(request, TradeRetcode.Reject,
                $"The answer was lost; MetaApi shows no order, deal or change for this request (clientId {clientId}), so it was not executed. "
                + "Sending it again with the same client_order_id is safe."));
        }

        return SendAttempt.Uncertain(Result(request, TradeRetcode.Timeout,
            $"The answer was lost and the outcome could not be read back yet ({lastProblem}). Do not send a new order: "
            + "sending the same client_order_id again reconciles first and never trades twice."), intentMs);
    }

    private async Task<TradeResult?> FindAsync(TradeRequest request, string clientId, long intentMs, CancellationToken cancellationToken)
    {
        switch (request.Action)
        {
            case TradeAction.SlTp:
                var position = await FindPositionAsync(request.Position, cancellationToken).ConfigureAwait(false);
                return position is null
                    ? Result(request, TradeRetcode.PositionClosed, string.Create(CultureInfo.InvariantCulture, $"Position #{request.Position} is no longer open."))
                    : Same(position.StopLoss, request.StopLoss) && Same(position.TakeProfit, request.TakeProfit)
                        ? Result(request, TradeRetcode.Done, "Reconciled: the position carries the requested stop loss and take profit.")
                        : null;
            case TradeAction.Modify:
                var working = (await GetOrdersAsync(null, cancellationToken).ConfigureAwait(false)).FirstOrDefault(o => o.Ticket == request.Order);
                return working is null
                    ? Result(request, TradeRetcode.InvalidOrder, string.Create(CultureInfo.InvariantCulture, $"Order #{request.Order} is no longer working."))
                    : Same(working.PriceOpen, request.Price) && Same(working.StopLimit, request.StopLimit)
                        && Same(working.StopLoss, request.StopLoss) && Same(working.TakeProfit, request.TakeProfit)
                        ? Result(request, TradeRetcode.Done, "Reconciled: the order carries the requested prices.") with { Order = working.Ticket }
                        : null;
            case TradeAction.Remove:
                return await FindRemovalAsync(request, intentMs, cancellationToken).ConfigureAwait(false);
            default:
                return await FindByClientIdAsync(request, clientId, intentMs, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<TradeResult?> FindRemovalAsync(TradeRequest request, long intentMs, CancellationToken cancellationToken)
    {
        if ((await GetOrdersAsync(null, cancellationToken).ConfigureAwait(false)).Any(o => o.Ticket == request.Order))
        {
            return null;
        }

        var (from, to) = HistoryWindow(intentMs);
        var done = (await ReadHistoryOrdersAsync(from, to, cancellationToken).ConfigureAwait(false)).FirstOrDefault(o => o.Id == request.Order);
        return done is null || done.State == "ORDER_STATE_CANCELED"
            ? Result(request, TradeRetcode.Done, "Reconciled: the order is no longer working.") with { Order = request.Order }
            : Result(request, TradeRetcode.InvalidOrder, string.Create(CultureInfo.InvariantCulture,
                $"Order #{request.Order} left the working orders as {done.State}, not by this cancel."));
    }

    private async Task<TradeResult?> FindByClientIdAsync(TradeRequest request, string clientId, long intentMs, CancellationToken cancellationToken)
    {
        var orders = await _client.GetAsync("orders", MetaApiJsonContext.Default.OrderDtoArray, cancellationToken).ConfigureAwait(false);
        foreach (var order in orders)
        {
            if (order.ClientId == clientId)
            {
                return Result(request, TradeRetcode.Placed, "Reconciled: the order is working at the broker.") with
                {
                    Order = order.Id,
                    Volume = MetaApiMapping.Lots(order.CurrentVolume),
                    Price = order.OpenPrice ?? 0,
                };
            }
        }

        var (from, to) = HistoryWindow(intentMs);
        var deals = await ReadDealsAsync(from, to, cancellationToken).ConfigureAwait(false);
        if (Executed(deals, clientId, request, Result(request, TradeRetcode.Done, "")) is { } executed)
        {
            return executed;
        }

        var history = await ReadHistoryOrdersAsync(from, to, cancellationToken).ConfigureAwait(false);
        if (history.FirstOrDefault(o => o.ClientId == clientId) is { State: "ORDER_STATE_REJECTED" or "ORDER_STATE_CANCELED" or "ORDER_STATE_EXPIRED" } finished)
        {
            return Result(request, finished.State == "ORDER_STATE_CANCELED" ? TradeRetcode.Cancel : TradeRetcode.Reject,
                $"Reconciled: the broker finished the order as {finished.State} without a deal.") with { Order = finished.Id };
        }

        var positions = await _client.GetAsync("positions", MetaApiJsonContext.Default.PositionDtoArray, cancellationToken).ConfigureAwait(false);
        foreach (var position in positions)
        {
            if (position.ClientId == clientId)
            {
                return Result(request, TradeRetcode.Done, "Reconciled: the position is open.") with
                {
                    Position = position.Id,
                    Volume = MetaApiMapping.Lots(position.Volume),
                    Price = position.OpenPrice,
                };
            }
        }

        if (request.Action == TradeAction.Deal && request.Position != 0 && positions.All(p => p.Id != request.Position))
        {
            return Result(request, TradeRetcode.Done, string.Create(CultureInfo.InvariantCulture,
                $"Reconciled: position #{request.Position} is no longer open."));
        }

        return null;
    }

    /// <summary>
    /// <paramref name="result"/> completed from the deals that carry <paramref name="clientId"/> (ticket of the first,
    /// executed volume, volume-weighted price), or null when there are none.
    /// </summary>
    private static TradeResult? Executed(List<DealDto> deals, string clientId, TradeRequest request, TradeResult result)
    {
        decimal volume = 0;
        double notional = 0;
        DealDto? first = null;
        foreach (var deal in deals)
        {
            if (deal.ClientId == clientId)
            {
                first ??= deal;
                var lots = MetaApiMapping.Lots(deal.Volume);
                volume += lots;
                notional += deal.Price * (double)lots;
            }
        }

        if (first is null || volume == 0)
        {
            return null;
        }

        var complete = request.Volume == 0 || volume >= request.Volume;
        return result with
        {
            Retcode = complete ? TradeRetcode.Done : TradeRetcode.DonePartial,
            Message = result.Message.Length > 0 ? result.Message : string.Create(CultureInfo.InvariantCulture, $"Reconciled: {volume} lots were executed."),
            Order = first.OrderId,
            Deal = first.Id,
            Position = first.PositionId,
            Volume = volume,
            Price = notional / (double)volume,
        };
    }

    // Prices come back as MetaApi prints them with the symbol's digits: equal up to binary rounding.
    private static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a));
}
