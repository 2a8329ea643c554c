using MtMcp.Gateways.Bridge.Wire;

namespace MtMcp.Gateways.Bridge;

/// <summary>Orders, history, checks, quotes and subscriptions of a bridge session.</summary>
public sealed partial class BridgeSession
{
    /// <summary>Working orders (<c>orders.list</c>), optionally of one symbol; times converted to UTC.</summary>
    /// <exception cref="BridgeException">The request failed, or an order has an unsupported type or state name.</exception>
    public async Task<IReadOnlyList<Order>> ListOrdersAsync(string? symbol = null, CancellationToken cancellationToken = default)
    {
        var data = await RequestAsync(BridgeOps.OrdersList, new WireOrdersRequest(symbol), BridgeJsonContext.Default.WireOrdersRequest, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ToOrders(Read(data, BridgeJsonContext.Default.WireOrdersList, BridgeOps.OrdersList).Orders);
    }

    /// <summary>Finished orders whose done time lies in [<paramref name="fromMs"/>, <paramref name="toMs"/>) UTC (<c>history.orders</c>).</summary>
    /// <exception cref="BridgeException">The request failed, or an order has an unsupported type or state name.</exception>
    public async Task<IReadOnlyList<Order>> ListHistoryOrdersAsync(long fromMs, long toMs, string? symbol = null, CancellationToken cancellationToken = default)
    {
        var range = HistoryRange(fromMs, toMs, symbol);
        var rows = new List<WireOrder>();
        while (true)
        {
            var data = await RequestAsync(BridgeOps.HistoryOrders, range, BridgeJsonContext.Default.WireHistoryRequest, _options.LongDeadline, cancellationToken).ConfigureAwait(false);
            var page = Read(data, BridgeJsonContext.Default.WireOrdersList, BridgeOps.HistoryOrders);
            rows.AddRange(page.Orders);
            if (!NextPage(page.More, page.NextOffset, page.Orders.Count, ref range))
            {
                return ToOrders(rows);
            }
        }
    }

    /// <summary>Deals whose time lies in [<paramref name="fromMs"/>, <paramref name="toMs"/>) UTC (<c>history.deals</c>).</summary>
    /// <exception cref="BridgeException">The request failed, or a deal has an unsupported type name.</exception>
    public async Task<IReadOnlyList<Deal>> ListDealsAsync(long fromMs, long toMs, string? symbol = null, CancellationToken cancellationToken = default)
    {
        var range = HistoryRange(fromMs, toMs, symbol);
        var wire = new List<WireDeal>();
        while (true)
        {
            var data = await RequestAsync(BridgeOps.HistoryDeals, range, BridgeJsonContext.Default.WireHistoryRequest, _options.LongDeadline, cancellationToken).ConfigureAwait(false);
            var page = Read(data, BridgeJsonContext.Default.WireDealsList, BridgeOps.HistoryDeals);
            wire.AddRange(page.Deals);
            if (!NextPage(page.More, page.NextOffset, page.Deals.Count, ref range))
            {
                break;
            }
        }

        var deals = new Deal[wire.Count];
        for (var i = 0; i < deals.Length; i++)
        {
            var d = wire[i];
            deals[i] = new Deal
            {
                Ticket = d.Ticket,
                Order = d.Order,
                PositionId = d.PositionId,
                Symbol = d.Symbol,
                Type = MqlNames.DealType.Parse(d.Type, "deal type"),
                Entry = MqlNames.DealEntry.TryParse(d.Entry, out var entry) ? entry : DealEntry.In,
                Volume = d.Volume,
                Price = d.Price,
                Profit = d.Profit,
                Commission = d.Commission,
                Swap = d.Swap,
                TimeMs = ServerTimeToUtcMs(d.TimeMsc),
                Magic = d.Magic,
                Comment = d.Comment,
                Reason = MqlNames.DealReason.TryParse(d.Reason, out var reason) ? reason : DealReason.Expert,
                StopLoss = d.Sl,
                TakeProfit = d.Tp,
            };
        }

        return deals;
    }

    /// <summary>Checks <paramref name="request"/> without sending it (<c>order.check</c>, MT5 OrderCheck).</summary>
    /// <exception cref="BridgeException">The request failed.</exception>
    public async Task<OrderCheckResult> CheckOrderAsync(TradeRequest request, CancellationToken cancellationToken = default)
    {
        var data = await RequestAsync(BridgeOps.OrderCheck, new WireOrderCheck(ToWire(request, request.Comment)), BridgeJsonContext.Default.WireOrderCheck, cancellationToken: cancellationToken).ConfigureAwait(false);
        var wire = Read(data, BridgeJsonContext.Default.WireCheckResult, BridgeOps.OrderCheck);

        // MqlTradeCheckResult reports 0 when the check passed (OrderCheck returned true).
        var retcode = wire.Retcode == 0 ? TradeRetcode.Done : (TradeRetcode)wire.Retcode;
        return new OrderCheckResult
        {
            Retcode = retcode,
            Message = string.IsNullOrEmpty(wire.Comment) ? TradeRetcodes.Describe((int)retcode) : wire.Comment,
            Balance = wire.Balance,
            Equity = wire.Equity,
            Profit = wire.Profit,
            Margin = wire.Margin,
            MarginFree = wire.MarginFree,
            MarginLevel = wire.MarginLevel > 0 ? wire.MarginLevel : null,
        };
    }

    /// <summary>The latest tick of <paramref name="symbol"/> (<c>tick.last</c>); time converted to UTC.</summary>
    /// <exception cref="BridgeException">The request failed (<c>SYMBOL_NOT_FOUND</c> for an unknown symbol).</exception>
    public async Task<Tick> GetLastTickAsync(string symbol, CancellationToken cancellationToken = default)
    {
        var data = await RequestAsync(BridgeOps.TickLast, new WireSymbolRequest(symbol), BridgeJsonContext.Default.WireSymbolRequest, cancellationToken: cancellationToken).ConfigureAwait(false);
        var tick = Read(data, BridgeJsonContext.Default.WireTick, BridgeOps.TickLast);
        return new Tick(ServerTimeToUtcMs(tick.TimeMsc), tick.Bid, tick.Ask, tick.Last, tick.VolumeReal, (TickFlags)tick.Flags);
    }

    /// <summary>Starts streaming ticks of <paramref name="symbols"/> (<c>subscribe</c>; idempotent at the EA).</summary>
    /// <exception cref="BridgeException">The request failed.</exception>
    public Task SubscribeTicksAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken = default) =>
        RequestAsync(BridgeOps.Subscribe, new WireSubscriptions { Ticks = symbols }, BridgeJsonContext.Default.WireSubscriptions, cancellationToken: cancellationToken);

