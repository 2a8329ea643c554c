namespace MtMcp.Engine;

public sealed partial class TradingAccount
{
    /// <summary>Longest comment MT5 keeps on an order, deal or position.</summary>
    public const int MaxCommentLength = 31;

    /// <summary>
    /// Executes a trade request (every <see cref="TradeAction"/>) and answers as MT5's synchronous OrderSend does.
    /// Never throws for bad input: every problem is a result with the MT5 return code and a plain message. A request
    /// whose client order id was seen before returns that first result unchanged and does nothing.
    /// </summary>
    public TradeResult Send(TradeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ClientOrderId is { } id && _clientOrders.TryGetValue(id, out var first))
        {
            return first;
        }

        var result = request.Action switch
        {
            TradeAction.Deal => ValidateDeal(request, out var plan) ?? ExecuteDeal(request, plan!),
            TradeAction.Pending => ValidatePending(request, out var plan) ?? PlacePending(request, plan!),
            TradeAction.SlTp => ValidateSlTp(request, out var plan) ?? ModifyPosition(request, plan!),
            TradeAction.Modify => ValidateModify(request, out var plan) ?? ModifyOrder(request, plan!),
            TradeAction.Remove => ValidateRemove(request, out var plan) ?? RemoveOrder(plan!),
            TradeAction.CloseBy => ValidateCloseBy(request, out var plan) ?? CloseBy(request, plan!),
            _ => Reject(request.Action, TradeRetcode.Invalid, $"Action {request.Action} is not a trade action: use Deal, Pending, SlTp, Modify, Remove or CloseBy."),
        };

        if (request.ClientOrderId is { } clientOrderId)
        {
            result = result with { ClientOrderId = clientOrderId };
            _clientOrders[clientOrderId] = result;
            Changes.AddClientOrder(clientOrderId, result);
        }

