namespace MtMcp.Engine;

public sealed partial class TradingAccount
{
    /// <summary>Open positions, in ticket order (a live view: it changes as the account trades).</summary>
    public IReadOnlyList<Position> Positions => _positionsView;

    /// <summary>Working orders, in ticket order (a live view).</summary>
    public IReadOnlyList<Order> Orders => _ordersView;

    /// <summary>The first result of a request with client order id <paramref name="clientOrderId"/>, if one was sent.</summary>
    public bool TryGetClientOrderResult(string clientOrderId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TradeResult? result) =>
        _clientOrders.TryGetValue(clientOrderId, out result);

    /// <summary>Deals whose time is in [FromMs, ToMs), of the symbol and magic if given, in ticket order.</summary>
    public IReadOnlyList<Deal> Deals(HistoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var deals = new List<Deal>();
        foreach (var deal in _deals)
        {
            if (deal.TimeMs >= query.FromMs && deal.TimeMs < query.ToMs && Matches(query, deal.Symbol, deal.Magic))
            {
                deals.Add(deal);
            }
        }

        return deals;
    }

    /// <summary>Orders that left the working set (filled, canceled, expired, rejected) with a done time in [FromMs, ToMs), by done time, then ticket.</summary>
    public IReadOnlyList<Order> HistoryOrders(HistoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var orders = new List<Order>();
        foreach (var order in _history)
        {
            if (order.TimeDoneMs >= query.FromMs && order.TimeDoneMs < query.ToMs && Matches(query, order.Symbol, order.Magic))
            {
                orders.Add(order);
            }
        }

        // History is appended in time order; orders done in the same millisecond are listed by ticket, as after a restore.
        orders.Sort(static (a, b) => a.TimeDoneMs != b.TimeDoneMs ? a.TimeDoneMs.CompareTo(b.TimeDoneMs) : a.Ticket.CompareTo(b.Ticket));
        return orders;
    }

    /// <summary>Closes every position <paramref name="filter"/> matches at market, in ticket order: one result per position.</summary>
    public IReadOnlyList<TradeResult> CloseAll(PositionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var results = new List<TradeResult>();
        foreach (var position in _positions.ToArray())
        {
            if (!Matches(filter, position))
            {
                continue;
            }

            results.Add(Send(new TradeRequest
            {
                Action = TradeAction.Deal,
                Symbol = position.Symbol,
                Type = position.Type == PositionType.Buy ? OrderType.Sell : OrderType.Buy,
                Volume = position.Volume,
                Position = position.Ticket,
                Magic = position.Magic,
            }));
        }

        return results;
    }

    /// <summary>Cancels every working order <paramref name="filter"/> matches, in ticket order: one result per order.</summary>
    public IReadOnlyList<TradeResult> CancelAll(OrderFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var results = new List<TradeResult>();
        foreach (var order in _orders.ToArray())
        {
            if ((filter.Symbol is null || order.Symbol.Equals(filter.Symbol, StringComparison.OrdinalIgnoreCase))
                && (filter.Type is null || order.Type == filter.Type)
                && (filter.Magic is null || order.Magic == filter.Magic))
            {
                results.Add(Send(new TradeRequest { Action = TradeAction.Remove, Order = order.Ticket }));
            }
        }

        return results;
    }

    private static bool Matches(HistoryQuery query, string symbol, ulong magic) =>
        (query.Symbol is null || symbol.Equals(query.Symbol, StringComparison.OrdinalIgnoreCase)) && (query.Magic is null || magic == query.Magic);

    private bool Matches(PositionFilter filter, Position position)
    {
        if ((filter.Symbol is not null && !position.Symbol.Equals(filter.Symbol, StringComparison.OrdinalIgnoreCase))
            || (filter.Type is not null && position.Type != filter.Type)
            || (filter.Magic is not null && position.Magic != filter.Magic))
        {
            return false;
        }

        if (filter.Profit == ProfitSign.Any)
        {
            return true;
        }

        var profit = FloatingProfit(position);
        return filter.Profit == ProfitSign.Profit ? profit > 0 : profit < 0;
    }
}