    /// <summary>Moves <paramref name="range"/> to the next page; false when the answer was the last one.</summary>
    /// <exception cref="BridgeException">The EA announced more rows without moving on (it would loop forever).</exception>
    private static bool NextPage(bool more, int nextOffset, int rows, ref WireHistoryRequest range)
    {
        if (!more)
        {
            return false;
        }

        var offset = nextOffset > 0 ? nextOffset : (range.Offset ?? 0) + rows;
        if (offset <= (range.Offset ?? 0))
        {
            throw new BridgeException(BridgeErrorCodes.ProtocolError, "A history page says more rows follow but its next_offset does not move on.", requestSent: true);
        }

        range = range with { Offset = offset };
        return true;
    }

    private WireHistoryRequest HistoryRange(long fromMs, long toMs, string? symbol) =>
        new(fromMs == long.MinValue ? 0 : UtcMsToServerTimeSeconds(fromMs),
            toMs == long.MaxValue ? int.MaxValue : UtcMsToServerTimeSeconds(toMs + 999),
            symbol);

    private Order[] ToOrders(IReadOnlyList<WireOrder> wire)
    {
        var orders = new Order[wire.Count];
        for (var i = 0; i < orders.Length; i++)
        {
            var o = wire[i];
            orders[i] = new Order
            {
                Ticket = o.Ticket,
                Symbol = o.Symbol,
                Type = MqlNames.OrderType.Parse(o.Type, "order type"),
                State = MqlNames.OrderState.Parse(o.State, "order state"),
                VolumeInitial = o.VolumeInitial,
                VolumeCurrent = o.VolumeCurrent,
                PriceOpen = o.PriceOpen,
                StopLimit = o.PriceStoplimit,
                StopLoss = o.Sl,
                TakeProfit = o.Tp,
                TimeSetupMs = ServerTimeToUtcMs(o.TimeSetupMsc),
                TimeDoneMs = o.TimeDoneMsc == 0 ? 0 : ServerTimeToUtcMs(o.TimeDoneMsc),
                TimeType = MqlNames.OrderTimeType.TryParse(o.TypeTime, out var timeType) ? timeType : OrderTimeType.Gtc,
                ExpirationMs = o.TimeExpiration == 0 ? 0 : ServerTimeToUtcMs(o.TimeExpiration * 1000),
                Filling = MqlNames.OrderFilling.TryParse(o.TypeFilling, out var filling) ? filling : OrderFilling.Return,
                Magic = o.Magic,
                Comment = o.Comment,
                PositionId = o.PositionId,
                PositionById = o.PositionById,
                Reason = MqlNames.OrderReason.TryParse(o.Reason, out var reason) ? reason : OrderReason.Expert,
            };
        }

        return orders;
    }
}