        EndStep();
        return result;
    }

    /// <summary>
    /// Validates <paramref name="request"/> exactly as <see cref="Send"/> would, without changing anything, and
    /// reports the margin it needs and the account right after it (MT5's OrderCheck).
    /// </summary>
    public OrderCheckResult Check(TradeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Plan? plan;
        var rejection = request.Action switch
        {
            TradeAction.Deal => ValidateDeal(request, out plan),
            TradeAction.Pending => ValidatePending(request, out plan),
            TradeAction.SlTp => ValidateSlTp(request, out plan),
            TradeAction.Modify => ValidateModify(request, out plan),
            TradeAction.Remove => ValidateRemove(request, out plan),
            TradeAction.CloseBy => ValidateCloseBy(request, out plan),
            _ => Reject(request.Action, TradeRetcode.Invalid, $"Action {request.Action} is not a trade action.", null, out plan),
        };

        var (profit, margin) = ExactTotals();
        var now = new Projection(_balance, profit, margin, 0);
        var after = rejection is null && plan!.Projection is { } projected ? projected : now;
        if (rejection is null && request.Action == TradeAction.Pending)
        {
            // A pending order holds no margin until it fills; report what it will need at its price.
            after = now with { RequiredMargin = PendingMargin(plan!) };
        }

        var equity = (double)(after.Balance + _credit) + after.Profit;
        return new OrderCheckResult
        {
            Retcode = rejection?.Retcode ?? TradeRetcode.Done,
            Message = rejection?.Message ?? "The request would be accepted.",
            Balance = after.Balance,
            Equity = equity,
            Profit = after.Profit,
            RequiredMargin = after.RequiredMargin,
            Margin = after.Margin,
            MarginFree = equity - after.Margin,
            MarginLevel = after.Margin > 0 ? equity / after.Margin * 100 : null,
        };
    }

    // ---- Validation ------------------------------------------------------------------------

    private TradeResult? ValidateDeal(TradeRequest r, out Plan? plan)
    {
        const TradeAction A = TradeAction.Deal;
        plan = null;
        if (!_info.TradeAllowed)
        {
            return Reject(A, TradeRetcode.TradeDisabled, "Trading is disabled on this account.");
        }

        Position? target = null;
        if (r.Position != 0)
        {
            target = FindPosition(r.Position);
            if (target is null)
            {
                return Reject(A, TradeRetcode.PositionClosed, $"Position {r.Position} is not open: it was closed or never existed.");
            }
        }

        var symbol = r.Symbol.Length == 0 && target is not null ? target.Symbol : r.Symbol;
        if (ResolveSymbol(A, symbol) is not { } book)
        {
            return UnknownSymbol(A, symbol);
        }

        var spec = book.Spec;
        if (spec.TradeMode == SymbolTradeMode.Disabled)
        {
            return Reject(A, TradeRetcode.TradeDisabled, $"Trading {spec.Name} is disabled (SYMBOL_TRADE_MODE_DISABLED).", book);
        }

        if (r.Type is not (OrderType.Buy or OrderType.Sell))
        {
            return Reject(A, TradeRetcode.Invalid, $"Type {r.Type} is not a market order: a Deal request is Buy or Sell (use Pending for {r.Type}).", book);
        }

        if (CheckFields(A, r, book) is { } bad)
        {
            return bad;
        }

        var side = r.Type == OrderType.Buy ? PositionType.Buy : PositionType.Sell;
        if (target is not null)
        {
            if (!target.Symbol.Equals(spec.Name, StringComparison.OrdinalIgnoreCase))
            {
                return Reject(A, TradeRetcode.Invalid, $"Position {target.Ticket} is on {target.Symbol}, not {spec.Name}.", book);
            }

            if (target.Type == side)
            {
                return Reject(A, TradeRetcode.Invalid,
                    $"Position {target.Ticket} is a {target.Type}: close it with a {(side == PositionType.Buy ? "Sell" : "Buy")}, not a {r.Type}.", book);
            }
        }

        if (CheckMarket(A, book) is { } closed)
        {
            return closed;
        }

        if ((spec.OrderFlags & SymbolOrderFlags.Market) == 0)
        {
            return Reject(A, TradeRetcode.InvalidOrder, $"{spec.Name} does not allow market orders (SYMBOL_ORDER_MODE {spec.OrderFlags}).", book);
        }

        // How much of the deal opens or adds exposure (the rest reduces an opposite position).
        var existing = _info.IsHedging ? target : (book.Positions.Count > 0 ? book.Positions[0] : null);
        var opening = existing is not null && existing.Type != side ? Math.Max(0, r.Volume - existing.Volume) : r.Volume;
        if (TradeModeRejection(A, book, side, opening > 0) is { } mode)
        {
            return mode;
        }

        if (!spec.IsValidVolume(r.Volume))
        {
            return InvalidVolume(A, book, r.Volume);
        }

        if (opening > 0 && VolumeLimitRejection(A, book, side, opening) is { } limit)
        {
            return limit;
        }

        var keepsStops = target is null && opening > 0;
        if (keepsStops && CheckStops(A, book, side == PositionType.Buy, side == PositionType.Buy ? _quotes.BidTicks(book.Id) : _quotes.AskTicks(book.Id),
                r.StopLoss, r.TakeProfit, side == PositionType.Buy ? "the bid" : "the ask") is { } stops)
        {
            return stops;
        }

        if (ResolveMarketFilling(spec, r.Filling) is not { } filling)
        {
            return Reject(A, TradeRetcode.InvalidFill, FillingMessage(spec, r.Filling), book);
        }

        if (target is not null && PositionFrozen(book, target))
        {
            return Reject(A, TradeRetcode.Frozen,
                $"Position {target.Ticket} is frozen: its stop loss or take profit is within {spec.FreezeLevel} points (freeze level) of the market.", book);
        }

        var opensNew = _info.IsHedging ? target is null : existing is null;
        if (opensNew && Settings.MaxPositions > 0 && _positions.Count >= Settings.MaxPositions)
        {
            return Reject(A, TradeRetcode.LimitPositions, $"The account already has {_positions.Count} open positions, the most allowed (MaxPositions {Settings.MaxPositions}).", book);
        }

        if (_info.IsHedging && target is null && !Settings.HedgeAllowed && HasOpposite(book, side))
        {
            return Reject(A, TradeRetcode.HedgeProhibited,
                $"The account may not hold opposite positions on {spec.Name}: close the {(side == PositionType.Buy ? "sell" : "buy")} position instead.", book);
        }

        if (target is not null && Settings.FifoClose && OlderSameSide(book, target) is { } older)
        {
            return Reject(A, TradeRetcode.FifoClose, $"FIFO rule: close position {older.Ticket}, the oldest {older.Type} on {spec.Name}, before position {target.Ticket}.", book);
        }

        if (target is not null && r.Volume > target.Volume)
        {
            return Reject(A, TradeRetcode.InvalidCloseVolume, $"Close volume {r.Volume} exceeds position {target.Ticket}'s volume {target.Volume}.", book);
        }

        // The deal will get the ticket right after its order's: slippage is drawn for that ticket.
        var price = MarketFillPrice(book, side, slip: true, _nextTicket + 1);
        if (spec.ExecutionMode is SymbolTradeExecution.Request or SymbolTradeExecution.Instant && r.Price > 0 && r.Deviation > 0)
        {
            var moved = Math.Abs(spec.ToTicks(price) - spec.ToTicks(r.Price));
            if (moved > PointsToTicks(spec, r.Deviation))
            {
                return Reject(A, TradeRetcode.Requote,
                    $"Requote: the price is {spec.FormatPrice(price)}, {moved} ticks from the requested {spec.FormatPrice(r.Price)}, beyond the deviation of {r.Deviation} points.", book);
            }
        }

        var fillVolume = r.Volume;
        if (Settings.MaxFillVolume > 0 && r.Volume > Settings.MaxFillVolume)
        {
            fillVolume = spec.FloorVolume(Settings.MaxFillVolume);
            if (filling == OrderFilling.Fok || fillVolume == 0)
            {
                return Reject(A, TradeRetcode.Reject, $"{filling}: only {fillVolume} lots of {spec.Name} are available at the touch, {r.Volume} were requested.", book);
            }
        }

        var template = DraftOrder(r, book, price, filling);
        Projection projection;
        try
        {
            projection = Project(book, side, fillVolume, price, target, template);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            return Reject(A, TradeRetcode.PriceOff, e.Message, book);
        }

        if (opening > 0 && FreeMarginAfter(projection) < 0)
        {
            return NoMoney(A, book, projection);
        }

        plan = new Plan(book) { Side = side, FillVolume = fillVolume, Price = price, Filling = filling, Target = target, Projection = projection };
        return null;
    }

    private TradeResult? ValidatePending(TradeRequest r, out Plan? plan)
    {
        const TradeAction A = TradeAction.Pending;
        plan = null;
        if (!_info.TradeAllowed)
        {
            return Reject(A, TradeRetcode.TradeDisabled, "Trading is disabled on this account.");
        }

        if (ResolveSymbol(A, r.Symbol) is not { } book)
        {
            return UnknownSymbol(A, r.Symbol);
        }

        var spec = book.Spec;
        if (spec.TradeMode == SymbolTradeMode.Disabled)
        {
            return Reject(A, TradeRetcode.TradeDisabled, $"Trading {spec.Name} is disabled (SYMBOL_TRADE_MODE_DISABLED).", book);
        }

        if (r.Type is not (OrderType.BuyLimit or OrderType.SellLimit or OrderType.BuyStop or OrderType.SellStop or OrderType.BuyStopLimit or OrderType.SellStopLimit))
        {
            return Reject(A, TradeRetcode.Invalid, $"Type {r.Type} is not a pending order: use BuyLimit, SellLimit, BuyStop, SellStop, BuyStopLimit or SellStopLimit.", book);
        }

        if (CheckFields(A, r, book) is { } bad)
        {
            return bad;
        }

        if (CheckMarket(A, book) is { } closed)
        {
            return closed;
        }

        var flag = r.Type switch
        {
            OrderType.BuyLimit or OrderType.SellLimit => SymbolOrderFlags.Limit,
            OrderType.BuyStop or OrderType.SellStop => SymbolOrderFlags.Stop,
            _ => SymbolOrderFlags.StopLimit,
        };
        if ((spec.OrderFlags & flag) == 0)
        {
            return Reject(A, TradeRetcode.InvalidOrder, $"{spec.Name} does not allow {r.Type} orders (SYMBOL_ORDER_MODE {spec.OrderFlags}).", book);
        }

        var isBuy = IsBuy(r.Type);
        var side = isBuy ? PositionType.Buy : PositionType.Sell;
        if (TradeModeRejection(A, book, side, opens: true) is { } mode)
        {
            return mode;
        }

        if (!spec.IsValidVolume(r.Volume))
        {
            return InvalidVolume(A, book, r.Volume);
        }

        if (VolumeLimitRejection(A, book, side, r.Volume) is { } limit)
        {
            return limit;
        }

        if (CheckPendingPrice(A, book, r.Type, r.Price, r.StopLimit) is { } price)
        {
            return price;
        }

        var entry = r.Type is OrderType.BuyStopLimit or OrderType.SellStopLimit ? r.StopLimit : r.Price;
        if (CheckStops(A, book, isBuy, spec.ToTicks(entry), r.StopLoss, r.TakeProfit, "the order price") is { } stops)
        {
            return stops;
        }

        var filling = r.Filling ?? OrderFilling.Return;
        if (!PendingFillingAllowed(spec, r.Type, filling))
        {
            return Reject(A, TradeRetcode.InvalidFill, FillingMessage(spec, filling), book);
        }

        if (CheckExpiration(A, book, r.TimeType, r.ExpirationMs) is { } expiration)
        {
            return expiration;
        }

        if (Settings.MaxPendingOrders > 0 && PendingCount() >= Settings.MaxPendingOrders)
        {
            return Reject(A, TradeRetcode.LimitOrders, $"The account already has {PendingCount()} pending orders, the most allowed (MaxPendingOrders {Settings.MaxPendingOrders}).", book);
        }

        if (_info.IsHedging && !Settings.HedgeAllowed && HasOpposite(book, side))
        {
            return Reject(A, TradeRetcode.HedgeProhibited, $"The account may not hold opposite positions on {spec.Name}: a {r.Type} would open one.", book);
        }

        plan = new Plan(book) { Side = side, FillVolume = r.Volume, Price = r.Price, Filling = filling };
        return null;
    }

    private TradeResult? ValidateSlTp(TradeRequest r, out Plan? plan)
    {
        const TradeAction A = TradeAction.SlTp;
        plan = null;
        if (!_info.TradeAllowed)
        {
            return Reject(A, TradeRetcode.TradeDisabled, "Trading is disabled on this account.");
        }

        Position? position;
        if (r.Position != 0)
        {
            position = FindPosition(r.Position);
        }
        else if (!_info.IsHedging && ResolveSymbol(A, r.Symbol) is { Positions.Count: > 0 } netted)
        {
            // Netting accounts may name the symbol instead of the position, as in MT5.
            position = netted.Positions[0];
        }
        else
        {
            return Reject(A, TradeRetcode.PositionClosed,
                r.Position == 0 && r.Symbol.Length == 0 ? "Position is 0: name the position whose stops to change." : $"No open position {(r.Position != 0 ? r.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "on " + r.Symbol)}.");
        }

        if (position is null)
        {
            return Reject(A, TradeRetcode.PositionClosed, $"Position {r.Position} is not open: it was closed or never existed.");
        }

        var book = BookFor(position.Symbol);
        var spec = book.Spec;
        if (spec.TradeMode == SymbolTradeMode.Disabled)
        {
            return Reject(A, TradeRetcode.TradeDisabled, $"Trading {spec.Name} is disabled (SYMBOL_TRADE_MODE_DISABLED).", book);
        }

        if (CheckFields(A, r, book) is { } bad)
        {
            return bad;
        }

        if (CheckMarket(A, book) is { } closed)
        {
            return closed;
        }

        var isBuy = position.Type == PositionType.Buy;
        if (CheckStops(A, book, isBuy, isBuy ? _quotes.BidTicks(book.Id) : _quotes.AskTicks(book.Id), r.StopLoss, r.TakeProfit, isBuy ? "the bid" : "the ask") is { } stops)
        {
            return stops;
        }

        if (PositionFrozen(book, position))
        {
            return Reject(A, TradeRetcode.Frozen,
                $"Position {position.Ticket} is frozen: its stop loss or take profit is within {spec.FreezeLevel} points (freeze level) of the market.", book);
        }

        if (SamePrice(spec, position.StopLoss, r.StopLoss) && SamePrice(spec, position.TakeProfit, r.TakeProfit)
            && position.TrailingStopPoints == r.TrailingStopPoints && position.TrailingStepPoints == r.TrailingStepPoints)
        {
            return Reject(A, TradeRetcode.NoChanges, $"Position {position.Ticket} already has these stops: nothing to change.", book);
        }

        plan = new Plan(book) { Target = position };
        return null;
    }

    private TradeResult? ValidateModify(TradeRequest r, out Plan? plan)
    {
        const TradeAction A = TradeAction.Modify;
        plan = null;
        if (!_info.TradeAllowed)
        {
            return Reject(A, TradeRetcode.TradeDisabled, "Trading is disabled on this account.");
        }

        if (FindWorkingOrder(r.Order) is not { } order || order.Type is OrderType.Buy or OrderType.Sell)
        {
            return Reject(A, TradeRetcode.Invalid, $"Order {r.Order} is not a working pending order: only those can be modified.");
        }

        var book = BookFor(order.Symbol);
        var spec = book.Spec;
        if (spec.TradeMode == SymbolTradeMode.Disabled)
        {
            return Reject(A, TradeRetcode.TradeDisabled, $"Trading {spec.Name} is disabled (SYMBOL_TRADE_MODE_DISABLED).", book);
        }

        if (CheckFields(A, r, book) is { } bad)
        {
            return bad;
        }

        if (CheckMarket(A, book) is { } closed)
        {
            return closed;
        }

        // A price of 0 keeps the order's price (no valid price is 0); SL and TP of 0 remove them, as in MQL5.
        var price = r.Price == 0 ? order.PriceOpen : r.Price;
        var stopLimit = r.StopLimit == 0 ? order.StopLimit : r.StopLimit;
        if (CheckPendingPrice(A, book, order.Type, price, stopLimit) is { } bad2)
        {
            return bad2;
        }

        var entry = order.Type is OrderType.BuyStopLimit or OrderType.SellStopLimit ? stopLimit : price;
        if (CheckStops(A, book, order.IsBuy, spec.ToTicks(entry), r.StopLoss, r.TakeProfit, "the order price") is { } stops)
        {
            return stops;
        }

        var timeChanged = r.TimeType != order.TimeType || (r.TimeType is OrderTimeType.Specified or OrderTimeType.SpecifiedDay && r.ExpirationMs != order.ExpirationMs);
        if (timeChanged && CheckExpiration(A, book, r.TimeType, r.ExpirationMs) is { } expiration)
        {
            return expiration;
        }

        if (OrderFrozen(book, order))
        {
            return Reject(A, TradeRetcode.Frozen, $"Order {order.Ticket} is frozen: its price is within {spec.FreezeLevel} points (freeze level) of the market.", book);
        }

        if (SamePrice(spec, price, order.PriceOpen) && SamePrice(spec, stopLimit, order.StopLimit) && SamePrice(spec, r.StopLoss, order.StopLoss)
            && SamePrice(spec, r.TakeProfit, order.TakeProfit) && !timeChanged
            && r.TrailingStopPoints == order.TrailingStopPoints && r.TrailingStepPoints == order.TrailingStepPoints)
        {
            return Reject(A, TradeRetcode.NoChanges, $"Order {order.Ticket} already has these values: nothing to change.", book);
        }

        plan = new Plan(book) { Order = order, Price = price, StopLimit = stopLimit };
        return null;
    }

    private TradeResult? ValidateRemove(TradeRequest r, out Plan? plan)
    {
        const TradeAction A = TradeAction.Remove;
        plan = null;
        if (!_info.TradeAllowed)
        {
            return Reject(A, TradeRetcode.TradeDisabled, "Trading is disabled on this account.");
        }

        if (FindWorkingOrder(r.Order) is not { } order)
        {
            return Reject(A, TradeRetcode.Invalid, $"Order {r.Order} is not a working order: it was filled, canceled or expired, or never existed.");
        }

        var book = BookFor(order.Symbol);
        if (CheckMarket(A, book) is { } closed)
        {
            return closed;
        }

        if (OrderFrozen(book, order))
        {
            return Reject(A, TradeRetcode.Frozen, $"Order {order.Ticket} is frozen: its price is within {book.Spec.FreezeLevel} points (freeze level) of the market.", book);
        }

        plan = new Plan(book) { Order = order };
        return null;
    }

    private TradeResult? ValidateCloseBy(TradeRequest r, out Plan? plan)
    {
        const TradeAction A = TradeAction.CloseBy;
        plan = null;
        if (!_info.TradeAllowed)
        {
            return Reject(A, TradeRetcode.TradeDisabled, "Trading is disabled on this account.");
        }

        if (!_info.IsHedging)
        {
            return Reject(A, TradeRetcode.InvalidOrder, "Close-by needs a hedging account: a netting account holds one position per symbol.");
        }

        if (FindPosition(r.Position) is not { } position)
        {
            return Reject(A, TradeRetcode.PositionClosed, $"Position {r.Position} is not open: it was closed or never existed.");
        }

        if (FindPosition(r.PositionBy) is not { } by)
        {
            return Reject(A, TradeRetcode.PositionClosed, $"Opposite position {r.PositionBy} is not open: it was closed or never existed.");
        }

        var book = BookFor(position.Symbol);
        var spec = book.Spec;
        if (!by.Symbol.Equals(position.Symbol, StringComparison.OrdinalIgnoreCase) || by.Type == position.Type)
        {
            return Reject(A, TradeRetcode.Invalid,
                $"Position {by.Ticket} ({by.Type} {by.Symbol}) cannot close position {position.Ticket} ({position.Type} {position.Symbol}): close-by needs opposite positions of one symbol.", book);
        }

        if (spec.TradeMode == SymbolTradeMode.Disabled)
        {
            return Reject(A, TradeRetcode.TradeDisabled, $"Trading {spec.Name} is disabled (SYMBOL_TRADE_MODE_DISABLED).", book);
        }

        if (CheckFields(A, r, book) is { } bad)
        {
            return bad;
        }

        if (CheckMarket(A, book) is { } closed)
        {
            return closed;
        }

        if ((spec.OrderFlags & SymbolOrderFlags.CloseBy) == 0)
        {
            return Reject(A, TradeRetcode.InvalidOrder, $"{spec.Name} does not allow close-by (SYMBOL_ORDER_MODE {spec.OrderFlags}).", book);
        }

        if (PositionFrozen(book, position) || PositionFrozen(book, by))
        {
            return Reject(A, TradeRetcode.Frozen, $"Position {position.Ticket} or {by.Ticket} is frozen: a stop is within {spec.FreezeLevel} points (freeze level) of the market.", book);
        }

        plan = new Plan(book) { Target = position, TargetBy = by };
        return null;
    }

    // ---- Shared checks ---------------------------------------------------------------------

    private SymbolBook? ResolveSymbol(TradeAction action, string symbol)
    {
        _ = action;
        return _quotes.TryGetId(symbol, out var id) ? BookFor(id) : null;
    }

    private TradeResult UnknownSymbol(TradeAction action, string symbol) =>
        Reject(action, TradeRetcode.Invalid, symbol.Length == 0 ? "Symbol is empty: name the symbol to trade." : $"Unknown symbol '{symbol}'.");

    /// <summary>Fields whose values are malformed whatever the market: 10013.</summary>
    private TradeResult? CheckFields(TradeAction action, TradeRequest r, SymbolBook book)
    {
        static bool Bad(double price) => !double.IsFinite(price) || price < 0;
        var field = Bad(r.Price) ? ("Price", r.Price)
            : Bad(r.StopLimit) ? ("StopLimit", r.StopLimit)
            : Bad(r.StopLoss) ? ("StopLoss", r.StopLoss)
            : Bad(r.TakeProfit) ? ("TakeProfit", r.TakeProfit)
            : default;
        if (field.Item1 is not null)
        {
            return Reject(action, TradeRetcode.Invalid, $"{field.Item1} {field.Item2} is not a price: give a finite number >= 0 (0 = none).", book);
        }

        if (r.Comment is null || r.Comment.Length > MaxCommentLength)
        {
            return Reject(action, TradeRetcode.Invalid, $"Comment has {r.Comment?.Length ?? 0} characters; at most {MaxCommentLength} are allowed.", book);
        }

        if (r.Deviation < 0 || r.TrailingStopPoints < 0 || r.TrailingStepPoints < 0)
        {
            return Reject(action, TradeRetcode.Invalid,
                $"Deviation {r.Deviation}, TrailingStopPoints {r.TrailingStopPoints} and TrailingStepPoints {r.TrailingStepPoints} must not be negative.", book);
        }

        return null;
    }

    /// <summary>A quote to trade at (10021) inside the symbol's trade sessions (10018).</summary>
    private TradeResult? CheckMarket(TradeAction action, SymbolBook book)
    {
        if (!_quotes.HasQuote(book.Id))
        {
            return Reject(action, TradeRetcode.PriceOff, $"There is no quote for {book.Spec.Name} yet.", book);
        }

        if (!book.Spec.IsTradable(DateTimeOffset.FromUnixTimeMilliseconds(_timeMs)))
        {
            return Reject(action, TradeRetcode.MarketClosed,
                $"The {book.Spec.Name} market is closed at {DateTimeOffset.FromUnixTimeMilliseconds(_timeMs):yyyy-MM-dd HH:mm} UTC (outside its trade sessions).", book);
        }

        return null;
    }

    private TradeResult? TradeModeRejection(TradeAction action, SymbolBook book, PositionType side, bool opens)
    {
        var spec = book.Spec;
        return spec.TradeMode switch
        {
            SymbolTradeMode.CloseOnly when opens =>
                Reject(action, TradeRetcode.CloseOnly, $"{spec.Name} is close-only: only orders that close positions are allowed.", book),
            SymbolTradeMode.LongOnly when opens && side == PositionType.Sell =>
                Reject(action, TradeRetcode.LongOnly, $"{spec.Name} is long-only: sell orders may only close buy positions.", book),
            SymbolTradeMode.ShortOnly when opens && side == PositionType.Buy =>
                Reject(action, TradeRetcode.ShortOnly, $"{spec.Name} is short-only: buy orders may only close sell positions.", book),
            _ => null,
        };
    }

    private TradeResult InvalidVolume(TradeAction action, SymbolBook book, decimal volume)
    {
        var spec = book.Spec;
        return Reject(action, TradeRetcode.InvalidVolume,
            $"Volume {volume} is not valid for {spec.Name}: use {spec.VolumeMin} to {spec.VolumeMax} lots in steps of {spec.VolumeStep}.", book);
    }

    private TradeResult? VolumeLimitRejection(TradeAction action, SymbolBook book, PositionType side, decimal adding)
    {
        var limit = book.Spec.VolumeLimit;
        if (limit <= 0)
        {
            return null;
        }

        var current = DirectionalVolume(book, side);
        return current + adding <= limit
            ? null
            : Reject(action, TradeRetcode.LimitVolume,
                $"{book.Spec.Name} allows at most {limit} lots per direction (positions + pending orders); {side} already has {current}, the request adds {adding}.", book);
    }

    private static decimal DirectionalVolume(SymbolBook book, PositionType side)
    {
        decimal volume = 0;
        foreach (var position in book.Positions)
        {
            if (position.Type == side)
            {
                volume += position.Volume;
            }
        }

        foreach (var order in book.Orders)
        {
            if (order.IsBuy == (side == PositionType.Buy))
            {
                volume += order.VolumeCurrent;
            }
        }

        return volume;
    }

    /// <summary>The pending price on the tick grid, on the right side of the market, beyond the stops level: 10015.</summary>
    private TradeResult? CheckPendingPrice(TradeAction action, SymbolBook book, OrderType type, double price, double stopLimit)
    {
        var spec = book.Spec;
        if (price <= 0 || !OnGrid(spec, price))
        {
            return Reject(action, TradeRetcode.InvalidPrice, $"Price {price} is not a valid {spec.Name} price: give a positive price on the tick grid of {spec.TickSize}.", book);
        }

        var level = StopsLevelTicks(spec);
        var p = spec.ToTicks(price);
        var bid = _quotes.BidTicks(book.Id);
        var ask = _quotes.AskTicks(book.Id);
        var (distance, rule) = type switch
        {
            OrderType.BuyLimit => (ask - p, "below the ask"),
            OrderType.SellLimit => (p - bid, "above the bid"),
            OrderType.BuyStop or OrderType.BuyStopLimit => (p - ask, "above the ask"),
            _ => (bid - p, "below the bid"),
        };
        if (distance < level)
        {
            var quote = _quotes.Get(book.Id);
            return Reject(action, TradeRetcode.InvalidPrice,
                $"{type} price {spec.FormatPrice(price)} must be at least {spec.StopsLevel} points {rule} (bid {spec.FormatPrice(quote.Bid)}, ask {spec.FormatPrice(quote.Ask)}).", book);
        }

        if (type is OrderType.BuyStopLimit or OrderType.SellStopLimit)
        {
            if (stopLimit <= 0 || !OnGrid(spec, stopLimit))
            {
                return Reject(action, TradeRetcode.InvalidPrice, $"StopLimit {stopLimit} is not a valid {spec.Name} price: a stop-limit order needs its limit price on the tick grid.", book);
            }

            var limit = spec.ToTicks(stopLimit);
            var isBuy = type == OrderType.BuyStopLimit;
            if ((isBuy ? p - limit : limit - p) < level)
            {
                return Reject(action, TradeRetcode.InvalidPrice,
                    $"{type} limit price {spec.FormatPrice(stopLimit)} must be at least {spec.StopsLevel} points {(isBuy ? "below" : "above")} its stop price {spec.FormatPrice(price)}.", book);
            }
        }

        return null;
    }

    /// <summary>SL/TP on the tick grid, allowed by the symbol, on the right side of <paramref name="reference"/> beyond the stops level: 10016.</summary>
    private TradeResult? CheckStops(TradeAction action, SymbolBook book, bool isBuy, long reference, double stopLoss, double takeProfit, string referenceName)
    {
        var spec = book.Spec;
        var level = StopsLevelTicks(spec);
        var referencePrice = spec.FormatPrice(reference * spec.TickSize);
        if (stopLoss != 0)
        {
            if ((spec.OrderFlags & SymbolOrderFlags.StopLoss) == 0)
            {
                return Reject(action, TradeRetcode.InvalidStops, $"{spec.Name} does not allow stop loss orders (SYMBOL_ORDER_MODE {spec.OrderFlags}).", book);
            }

            if (!OnGrid(spec, stopLoss))
            {
                return Reject(action, TradeRetcode.InvalidStops, $"Stop loss {stopLoss} is not on {spec.Name}'s tick grid of {spec.TickSize}.", book);
            }

            var sl = spec.ToTicks(stopLoss);
            if ((isBuy ? reference - sl : sl - reference) < level)
            {
                return Reject(action, TradeRetcode.InvalidStops,
                    $"Stop loss {spec.FormatPrice(stopLoss)} must be at least {spec.StopsLevel} points {(isBuy ? "below" : "above")} {referenceName} {referencePrice}.", book);
            }
        }

        if (takeProfit != 0)
        {
            if ((spec.OrderFlags & SymbolOrderFlags.TakeProfit) == 0)
            {
                return Reject(action, TradeRetcode.InvalidStops, $"{spec.Name} does not allow take profit orders (SYMBOL_ORDER_MODE {spec.OrderFlags}).", book);
            }

            if (!OnGrid(spec, takeProfit))
            {
                return Reject(action, TradeRetcode.InvalidStops, $"Take profit {takeProfit} is not on {spec.Name}'s tick grid of {spec.TickSize}.", book);
            }

            var tp = spec.ToTicks(takeProfit);
            if ((isBuy ? tp - reference : reference - tp) < level)
            {
                return Reject(action, TradeRetcode.InvalidStops,
                    $"Take profit {spec.FormatPrice(takeProfit)} must be at least {spec.StopsLevel} points {(isBuy ? "above" : "below")} {referenceName} {referencePrice}.", book);
            }
        }

        return null;
    }

    private TradeResult? CheckExpiration(TradeAction action, SymbolBook book, OrderTimeType timeType, long expirationMs)
    {
        var spec = book.Spec;
        var flag = timeType switch
        {
            OrderTimeType.Gtc => SymbolExpirationFlags.Gtc,
            OrderTimeType.Day => SymbolExpirationFlags.Day,
            OrderTimeType.Specified => SymbolExpirationFlags.Specified,
            OrderTimeType.SpecifiedDay => SymbolExpirationFlags.SpecifiedDay,
            _ => SymbolExpirationFlags.None,
        };
        if ((spec.ExpirationFlags & flag) == 0)
        {
            return Reject(action, TradeRetcode.InvalidExpiration, $"{spec.Name} does not allow the {timeType} lifetime (SYMBOL_EXPIRATION_MODE {spec.ExpirationFlags}).", book);
        }

        var expires = timeType switch
        {
            OrderTimeType.Specified => expirationMs,
            OrderTimeType.SpecifiedDay => EndOfServerDay(expirationMs),
            _ => long.MaxValue,
        };
        return expires > _timeMs
            ? null
            : Reject(action, TradeRetcode.InvalidExpiration,
                $"Expiration {DateTimeOffset.FromUnixTimeMilliseconds(expirationMs):yyyy-MM-dd HH:mm:ss} UTC is not in the future (now {DateTimeOffset.FromUnixTimeMilliseconds(_timeMs):yyyy-MM-dd HH:mm:ss} UTC).", book);
    }

    /// <summary>The market filling policy per mt5.md §4: the requested one if the execution mode allows it, else the first allowed of FOK, IOC, RETURN.</summary>
    private static OrderFilling? ResolveMarketFilling(SymbolSpec spec, OrderFilling? requested)
    {
        if (requested is { } filling)
        {
            return MarketFillingAllowed(spec, filling) ? filling : null;
        }

        foreach (var candidate in (ReadOnlySpan<OrderFilling>)[OrderFilling.Fok, OrderFilling.Ioc, OrderFilling.Return])
        {
            if (MarketFillingAllowed(spec, candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool MarketFillingAllowed(SymbolSpec spec, OrderFilling filling) => (spec.ExecutionMode, filling) switch
    {
        (SymbolTradeExecution.Request or SymbolTradeExecution.Instant, OrderFilling.Fok or OrderFilling.Ioc or OrderFilling.Return) => true,
        (_, OrderFilling.Fok) => (spec.FillingFlags & SymbolFillingFlags.Fok) != 0,
        (_, OrderFilling.Ioc) => (spec.FillingFlags & SymbolFillingFlags.Ioc) != 0,
        (SymbolTradeExecution.Exchange, OrderFilling.Return) => true,
        _ => false,
    };

    private static bool PendingFillingAllowed(SymbolSpec spec, OrderType type, OrderFilling filling) => filling switch
    {
        OrderFilling.Return => true,
        OrderFilling.Fok => (spec.FillingFlags & SymbolFillingFlags.Fok) != 0,
        OrderFilling.Ioc => (spec.FillingFlags & SymbolFillingFlags.Ioc) != 0,
        OrderFilling.Boc => (spec.FillingFlags & SymbolFillingFlags.Boc) != 0 && type is OrderType.BuyLimit or OrderType.SellLimit or OrderType.BuyStopLimit or OrderType.SellStopLimit,
        _ => false,
    };

    private static string FillingMessage(SymbolSpec spec, OrderFilling? filling) =>
        $"Filling {filling?.ToString() ?? "(default)"} is not allowed for {spec.Name} ({spec.ExecutionMode} execution, SYMBOL_FILLING_MODE {spec.FillingFlags}).";

    private bool PositionFrozen(SymbolBook book, Position position)
    {
        var spec = book.Spec;
        if (spec.FreezeLevel <= 0)
        {
            return false;
        }

        var freeze = PointsToTicks(spec, spec.FreezeLevel);
        var market = position.Type == PositionType.Buy ? _quotes.BidTicks(book.Id) : _quotes.AskTicks(book.Id);
        return (position.StopLoss != 0 && Math.Abs(market - spec.ToTicks(position.StopLoss)) <= freeze)
            || (position.TakeProfit != 0 && Math.Abs(market - spec.ToTicks(position.TakeProfit)) <= freeze);
    }

    private bool OrderFrozen(SymbolBook book, Order order)
    {
        var spec = book.Spec;
        if (spec.FreezeLevel <= 0 || order.Type is OrderType.Buy or OrderType.Sell)
        {
            return false;
        }

        var market = order.IsBuy ? _quotes.AskTicks(book.Id) : _quotes.BidTicks(book.Id);
        return Math.Abs(market - spec.ToTicks(order.PriceOpen)) <= PointsToTicks(spec, spec.FreezeLevel);
    }

    private static bool HasOpposite(SymbolBook book, PositionType side)
    {
        foreach (var position in book.Positions)
        {
            if (position.Type != side)
            {
                return true;
            }
        }

        return false;
    }

    private static Position? OlderSameSide(SymbolBook book, Position target)
    {
        foreach (var position in book.Positions)
        {
            if (position.Type == target.Type && position.Ticket < target.Ticket)
            {
                return position;
            }
        }

        return null;
    }

    private int PendingCount()
    {
        var count = 0;
        foreach (var order in _orders)
        {
            if (order.Type is not (OrderType.Buy or OrderType.Sell))
            {
                count++;
            }
        }

        return count;
    }

    private TradeResult NoMoney(TradeAction action, SymbolBook book, Projection projection) =>
        Reject(action, TradeRetcode.NoMoney,
            $"Not enough money: the trade needs {Math.Round(projection.RequiredMargin, Digits)} {Currency} of margin and would leave a free margin of {Math.Round(FreeMarginAfter(projection), Digits)} {Currency}.", book);

    private double FreeMarginAfter(Projection projection) => (double)(projection.Balance + _credit) + projection.Profit - projection.Margin;

    private double PendingMargin(Plan plan)
    {
        try
        {
            return MarginCalculator.OrderMargin(plan.Book.Spec, plan.Side, plan.FillVolume, _info.Leverage, Currency, _converter, _quotes.Get(plan.Book.Id));
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            return 0;
        }
    }

    // ---- Small helpers ---------------------------------------------------------------------

    private static bool IsBuy(OrderType type) => type is OrderType.Buy or OrderType.BuyLimit or OrderType.BuyStop or OrderType.BuyStopLimit;

    private static bool OnGrid(SymbolSpec spec, double price)
    {
        var ticks = price / spec.TickSize;
        return Math.Abs(ticks - Math.Round(ticks)) < 1e-6;
    }

    private static bool SamePrice(SymbolSpec spec, double a, double b) => spec.ToTicks(a) == spec.ToTicks(b);

    private static long PointsToTicks(SymbolSpec spec, int points) => points <= 0 ? 0 : Math.Max(1, (long)Math.Round(points * spec.Point / spec.TickSize));

    private static long StopsLevelTicks(SymbolSpec spec) => PointsToTicks(spec, spec.StopsLevel);

    private TradeResult Reject(TradeAction action, TradeRetcode code, string message, SymbolBook? book = null)
    {
        var quote = book is not null && _quotes.HasQuote(book.Id) ? _quotes.Get(book.Id) : default;
        return new TradeResult { Retcode = code, Action = action, Message = message, Bid = quote.Bid, Ask = quote.Ask, TimeMs = _timeMs };
    }

    private TradeResult Reject(TradeAction action, TradeRetcode code, string message, SymbolBook? book, out Plan? plan)
    {
        plan = null;
        return Reject(action, code, message, book);
    }

    /// <summary>What a validated request will do.</summary>
    private sealed class Plan(SymbolBook book)
    {
        public SymbolBook Book { get; } = book;

        public PositionType Side { get; init; }

        public decimal FillVolume { get; init; }

        public double Price { get; init; }

        public double StopLimit { get; init; }

        public OrderFilling Filling { get; init; }

        public Position? Target { get; init; }

        public Position? TargetBy { get; init; }

        public Order? Order { get; init; }

        public Projection? Projection { get; init; }
    }

    /// <summary>The account right after a trade.</summary>
    private readonly record struct Projection(decimal Balance, double Profit, double Margin, double RequiredMargin);
}
