namespace MtMcp.Engine;

public sealed partial class TradingAccount
{
    /// <summary>
    /// Processes the quote of symbol <paramref name="symbolId"/> just written to the board: advances the clock
    /// (expirations, rollover), then fires pending orders, stop-limit activations, SL/TP and trailing stops of that
    /// symbol, and watches stop-out. O(1) and allocation-free when nothing is near a trigger.
    /// </summary>
    public void OnQuote(int symbolId)
    {
        var time = _quotes.QuoteTimeMs(symbolId);
        if (time > _timeMs)
        {
            if (time >= _nextEventMs)
            {
                RunTimeEvents(time);
            }

            _timeMs = time;
            Changes.TimeMs = time;
        }

        if (_books[symbolId] is not { } book)
        {
            return;
        }

        var bid = _quotes.BidTicks(symbolId);
        var ask = _quotes.AskTicks(symbolId);
        if (book.AlwaysCheck || ask >= book.AskUp || ask <= book.AskDown || bid >= book.BidUp || bid <= book.BidDown)
        {
            ProcessTriggers(book);
            EndStep();
        }

        if (book.Positions.Count > 0 && UpdateEstimateNearStopOut(book))
        {
            CheckStopOut();
        }
    }

    /// <summary>The nearest trigger per direction, from the book's working orders and positions.</summary>
    private static void RebuildTriggers(SymbolBook book)
    {
        book.ClearTriggers();
        var spec = book.Spec;
        foreach (var order in book.Orders)
        {
            var price = spec.ToTicks(order.PriceOpen);
            switch (order.Type)
            {
                case OrderType.Buy or OrderType.Sell:
                    book.AlwaysCheck = true;
                    break;
                case OrderType.BuyLimit:
                    book.AskDown = Math.Max(book.AskDown, price);
                    break;
                case OrderType.BuyStop or OrderType.BuyStopLimit:
                    book.AskUp = Math.Min(book.AskUp, price);
                    break;
                case OrderType.SellLimit:
                    book.BidUp = Math.Min(book.BidUp, price);
                    break;
                default:
                    book.BidDown = Math.Max(book.BidDown, price);
                    break;
            }
        }

        foreach (var position in book.Positions)
        {
            var isBuy = position.Type == PositionType.Buy;
            if (position.StopLoss != 0)
            {
                var sl = spec.ToTicks(position.StopLoss);
                if (isBuy)
                {
                    book.BidDown = Math.Max(book.BidDown, sl);
                }
                else
                {
                    book.AskUp = Math.Min(book.AskUp, sl);
                }
            }

            if (position.TakeProfit != 0)
            {
                var tp = spec.ToTicks(position.TakeProfit);
                if (isBuy)
                {
                    book.BidUp = Math.Min(book.BidUp, tp);
                }
                else
                {
                    book.AskDown = Math.Max(book.AskDown, tp);
                }
            }

            if (position.TrailingStopPoints > 0)
            {
                var threshold = TrailingThreshold(spec, position);
                if (isBuy)
                {
                    book.BidUp = Math.Min(book.BidUp, threshold);
                }
                else
                {
                    book.AskDown = Math.Max(book.AskDown, threshold);
                }
            }
        }
    }

    /// <summary>
    /// The closing-side price (ticks) at which the trailing stop moves: at least the trailing distance in profit,
    /// and far enough beyond the current SL for a move of at least one step.
    /// </summary>
    private static long TrailingThreshold(SymbolSpec spec, Position position)
    {
        var distance = PointsToTicks(spec, position.TrailingStopPoints);
        var step = Math.Max(1, PointsToTicks(spec, position.TrailingStepPoints));
        var open = spec.ToTicks(position.PriceOpen);
        if (position.Type == PositionType.Buy)
        {
            var activation = open + distance;
            return position.StopLoss == 0 ? activation : Math.Max(activation, spec.ToTicks(position.StopLoss) + distance + step);
        }

        var sellActivation = open - distance;
        return position.StopLoss == 0 ? sellActivation : Math.Min(sellActivation, spec.ToTicks(position.StopLoss) - distance - step);
    }

