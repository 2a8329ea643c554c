namespace MtMcp.Backtesting;

internal sealed partial class CompatBroker
{
    public void Buy(double size = OrderSizes.AllAvailable, double limit = double.NaN, double stop = double.NaN, double sl = double.NaN, double tp = double.NaN, string? tag = null)
    {
        CheckSize(size);
        NewOrder(size, limit, stop, sl, tp, null, tag);
    }

    public void Sell(double size = OrderSizes.AllAvailable, double limit = double.NaN, double stop = double.NaN, double sl = double.NaN, double tp = double.NaN, string? tag = null)
    {
        CheckSize(size);
        NewOrder(-size, limit, stop, sl, tp, null, tag);
    }

    public void ClosePosition(double portion = 1)
    {
        // Position.close(): Trade.close() for each trade, each inserted at the front of the queue.
        foreach (var trade in _trades)
        {
            CloseTradeOrder(trade, portion);
        }
    }

    public void CloseTrade(int index, double portion = 1) => CloseTradeOrder(_trades[index], portion);

    public void SetTradeStops(int index, double sl, double tp)
    {
        var trade = _trades[index];
        SetContingent(trade, isStopLoss: true, sl);
        SetContingent(trade, isStopLoss: false, tp);
    }

    private static void CheckSize(double size)
    {
        if (!(size > 0 && (size < 1 || size == Math.Round(size))) || !double.IsFinite(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size,
                "Order size is a fraction of the available margin in (0, 1) or a whole number of units ≥ 1.");
        }
    }

    /// <summary>Trade.close(portion): a close order of <c>max(1, round(|size| × portion))</c> units at the front (A.2.3).</summary>
    private void CloseTradeOrder(CompatTrade trade, double portion)
    {
        if (!(portion > 0 && portion <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(portion), portion, "The portion to close is in (0, 1].");
        }

        var size = Math.CopySign(Math.Max(1, Math.Round(Math.Abs(trade.Size) * portion, MidpointRounding.ToEven)), -trade.Size);
        _orders.Insert(0, new CompatOrder(size, double.NaN, double.NaN, double.NaN, double.NaN, trade, trade.Tag));
    }

    /// <summary>Trade.sl / Trade.tp setters: cancel the old contingent order, then place a stop (SL) or limit (TP) order.</summary>
    private void SetContingent(CompatTrade trade, bool isStopLoss, double price)
    {
        if (!double.IsNaN(price) && !(price > 0 && double.IsFinite(price)))
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A stop loss or take profit price must be positive (NaN removes it).");
        }

        var old = isStopLoss ? trade.StopLossOrder : trade.TakeProfitOrder;
        if (old is not null)
        {
            _orders.Remove(old);
        }

        CompatOrder? order = null;
        if (!double.IsNaN(price))
        {
            order = isStopLoss
                ? NewOrder(-trade.Size, double.NaN, price, double.NaN, double.NaN, trade, trade.Tag)
                : NewOrder(-trade.Size, price, double.NaN, double.NaN, double.NaN, trade, trade.Tag);
        }

