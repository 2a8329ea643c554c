using System.Globalization;
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
            _ => Reject(request.Action, TradeRetcode.Invalid, string.Create(CultureInfo.InvariantCulture, $"Action {request.Action} is not a trade action: use Deal, Pending, SlTp, Modify, Remove or CloseBy.")),
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
            _ => Reject(request.Action, TradeRetcode.Invalid, string.Create(CultureInfo.InvariantCulture, $"Action {request.Action} is not a trade action."), null, out plan),
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
                return Reject(A, TradeRetcode.PositionClosed, string.Create(CultureInfo.InvariantCulture, $"Position {r.Position} is not open: it was closed or never existed."));
            }
        }

        var symbol = r.Symbol.Length == 0 && target is not null ? target.Symbol : r.Symbol;
        if (ResolveSymbol(symbol) is not { } book)
        {
            return UnknownSymbol(A, symbol);
        }

        var spec = book.Spec;
        if (spec.TradeMode == SymbolTradeMode.Disabled)
        {
            return Reject(A, TradeRetcode.TradeDisabled, string.Create(CultureInfo.InvariantCulture, $"Trading {spec.Name} is disabled (SYMBOL_TRADE_MODE_DISABLED)."), book);
        }

        if (r.Type is not (OrderType.Buy or OrderType.Sell))
        {
            return Reject(A, TradeRetcode.Invalid, string.Create(CultureInfo.InvariantCulture, $"Type {r.Type} is not a market order: a Deal request is Buy or Sell (use Pending for {r.Type})."), book);
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
                return Reject(A, TradeRetcode.Invalid, string.Create(CultureInfo.InvariantCulture, $"Position {target.Ticket} is on {target.Symbol}, not {spec.Name}."), book);
            }

            if (target.Type == side)
            {
                return Reject(A, TradeRetcode.Invalid,
                    string.Create(CultureInfo.InvariantCulture, $"Position {target.Ticket} is a {target.Type}: close it with a {(side == PositionType.Buy ? "Sell" : "Buy")}, not a {r.Type}."), book);
            }
        }

        if (CheckMarket(A, book) is { } closed)
        {
            return closed;
        }

        if ((spec.OrderFlags & SymbolOrderFlags.Market) == 0)
        {
            return Reject(A, TradeRetcode.InvalidOrder, string.Create(CultureInfo.InvariantCulture, $"{spec.Name} does not allow market orders (SYMBOL_ORDER_MODE {spec.OrderFlags})."), book);
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
                string.Create(CultureInfo.InvariantCulture, $"Position {target.Ticket} is frozen: its stop loss or take profit is within {spec.FreezeLevel} points (freeze level) of the market."), book);
        }

        var opensNew = _info.IsHedging ? target is null : existing is null;
        if (opensNew && Settings.MaxPositions > 0 && _positions.Count >= Settings.MaxPositions)
        {
            return Reject(A, TradeRetcode.LimitPositions, string.Create(CultureInfo.InvariantCulture, $"The account already has {_positions.Count} open positions, the most allowed (MaxPositions {Settings.MaxPositions})."), book);
        }

        if (_info.IsHedging && target is null && !Settings.HedgeAllowed && HasOpposite(book, side))
        {
            return Reject(A, TradeRetcode.HedgeProhibited,
                string.Create(CultureInfo.InvariantCulture, $"The account may not hold opposite positions on {spec.Name}: close the {(side == PositionType.Buy ? "sell" : "buy")} position instead."), book);
        }

        if (target is not null && Settings.FifoClose && OlderSameSide(book, target) is { } older)
        {
            return Reject(A, TradeRetcode.FifoClose, string.Create(CultureInfo.InvariantCulture, $"FIFO rule: close position {older.Ticket}, the oldest {older.Type} on {spec.Name}, before position {target.Ticket}."), book);
        }

        if (target is not null && r.Volume > target.Volume)
        {
            return Reject(A, TradeRetcode.InvalidCloseVolume, string.Create(CultureInfo.InvariantCulture, $"Close volume {r.Volume} exceeds position {target.Ticket}'s volume {target.Volume}."), book);
        }

        // The deal will get the ticket right after its order's: slippage is drawn for that ticket.
        var price = MarketFillPrice(book, side, slip: true, _nextTicket + 1);
        if (spec.ExecutionMode is SymbolTradeExecution.Request or SymbolTradeExecution.Instant && r.Price > 0 && r.Deviation > 0)
        {
            var moved = Math.Abs(spec.ToTicks(price) - spec.ToTicks(r.Price));
            if (moved > PointsToTicks(spec, r.Deviation))
            {
                return Reject(A, TradeRetcode.Requote,
                    string.Create(CultureInfo.InvariantCulture, $"Requote: the price is {FormatPrice(spec, price)}, {moved} ticks from the requested {FormatPrice(spec, r.Price)}, beyond the deviation of {r.Deviation} points."), book);
            }
        }

        var fillVolume = r.Volume;
        if (Settings.MaxFillVolume > 0 && r.Volume > Settings.MaxFillVolume)
        {
            fillVolume = spec.FloorVolume(Settings.MaxFillVolume);
            if (filling == OrderFilling.Fok || fillVolume == 0)
            {
                return Reject(A, TradeRetcode.Reject, string.Create(CultureInfo.InvariantCulture, $"{filling}: only {fillVolume} lots of {spec.Name} are available at the touch, {r.Volume} were requested."), book);
            }
        }

        var order = DraftOrder(r, book, price, filling, _nextTicket);
        Projection projection;
        FillOutcome outcome;
        try
        {
            projection = Project(book, fillVolume, price, target, order, out outcome);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            return Reject(A, TradeRetcode.PriceOff, e.Message, book);
        }

        if (opening > 0 && FreeMarginAfter(projection) < 0)
        {
            return NoMoney(A, book, projection);
        }

        plan = new Plan(book) { Side = side, FillVolume = fillVolume, Price = price, Filling = filling, Target = target, Order = order, Outcome = outcome, Projection = projection };
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

        if (ResolveSymbol(r.Symbol) is not { } book)
        {
            return UnknownSymbol(A, r.Symbol);
        }

        var spec = book.Spec;
        if (r.Type is not (OrderType.BuyLimit or OrderType.SellLimit or OrderType.BuyStop or OrderType.SellStop or OrderType.BuyStopLimit or OrderType.SellStopLimit))
        {
            return Reject(A, TradeRetcode.Invalid, string.Create(CultureInfo.InvariantCulture, $"Type {r.Type} is not a pending order: use BuyLimit, SellLimit, BuyStop, SellStop, BuyStopLimit or SellStopLimit."), book);
        }

        if (CheckSymbol(A, r, book) is { } refused)
        {
            return refused;
        }

        var flag = r.Type switch
        {
            OrderType.BuyLimit or OrderType.SellLimit => SymbolOrderFlags.Limit,
            OrderType.BuyStop or OrderType.SellStop => SymbolOrderFlags.Stop,
            _ => SymbolOrderFlags.StopLimit,
        };
        if ((spec.OrderFlags & flag) == 0)
        {
            return Reject(A, TradeRetcode.InvalidOrder, string.Create(CultureInfo.InvariantCulture, $"{spec.Name} does not allow {r.Type} orders (SYMBOL_ORDER_MODE {spec.OrderFlags})."), book);
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
            return Reject(A, TradeRetcode.LimitOrders, string.Create(CultureInfo.InvariantCulture, $"The account already has {PendingCount()} pending orders, the most allowed (MaxPendingOrders {Settings.MaxPendingOrders})."), book);
        }

        if (_info.IsHedging && !Settings.HedgeAllowed && HasOpposite(book, side))
        {
            return Reject(A, TradeRetcode.HedgeProhibited, string.Create(CultureInfo.InvariantCulture, $"The account may not hold opposite positions on {spec.Name}: a {r.Type} would open one."), book);
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
        else if (!_info.IsHedging && ResolveSymbol(r.Symbol) is { Positions.Count: > 0 } netted)
        {
            // Netting accounts may name the symbol instead of the position, as in MT5.
            position = netted.Positions[0];
        }
        else
        {
            return Reject(A, TradeRetcode.PositionClosed,
                r.Symbol.Length == 0 ? "Position is 0: name the position whose stops to change." : string.Create(CultureInfo.InvariantCulture, $"No open position on '{r.Symbol}' to change."));
        }

        if (position is null)
        {
            return Reject(A, TradeRetcode.PositionClosed, string.Create(CultureInfo.InvariantCulture, $"Position {r.Position} is not open: it was closed or never existed."));
        }

        var book = BookFor(position.Symbol);
        var spec = book.Spec;
        if (CheckSymbol(A, r, book) is { } refused)
        {
            return refused;
        }

        var isBuy = position.Type == PositionType.Buy;
        if (CheckStops(A, book, isBuy, isBuy ? _quotes.BidTicks(book.Id) : _quotes.AskTicks(book.Id), r.StopLoss, r.TakeProfit, isBuy ? "the bid" : "the ask") is { } stops)
        {
            return stops;
        }

        if (PositionFrozen(book, position))
        {
            return Reject(A, TradeRetcode.Frozen,
                string.Create(CultureInfo.InvariantCulture, $"Position {position.Ticket} is frozen: its stop loss or take profit is within {spec.FreezeLevel} points (freeze level) of the market."), book);
        }

        if (SamePrice(spec, position.StopLoss, r.StopLoss) && SamePrice(spec, position.TakeProfit, r.TakeProfit)
            && position.TrailingStopPoints == r.TrailingStopPoints && position.TrailingStepPoints == r.TrailingStepPoints)
        {
            return Reject(A, TradeRetcode.NoChanges, string.Create(CultureInfo.InvariantCulture, $"Position {position.Ticket} already has these stops: nothing to change."), book);
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
            return Reject(A, TradeRetcode.Invalid, string.Create(CultureInfo.InvariantCulture, $"Order {r.Order} is not a working pending order: only those can be modified."));
        }

        var book = BookFor(order.Symbol);
        var spec = book.Spec;
        if (CheckSymbol(A, r, book) is { } refused)
        {
            return refused;
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
            return Reject(A, TradeRetcode.Frozen, string.Create(CultureInfo.InvariantCulture, $"Order {order.Ticket} is frozen: its price is within {spec.FreezeLevel} points (freeze level) of the market."), book);
        }

        if (SamePrice(spec, price, order.PriceOpen) && SamePrice(spec, stopLimit, order.StopLimit) && SamePrice(spec, r.StopLoss, order.StopLoss)
            && SamePrice(spec, r.TakeProfit, order.TakeProfit) && !timeChanged
            && r.TrailingStopPoints == order.TrailingStopPoints && r.TrailingStepPoints == order.TrailingStepPoints)
        {
            return Reject(A, TradeRetcode.NoChanges, string.Create(CultureInfo.InvariantCulture, $"Order {order.Ticket} already has these values: nothing to change."), book);
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
            return Reject(A, TradeRetcode.Invalid, string.Create(CultureInfo.InvariantCulture, $"Order {r.Order} is not a working order: it was filled, canceled or expired, or never existed."));
        }

        var book = BookFor(order.Symbol);
        if (CheckMarket(A, book) is { } closed)
        {
            return closed;
        }

        if (OrderFrozen(book, order))
        {
            return Reject(A, TradeRetcode.Frozen, string.Create(CultureInfo.InvariantCulture, $"Order {order.Ticket} is frozen: its price is within {book.Spec.FreezeLevel} points (freeze level) of the market."), book);
        }

        plan = new Plan(book) { Order = order };
        return null;
    }

    // What every request on a symbol must pass: trading enabled on the symbol, well-formed fields, an open market.
    private TradeResult? CheckSymbol(TradeAction action, TradeRequest r, SymbolBook book)
    {
        if (book.Spec.TradeMode == SymbolTradeMode.Disabled)
        {
            return Reject(action, TradeRetcode.TradeDisabled, string.Create(CultureInfo.InvariantCulture, $"Trading {book.Spec.Name} is disabled (SYMBOL_TRADE_MODE_DISABLED)."), book);
        }

        return CheckFields(action, r, book) ?? CheckMarket(action, book);
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

        if (Settings.FifoClose)
        {
            // NFA 2-43(b): offsetting is FIFO only, so closing one position by another is blocked.
            return Reject(A, TradeRetcode.FifoClose, "Close-by is not allowed on a FIFO account: close positions oldest first with opposite deals.");
        }

        if (FindPosition(r.Position) is not { } position)
        {
            return Reject(A, TradeRetcode.PositionClosed, string.Create(CultureInfo.InvariantCulture, $"Position {r.Position} is not open: it was closed or never existed."));
        }

        if (FindPosition(r.PositionBy) is not { } by)
        {
            return Reject(A, TradeRetcode.PositionClosed, string.Create(CultureInfo.InvariantCulture, $"Opposite position {r.PositionBy} is not open: it was closed or never existed."));
        }

        var book = BookFor(position.Symbol);
        var spec = book.Spec;
        if (!by.Symbol.Equals(position.Symbol, StringComparison.OrdinalIgnoreCase) || by.Type == position.Type)
        {
            return Reject(A, TradeRetcode.Invalid,
                string.Create(CultureInfo.InvariantCulture, $"Position {by.Ticket} ({by.Type} {by.Symbol}) cannot close position {position.Ticket} ({position.Type} {position.Symbol}): close-by needs opposite positions of one symbol."), book);
        }

        if (CheckSymbol(A, r, book) is { } refused)
        {
            return refused;
        }

        try
        {
            // Both deals realise profit in the profit currency: make sure it converts before anything changes.
            _converter.Rate(spec.CurrencyProfit, Currency, ConversionSide.Pay);
            _converter.Rate(spec.CurrencyProfit, Currency, ConversionSide.Receive);
        }
        catch (InvalidOperationException e)
        {
            return Reject(A, TradeRetcode.PriceOff, e.Message, book);
        }

        if ((spec.OrderFlags & SymbolOrderFlags.CloseBy) == 0)
        {
            return Reject(A, TradeRetcode.InvalidOrder, string.Create(CultureInfo.InvariantCulture, $"{spec.Name} does not allow close-by (SYMBOL_ORDER_MODE {spec.OrderFlags})."), book);
        }

        if (PositionFrozen(book, position) || PositionFrozen(book, by))
        {
            return Reject(A, TradeRetcode.Frozen, string.Create(CultureInfo.InvariantCulture, $"Position {position.Ticket} or {by.Ticket} is frozen: a stop is within {spec.FreezeLevel} points (freeze level) of the market."), book);
        }

        plan = new Plan(book) { Target = position, TargetBy = by };
        return null;
    }
}