    /// <summary>Fires everything the current quote reaches on this symbol: orders (in ticket order), then SL/TP, then trailing.</summary>
    private void ProcessTriggers(SymbolBook book)
    {
        var spec = book.Spec;
        var bid = _quotes.BidTicks(book.Id);
        var ask = _quotes.AskTicks(book.Id);
        _scratchOrders.Clear();
        _scratchOrders.AddRange(book.Orders);
        foreach (var order in _scratchOrders)
        {
            var price = spec.ToTicks(order.PriceOpen);
            switch (order.Type)
            {
                case OrderType.Buy or OrderType.Sell:
                    FillWorking(book, order, stop: true);
                    break;
                case OrderType.BuyLimit when ask <= price:
                case OrderType.SellLimit when bid >= price:
                    FillWorking(book, order, stop: false);
                    break;
                case OrderType.BuyStop when ask >= price:
                case OrderType.SellStop when bid <= price:
                    FillWorking(book, order, stop: true);
                    break;
                case OrderType.BuyStopLimit when ask >= price:
                case OrderType.SellStopLimit when bid <= price:
                    ActivateStopLimit(book, order, bid, ask);
                    break;
            }
        }

        _scratchPositions.Clear();
        _scratchPositions.AddRange(book.Positions);
        foreach (var position in _scratchPositions)
        {
            var isBuy = position.Type == PositionType.Buy;
            var market = isBuy ? bid : ask;
            if (position.StopLoss != 0 && (isBuy ? market <= spec.ToTicks(position.StopLoss) : market >= spec.ToTicks(position.StopLoss)))
            {
                ClosePosition(book, position, position.Volume, OrderReason.StopLoss, slip: true);
            }
            else if (position.TakeProfit != 0 && (isBuy ? market >= spec.ToTicks(position.TakeProfit) : market <= spec.ToTicks(position.TakeProfit)))
            {
                ClosePosition(book, position, position.Volume, OrderReason.TakeProfit, slip: false);
            }
            else if (position.TrailingStopPoints > 0 && (isBuy ? market >= TrailingThreshold(spec, position) : market <= TrailingThreshold(spec, position)))
            {
                var distance = PointsToTicks(spec, position.TrailingStopPoints);
                var stop = spec.NormalizePrice((isBuy ? market - distance : market + distance) * spec.TickSize);
                ReplacePosition(book, position, position with { StopLoss = stop, TimeUpdateMs = _timeMs });
            }
        }

        MarkDirty(book);
    }

    /// <summary>A stop-limit order whose stop is reached becomes a limit order at its StopLimit price (same ticket), which may fill at once.</summary>
    private void ActivateStopLimit(SymbolBook book, Order order, long bid, long ask)
    {
        var limit = order with
        {
            Type = order.Type == OrderType.BuyStopLimit ? OrderType.BuyLimit : OrderType.SellLimit,
            PriceOpen = order.StopLimit,
            StopLimit = 0,
        };
        ReplaceWorkingOrder(book, order, limit);
        Changes.Add(new TradeTransaction(TradeTransactionType.OrderUpdate, _timeMs, Order: limit));
        var price = book.Spec.ToTicks(limit.PriceOpen);
        if (limit.Type == OrderType.BuyLimit ? ask <= price : bid >= price)
        {
            FillWorking(book, limit, stop: false);
        }
    }

    /// <summary>
    /// Fills a triggered pending order (or a working market remainder) at the current quote: stops and market
    /// orders with slippage, limits without (at the quote, which is at or better than the limit). Fills at most
    /// the liquidity cap; FOK waits for enough, IOC cancels the rest, RETURN keeps it working. An activation the
    /// free margin or the position limit cannot take rejects the order.
    /// </summary>
    private void FillWorking(SymbolBook book, Order order, bool stop)
    {
        var spec = book.Spec;
        var side = order.IsBuy ? PositionType.Buy : PositionType.Sell;
        var target = order.PositionId != 0 && FindPosition(order.PositionId) is { } closing && closing.Type != side ? closing : null;
        var volume = target is null ? order.VolumeCurrent : Math.Min(order.VolumeCurrent, target.Volume);
        if (Settings.MaxFillVolume > 0 && volume > Settings.MaxFillVolume)
        {
            if (order.Filling == OrderFilling.Fok)
            {
                return;
            }

            volume = spec.FloorVolume(Settings.MaxFillVolume);
        }

        if (volume == 0)
        {
            return;
        }

        var price = MarketFillPrice(book, side, stop, _nextTicket);
        var opensNew = _info.IsHedging ? target is null && FindPosition(order.Ticket) is null : book.Positions.Count == 0;
        var rejected = opensNew && Settings.MaxPositions > 0 && _positions.Count >= Settings.MaxPositions;

        // An opposite position may have opened since the order was placed on an account that prohibits hedging.
        rejected |= opensNew && _info.IsHedging && !Settings.HedgeAllowed && HasOpposite(book, side);
        FillOutcome outcome;
        try
        {
            if (!rejected && target is null)
            {
                var projection = Project(book, volume, price, target: null, order, out outcome);
                rejected = FreeMarginAfter(projection) < 0 && outcome.Entry != DealEntry.Out;
            }
            else
            {
                outcome = ComputeFill(book, order, volume, price, target);
            }
        }
        catch (InvalidOperationException)
        {
            // A conversion pair not quoted since a restore: the order waits for a later quote.
            return;
        }
        catch (NotSupportedException)
        {
            rejected = true;
            outcome = default;
        }

        if (rejected)
        {
            RetireOrder(book, order, order with { State = OrderState.Rejected, TimeDoneMs = _timeMs });
            return;
        }

        var deal = Fill(book, order, volume, price, outcome);
        var rest = order.VolumeCurrent - volume;
        var done = order with { VolumeCurrent = rest, PositionId = deal.PositionId, PriceOpen = order.Type is OrderType.Buy or OrderType.Sell ? price : order.PriceOpen };
        if (rest == 0)
        {
            RetireOrder(book, order, done with { State = OrderState.Filled, TimeDoneMs = _timeMs });
        }
        else if (order.Filling == OrderFilling.Ioc)
        {
            RetireOrder(book, order, done with { State = OrderState.Canceled, TimeDoneMs = _timeMs });
        }
        else
        {
            var working = done with { State = OrderState.Partial };
            ReplaceWorkingOrder(book, order, working);
            Changes.Add(new TradeTransaction(TradeTransactionType.OrderUpdate, _timeMs, Order: working));
        }
    }
}