        if (isStopLoss)
        {
            trade.StopLossOrder = order;
            trade.StopLoss = price;
        }
        else
        {
            trade.TakeProfitOrder = order;
            trade.TakeProfit = price;
        }
    }

    /// <summary>_Broker.new_order: validate SL &lt; entry &lt; TP (long) or the mirror, apply exclusive orders, queue.</summary>
    private CompatOrder NewOrder(double size, double limit, double stop, double sl, double tp, CompatTrade? trade, string? tag)
    {
        CheckPrice(limit, nameof(limit));
        CheckPrice(stop, nameof(stop));
        CheckPrice(sl, nameof(sl));
        CheckPrice(tp, nameof(tp));
        var isLong = size > 0;
        var adjusted = _bars.Span[_i].Close * (1 + Math.CopySign(_options.Spread, size));
        var entry = !double.IsNaN(limit) ? limit : !double.IsNaN(stop) ? stop : adjusted;
        var low = isLong ? Or(sl, double.NegativeInfinity) : Or(tp, double.NegativeInfinity);
        var high = isLong ? Or(tp, double.PositiveInfinity) : Or(sl, double.PositiveInfinity);
        if (!(low < entry && entry < high))
        {
            throw new ArgumentException(isLong
                ? $"Long orders require SL ({Format(sl)}) < entry ({Format(entry)}) < TP ({Format(tp)}); the entry is the limit, else the stop, else the spread-adjusted close."
                : $"Short orders require TP ({Format(tp)}) < entry ({Format(entry)}) < SL ({Format(sl)}); the entry is the limit, else the stop, else the spread-adjusted close.");
        }

        var order = new CompatOrder(size, limit, stop, sl, tp, trade, tag);
        if (trade is null && _options.ExclusiveOrders)
        {
            for (var k = _orders.Count - 1; k >= 0; k--)
            {
                if (!_orders[k].IsContingent)
                {
                    _orders.RemoveAt(k);
                }
            }

            foreach (var open in _trades)
            {
                CloseTradeOrder(open, 1);
            }
        }

        // SL orders go to the front so they are processed before TP orders in the same bar (A.2.7).
        _orders.Insert(trade is not null && !double.IsNaN(stop) ? 0 : _orders.Count, order);
        return order;
    }

    private static void CheckPrice(double price, string name)
    {
        if (!double.IsNaN(price) && !(price > 0 && double.IsFinite(price)))
        {
            throw new ArgumentOutOfRangeException(name, price, "Order prices must be positive and finite (NaN = none).");
        }
    }

    private static double Or(double value, double fallback) => double.IsNaN(value) ? fallback : value;

    /// <summary>_Broker._process_orders, with its tail recursion (reprocess newly added SL/TP orders) as a loop.</summary>
    private void ProcessOrders()
    {
        // Most bars have no order: skip the snapshot.
        while (_orders.Count > 0 && ProcessOrdersOnce())
        {
        }
    }

    private bool ProcessOrdersOnce()
    {
        var bars = _bars.Span;
        ref readonly var bar = ref bars[_i];
        double open = bar.Open, high = bar.High, low = bar.Low;
        var reprocess = false;
        _snapshot.Clear();
        _snapshot.AddRange(_orders);
        foreach (var order in _snapshot)
        {
            // A related SL/TP order was already removed.
            if (!_orders.Contains(order))
            {
                continue;
            }

            var stop = order.Stop;
            if (!double.IsNaN(stop))
            {
                var stopHit = order.IsLong ? high >= stop : low <= stop;
                if (!stopHit)
                {
                    continue;
                }

                // A triggered stop becomes a market or limit order.
                order.Stop = double.NaN;
            }

            double price;
            if (!double.IsNaN(order.Limit))
            {
                var limitHit = order.IsLong ? low <= order.Limit : high >= order.Limit;
                // Stop and limit in the same bar: pessimistically, the limit was reached before the stop.
                var limitBeforeStop = limitHit && (order.IsLong ? order.Limit <= Or(stop, double.NegativeInfinity) : order.Limit >= Or(stop, double.PositiveInfinity));
                if (!limitHit || limitBeforeStop)
                {
                    continue;
                }

                price = order.IsLong ? Math.Min(Or(stop, open), order.Limit) : Math.Max(Or(stop, open), order.Limit);
            }
            else
            {
                // Market (or triggered stop): the open, or the previous close with trade_on_close; contingent orders
                // always at the open. A gap through a stop fills at the worse open (A.2.7).
                price = _options.TradeOnClose && !order.IsContingent ? bars[_i - 1].Close : open;
                if (!double.IsNaN(stop))
                {
                    price = order.IsLong ? Math.Max(price, stop) : Math.Min(price, stop);
                }
            }

            var isMarket = double.IsNaN(order.Limit) && double.IsNaN(stop);
            var timeIndex = isMarket && _options.TradeOnClose && !order.IsContingent ? _i - 1 : _i;

            if (order.ParentTrade is { } parent)
            {
                // SL/TP or close order of a trade.
                var size = Math.CopySign(Math.Min(Math.Abs(parent.Size), Math.Abs(order.Size)), order.Size);
                if (_trades.Contains(parent))
                {
                    ReduceTrade(parent, price, size, timeIndex);
                }

                if (!ReferenceEquals(order, parent.StopLossOrder) && !ReferenceEquals(order, parent.TakeProfitOrder))
                {
                    _orders.Remove(order);
                }

                continue;
            }

            // A stand-alone order: price adjusted for the spread, commission per unit on top (A.2.4).
            var adjusted = price * (1 + Math.CopySign(_options.Spread, order.Size));
            var adjustedPlusCommission = adjusted + _options.CommissionOf(order.Size, price) / Math.Abs(order.Size);
            var units = order.Size;
            if (units > -1 && units < 1)
            {
                units = Math.CopySign(PythonFloorDivide(MarginAvailable * _leverage * Math.Abs(units), adjustedPlusCommission), units);
                if (units == 0)
                {
                    // Not enough margin for a single unit: the broker cancels the order.
                    _orders.Remove(order);
                    continue;
                }
            }

            var need = units;
            if (!_options.Hedging)
            {
                // FIFO: close or reduce opposite trades at the unadjusted price.
                for (var k = 0; k < _trades.Count && need != 0;)
                {
                    var trade = _trades[k];
                    if (trade.IsLong == order.IsLong)
                    {
                        k++;
                        continue;
                    }

                    if (Math.Abs(need) >= Math.Abs(trade.Size))
                    {
                        CloseTrade(trade, price, timeIndex);
                        need += trade.Size;
                    }
                    else
                    {
                        ReduceTrade(trade, price, need, timeIndex);
                        need = 0;
                    }
                }
            }

            // Not enough liquidity for the rest: the broker cancels the order.
            if (Math.Abs(need) * adjustedPlusCommission > MarginAvailable * _leverage)
            {
                _orders.Remove(order);
                continue;
            }

            if (need != 0)
            {
                OpenTrade(adjusted, need, order.StopLoss, order.TakeProfit, timeIndex, order.Tag);
                if (!double.IsNaN(order.StopLoss) || !double.IsNaN(order.TakeProfit))
                {
                    // Reprocess so the new SL/TP can fire in this bar after a market entry, or when a stop entry
                    // and its TP (same direction) hit here while the SL did not; otherwise they wait a bar (A.2.7).
                    if (isMarket)
                    {
                        reprocess = true;
                    }
                    else if (!double.IsNaN(stop) && double.IsNaN(order.Limit) && !double.IsNaN(order.TakeProfit)
                        && ((order.IsLong && order.TakeProfit <= high && Or(order.StopLoss, double.NegativeInfinity) < low)
                            || (!order.IsLong && order.TakeProfit >= low && Or(order.StopLoss, double.PositiveInfinity) > high)))
                    {
                        reprocess = true;
                    }
                }
            }

            _orders.Remove(order);
        }

        return reprocess;
    }

    private void ReduceTrade(CompatTrade trade, double price, double size, int timeIndex)
    {
        var left = trade.Size + size;
        CompatTrade closing;
        if (left == 0)
        {
            closing = trade;
        }
        else
        {
            trade.Size = left;
            trade.StopLossOrder?.Size = -left;
            trade.TakeProfitOrder?.Size = -left;
            closing = trade.CopyWithSize(-size);
            _trades.Add(closing);
        }

        CloseTrade(closing, price, timeIndex);
    }

    private void CloseTrade(CompatTrade trade, double price, int timeIndex)
    {
        _trades.Remove(trade);
        if (trade.StopLossOrder is { } sl)
        {
            _orders.Remove(sl);
        }

        if (trade.TakeProfitOrder is { } tp)
        {
            _orders.Remove(tp);
        }

        trade.ExitPrice = price;
        trade.ExitBar = timeIndex;
        _closed.Add(trade);
        // A.2.5: exit at the unadjusted price; cash gets the profit less the exit commission.
        var exitCommission = _options.CommissionOf(trade.Size, price);
        _cash += trade.ProfitAt(price) - exitCommission;
        trade.Commissions = exitCommission + _options.CommissionOf(trade.Size, trade.EntryPrice);
    }

    private void OpenTrade(double price, double size, double sl, double tp, int timeIndex, string? tag)
    {
        var trade = new CompatTrade(size, price, timeIndex, tag);
        _trades.Add(trade);
        _cash -= _options.CommissionOf(size, price);
        if (!double.IsNaN(tp))
        {
            SetContingent(trade, isStopLoss: false, tp);
        }

        if (!double.IsNaN(sl))
        {
            SetContingent(trade, isStopLoss: true, sl);
        }
    }

    /// <summary>Python's float <c>a // b</c> (divmod-based, not <c>floor(a / b)</c>, which can round up across an integer).</summary>
    internal static double PythonFloorDivide(double a, double b)
    {
        var mod = a % b;
        var div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0))
        {
            div -= 1;
        }

        if (div == 0)
        {
            return Math.CopySign(0, a / b);
        }

        var floor = Math.Floor(div);
        return div - floor > 0.5 ? floor + 1 : floor;
    }
}
