using System.Globalization;

namespace MtMcp.Gateways.Bridge;

/// <summary>
/// Reconciliation (bridge-protocol.md §7.4): a trade whose answer was lost is looked up in the terminal's working
/// orders, deals, order history and positions by its tag (or, for SL/TP, modify and remove, by the ticket's state)
/// before the caller learns anything; it is never sent again from here.
/// </summary>
public sealed partial class BridgeBrokerGateway
{
    private async Task<SendAttempt> ReconcileAsync(TradeRequest request, string tag, long intentMs, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var graceUsed = false;
        string lastProblem = "the terminal did not reconnect";
        while (!cancellationToken.IsCancellationRequested)
        {
            var remaining = _options.ReconcileTimeout - _time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            var session = await WaitConnectedAsync(remaining, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                break;
            }

            TradeResult? found;
            try
            {
                found = await FindAsync(session, request, tag, intentMs, cancellationToken).ConfigureAwait(false);
            }
            catch (BridgeException ex) when (ex.IsTransient || ex.Code == BridgeErrorCodes.Canceled)
            {
                // The link failed while reading: wait for it (or the next session) and read again.
                lastProblem = ex.Code + " while reading the terminal's state";
                continue;
            }
            catch (BridgeException ex)
            {
                lastProblem = ex.Code + ": " + ex.Message;
                break;
            }

            if (found is not null)
            {
                Log.TradeReconciled(_logger, Name, tag, (int)found.Retcode);
                return SendAttempt.Final(found);
            }

            if (!graceUsed)
            {
                graceUsed = true;
                await Task.Delay(_options.ReconcileGrace, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            Log.TradeReconciled(_logger, Name, tag, 0);
            return SendAttempt.NotExecuted(Result(request, TradeRetcode.Reject,
                $"The answer was lost; the terminal shows no order, deal or change for this request ({tag}), so it was not executed. "
                + "Sending it again with the same client_order_id is safe."));
        }

        return SendAttempt.Uncertain(Result(request, TradeRetcode.Timeout,
            $"The answer was lost and the outcome could not be read back yet ({lastProblem}). Do not send a new order: "
            + "sending the same client_order_id again reconciles first and never trades twice."), intentMs);
    }

    private async Task<BridgeSession?> WaitConnectedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        BridgeSession? closed = null;
        try
        {
            while (true)
            {
                var session = await _sessions.WaitForAsync(Key, closed, linked.Token).ConfigureAwait(false);
                if (session.IsConnected)
                {
                    Attach(session);
                    return session;
                }

                closed = session;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<TradeResult?> FindAsync(BridgeSession session, TradeRequest request, string tag, long intentMs, CancellationToken cancellationToken)
    {
        switch (request.Action)
        {
            case TradeAction.SlTp:
                var positions = await session.ListPositionsAsync(null, cancellationToken).ConfigureAwait(false);
                var position = positions.FirstOrDefault(p => p.Ticket == request.Position);
                return position is null
                    ? Result(request, TradeRetcode.PositionClosed, string.Create(CultureInfo.InvariantCulture, $"Position #{request.Position} is no longer open."))
                    : Same(position.StopLoss, request.StopLoss) && Same(position.TakeProfit, request.TakeProfit)
                        ? Result(request, TradeRetcode.Done, "Reconciled: the position carries the requested stop loss and take profit.")
                        : null;
            case TradeAction.Modify:
                var working = (await session.ListOrdersAsync(null, cancellationToken).ConfigureAwait(false)).FirstOrDefault(o => o.Ticket == request.Order);
                return working is null
                    ? Result(request, TradeRetcode.InvalidOrder, string.Create(CultureInfo.InvariantCulture, $"Order #{request.Order} is no longer working."))
                    : Same(working.PriceOpen, request.Price) && Same(working.StopLimit, request.StopLimit)
                        && Same(working.StopLoss, request.StopLoss) && Same(working.TakeProfit, request.TakeProfit)
                        ? Result(request, TradeRetcode.Done, "Reconciled: the order carries the requested prices.") with { Order = working.Ticket }
                        : null;
            case TradeAction.Remove:
                return await FindRemovalAsync(session, request, intentMs, cancellationToken).ConfigureAwait(false);
            default:
                return await FindTaggedAsync(session, request, tag, intentMs, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<TradeResult?> FindRemovalAsync(BridgeSession session, TradeRequest request, long intentMs, CancellationToken cancellationToken)
    {
        var orders = await session.ListOrdersAsync(null, cancellationToken).ConfigureAwait(false);
        if (orders.Any(o => o.Ticket == request.Order))
        {
            return null;
        }

        var (from, to) = HistoryWindow(intentMs);
        var done = (await session.ListHistoryOrdersAsync(from, to, null, cancellationToken).ConfigureAwait(false)).FirstOrDefault(o => o.Ticket == request.Order);
        return done is null || done.State == OrderState.Canceled
            ? Result(request, TradeRetcode.Done, "Reconciled: the order is no longer working.") with { Order = request.Order }
            : Result(request, TradeRetcode.InvalidOrder, string.Create(CultureInfo.InvariantCulture,
                $"Order #{request.Order} left the working orders as {MqlNames.OrderState.Name(done.State)}, not by this cancel."));
    }

    private async Task<TradeResult?> FindTaggedAsync(BridgeSession session, TradeRequest request, string tag, long intentMs, CancellationToken cancellationToken)
    {
        foreach (var order in await session.ListOrdersAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (order.Comment == tag)
            {
                return Result(request, TradeRetcode.Placed, "Reconciled: the order is working at the broker.") with
                {
                    Order = order.Ticket,
                    Volume = order.VolumeCurrent,
                    Price = order.PriceOpen,
                };
            }
        }

        var (from, to) = HistoryWindow(intentMs);
        var history = await session.ListHistoryOrdersAsync(from, to, null, cancellationToken).ConfigureAwait(false);
        var tagged = history.FirstOrDefault(o => o.Comment == tag);
        var deals = await session.ListDealsAsync(from, to, null, cancellationToken).ConfigureAwait(false);

        // Brokers may overwrite a deal's comment; the order's ticket links them too.
        decimal volume = 0;
        double notional = 0;
        Deal? first = null;
        foreach (var deal in deals)
        {
            if (deal.Comment == tag || (tagged is not null && deal.Order == tagged.Ticket))
            {
                first ??= deal;
                volume += deal.Volume;
                notional += deal.Price * (double)deal.Volume;
            }
        }

        if (first is not null)
        {
            return Result(request, volume >= request.Volume ? TradeRetcode.Done : TradeRetcode.DonePartial,
                string.Create(CultureInfo.InvariantCulture, $"Reconciled: {volume} lots were executed.")) with
            {
                Order = first.Order,
                Deal = first.Ticket,
                Position = first.PositionId,
                Volume = volume,
                Price = notional / (double)volume,
            };
        }

        if (tagged is { State: OrderState.Rejected or OrderState.Canceled or OrderState.Expired })
        {
            return Result(request, tagged.State == OrderState.Canceled ? TradeRetcode.Cancel : TradeRetcode.Reject,
                $"Reconciled: the broker finished the order as {MqlNames.OrderState.Name(tagged.State)} without a deal.") with { Order = tagged.Ticket };
        }

        foreach (var position in await session.ListPositionsAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (position.Comment == tag)
            {
                return Result(request, TradeRetcode.Done, "Reconciled: the position is open.") with
                {
                    Position = position.Ticket,
                    Volume = position.Volume,
                    Price = position.PriceOpen,
                };
            }
        }

        return null;
    }

    private (long From, long To) HistoryWindow(long intentMs)
    {
        var margin = (long)s_historyMargin.TotalMilliseconds;
        return (intentMs - margin, _time.GetUtcNow().ToUnixTimeMilliseconds() + margin);
    }

    private TradeResult Result(TradeRequest request, TradeRetcode retcode, string message) => new()
    {
        Retcode = retcode,
        Action = request.Action,
        Message = message,
        Position = request.Position,
        ClientOrderId = request.ClientOrderId,
        TimeMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
    };

    // Prices come back as the terminal printed them with the symbol's digits: equal up to binary rounding.
    private static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a));
}
