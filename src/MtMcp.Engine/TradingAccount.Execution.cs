using System.Globalization;
namespace MtMcp.Engine;

public sealed partial class TradingAccount
{
    private TradeResult ExecuteDeal(TradeRequest r, Plan plan)
    {
        var book = plan.Book;

        // The draft was made (and its fill projected) with the ticket the order gets now.
        var order = plan.Order!;
        NewTicket();
        Changes.Add(new TradeTransaction(TradeTransactionType.OrderAdd, _timeMs, Order: order));
        var deal = Fill(book, order, plan.FillVolume, plan.Price, plan.Outcome);
        var rest = r.Volume - plan.FillVolume;
        var quote = _quotes.Get(book.Id);
        var result = new TradeResult
        {
            Retcode = TradeRetcode.Done,
            Action = TradeAction.Deal,
            Message = string.Create(CultureInfo.InvariantCulture, $"{(order.IsBuy ? "Buy" : "Sell")} {plan.FillVolume} {book.Spec.Name} at {FormatPrice(book.Spec, plan.Price)}."),
            Order = order.Ticket,
            Deal = deal.Ticket,
            Position = deal.PositionId,
            Volume = plan.FillVolume,
            Price = plan.Price,
            Bid = quote.Bid,
            Ask = quote.Ask,
            TimeMs = _timeMs,
        };
        if (rest == 0)
        {
            ArchiveOrder(order with { State = OrderState.Filled, VolumeCurrent = 0, PositionId = deal.PositionId, TimeDoneMs = _timeMs });
            return result;
        }

        var done = order with { VolumeCurrent = rest, PositionId = deal.PositionId, TimeDoneMs = _timeMs };
        if (plan.Filling == OrderFilling.Ioc)
        {
            ArchiveOrder(done with { State = OrderState.Canceled });
            return result with { Retcode = TradeRetcode.DonePartial, Message = result.Message + string.Create(CultureInfo.InvariantCulture, $" The remaining {rest} lots were canceled (IOC, limited liquidity).") };
        }

        // RETURN: the rest keeps working and fills on later quotes.
        var working = done with { State = OrderState.Partial, TimeDoneMs = 0 };
        AddWorkingOrder(book, working);
        Changes.Add(new TradeTransaction(TradeTransactionType.OrderUpdate, _timeMs, Order: working));
        return result with { Retcode = TradeRetcode.Placed, Message = result.Message + string.Create(CultureInfo.InvariantCulture, $" The remaining {rest} lots stay working (RETURN, limited liquidity).") };
    }

    private TradeResult PlacePending(TradeRequest r, Plan plan)
    {
        var book = plan.Book;
        var order = DraftOrder(r, book, r.Price, plan.Filling, NewTicket()) with
        {
            StopLimit = r.Type is OrderType.BuyStopLimit or OrderType.SellStopLimit ? r.StopLimit : 0,
            TimeType = r.TimeType,
            ExpirationMs = r.TimeType is OrderTimeType.Specified or OrderTimeType.SpecifiedDay ? r.ExpirationMs : 0,
        };
        AddWorkingOrder(book, order);
        Changes.Add(new TradeTransaction(TradeTransactionType.OrderAdd, _timeMs, Order: order));
        var quote = _quotes.Get(book.Id);
        return new TradeResult
        {
            Retcode = TradeRetcode.Done,
            Action = TradeAction.Pending,
            Message = string.Create(CultureInfo.InvariantCulture, $"{r.Type} {r.Volume} {book.Spec.Name} at {FormatPrice(book.Spec, r.Price)} placed."),
            Order = order.Ticket,
            Volume = r.Volume,
            Price = r.Price,
            Bid = quote.Bid,
            Ask = quote.Ask,
            TimeMs = _timeMs,
        };
    }

    private TradeResult ModifyPosition(TradeRequest r, Plan plan)
    {
        var position = plan.Target!;
        var updated = position with
        {
            StopLoss = r.StopLoss,
            TakeProfit = r.TakeProfit,
            TrailingStopPoints = r.TrailingStopPoints,
            TrailingStepPoints = r.TrailingStepPoints,
            TimeUpdateMs = _timeMs,
        };
        ReplacePosition(plan.Book, position, updated);
        return Done(TradeAction.SlTp, plan.Book, string.Create(CultureInfo.InvariantCulture, $"Position {position.Ticket} stops set.")) with { Position = position.Ticket };
    }

    private TradeResult ModifyOrder(TradeRequest r, Plan plan)
    {
        var order = plan.Order!;
        var updated = order with
        {
            PriceOpen = plan.Price,
            StopLimit = plan.StopLimit,
            StopLoss = r.StopLoss,
            TakeProfit = r.TakeProfit,
            TimeType = r.TimeType,
            ExpirationMs = r.TimeType is OrderTimeType.Specified or OrderTimeType.SpecifiedDay ? r.ExpirationMs : 0,
            TrailingStopPoints = r.TrailingStopPoints,
            TrailingStepPoints = r.TrailingStepPoints,
        };
        ReplaceWorkingOrder(plan.Book, order, updated);
        Changes.Add(new TradeTransaction(TradeTransactionType.OrderUpdate, _timeMs, Order: updated));
        return Done(TradeAction.Modify, plan.Book, string.Create(CultureInfo.InvariantCulture, $"Order {order.Ticket} modified.")) with { Order = order.Ticket, Price = plan.Price, Volume = order.VolumeCurrent };
    }

    private TradeResult RemoveOrder(Plan plan)
    {
        var order = plan.Order!;
        RetireOrder(plan.Book, order, order with { State = OrderState.Canceled, TimeDoneMs = _timeMs });
        return Done(TradeAction.Remove, plan.Book, string.Create(CultureInfo.InvariantCulture, $"Order {order.Ticket} canceled.")) with { Order = order.Ticket, Volume = order.VolumeCurrent };
    }

    /// <summary>Two OUT_BY deals: the position closes at the opposite one's open price, the opposite one at its own.</summary>
    private TradeResult CloseBy(TradeRequest r, Plan plan)
    {
        var book = plan.Book;
        var position = plan.Target!;
        var by = plan.TargetBy!;
        var volume = Math.Min(position.Volume, by.Volume);
        var order = new Order
        {
            Ticket = NewTicket(),
            Symbol = position.Symbol,
            Type = OrderType.CloseBy,
            State = OrderState.Placed,
            VolumeInitial = volume,
            VolumeCurrent = volume,
            PriceOpen = by.PriceOpen,
            TimeSetupMs = _timeMs,
            Magic = r.Magic,
            Comment = r.Comment.Length > 0 ? r.Comment : string.Create(CultureInfo.InvariantCulture, $"close {position.Ticket} by {by.Ticket}"),
            PositionId = position.Ticket,
            PositionById = by.Ticket,
            ClientOrderId = r.ClientOrderId,
        };
        Changes.Add(new TradeTransaction(TradeTransactionType.OrderAdd, _timeMs, Order: order));
        var first = CloseOut(book, order, position, volume, by.PriceOpen, DealEntry.OutBy);
        CloseOut(book, order, by, volume, by.PriceOpen, DealEntry.OutBy);
        ArchiveOrder(order with { State = OrderState.Filled, VolumeCurrent = 0, TimeDoneMs = _timeMs });
        return Done(TradeAction.CloseBy, book, string.Create(CultureInfo.InvariantCulture, $"Position {position.Ticket} closed by {by.Ticket}: {volume} lots.")) with
        {
            Order = order.Ticket,
            Deal = first.Ticket,
            Position = position.Ticket,
            Volume = volume,
            Price = by.PriceOpen,
        };
    }

    private TradeResult Done(TradeAction action, SymbolBook book, string message)
    {
        var quote = _quotes.Get(book.Id);
        return new TradeResult { Retcode = TradeRetcode.Done, Action = action, Message = message, Bid = quote.Bid, Ask = quote.Ask, TimeMs = _timeMs };
    }

    /// <summary>The order a request creates, before it executes.</summary>
    private Order DraftOrder(TradeRequest r, SymbolBook book, double price, OrderFilling filling, ulong ticket) => new()
    {
        Ticket = ticket,
        Symbol = book.Spec.Name,
        Type = r.Type,
        State = OrderState.Placed,
        VolumeInitial = r.Volume,
        VolumeCurrent = r.Volume,
        PriceOpen = price,
        StopLoss = r.StopLoss,
        TakeProfit = r.TakeProfit,
        TimeSetupMs = _timeMs,
        Filling = filling,
        Magic = r.Magic,
        Comment = r.Comment,
        PositionId = r.Position,
        Reason = OrderReason.Client,
        ClientOrderId = r.ClientOrderId,
        TrailingStopPoints = r.TrailingStopPoints,
        TrailingStepPoints = r.TrailingStepPoints,
    };

    /// <summary>Buys at the ask, sells at the bid; slippage (for market orders and stops) always against the trader.</summary>
    private double MarketFillPrice(SymbolBook book, PositionType side, bool slip, ulong dealTicket)
    {
        var quote = _quotes.Get(book.Id);
        var spec = book.Spec;
        var points = slip ? _slippage.Points(dealTicket) : 0;
        return points == 0
            ? (side == PositionType.Buy ? quote.Ask : quote.Bid)
            : spec.NormalizePrice(side == PositionType.Buy ? quote.Ask + (points * spec.Point) : quote.Bid - (points * spec.Point));
    }

    // ---- Fills -----------------------------------------------------------------------------

    /// <summary>What one fill does to the symbol's position and the balance.</summary>
    internal readonly record struct FillOutcome(Position? Before, Position? After, DealEntry Entry, decimal Profit, decimal Commission, decimal Swap);

    /// <summary>
    /// The effect of filling <paramref name="volume"/> of <paramref name="order"/> at <paramref name="price"/>: netting
    /// adds, reduces, closes or reverses the symbol's position; hedging opens a position (ticket = the order's),
    /// adds to the one an earlier partial fill of the same order opened, or reduces/closes <paramref name="target"/>.
    /// </summary>
    private FillOutcome ComputeFill(SymbolBook book, Order order, decimal volume, double price, Position? target)
    {
        var spec = book.Spec;
        var side = order.IsBuy ? PositionType.Buy : PositionType.Sell;
        Position? before;
        if (_info.IsHedging)
        {
            before = target;
            if (before is null)
            {
                foreach (var position in book.Positions)
                {
                    if (position.Ticket == order.Ticket)
                    {
                        before = position;
                    }
                }
            }
        }
        else
        {
            before = book.Positions.Count > 0 ? book.Positions[0] : null;
        }

        if (before is null)
        {
            var commission = Commission(spec, isEntry: true, volume, price);
            var opened = new Position
            {
                Ticket = order.Ticket,
                Symbol = spec.Name,
                Type = side,
                Volume = volume,
                PriceOpen = price,
                StopLoss = order.StopLoss,
                TakeProfit = order.TakeProfit,
                TimeMs = _timeMs,
                TimeUpdateMs = _timeMs,
                Magic = order.Magic,
                Comment = order.Comment,
                Commission = commission,
                Reason = PositionReason.Client,
                ClientOrderId = order.ClientOrderId,
                TrailingStopPoints = order.TrailingStopPoints,
                TrailingStepPoints = order.TrailingStepPoints,
            };
            return new FillOutcome(null, opened, DealEntry.In, 0, commission, 0);
        }

        if (before.Type == side)
        {
            var commission = Commission(spec, isEntry: true, volume, price);
            var total = before.Volume + volume;
            var added = before with
            {
                Volume = total,
                PriceOpen = (((double)before.Volume * before.PriceOpen) + ((double)volume * price)) / (double)total,
                StopLoss = order.StopLoss != 0 ? order.StopLoss : before.StopLoss,
                TakeProfit = order.TakeProfit != 0 ? order.TakeProfit : before.TakeProfit,
                TrailingStopPoints = order.TrailingStopPoints != 0 ? order.TrailingStopPoints : before.TrailingStopPoints,
                TrailingStepPoints = order.TrailingStopPoints != 0 ? order.TrailingStepPoints : before.TrailingStepPoints,
                Commission = before.Commission + commission,
                TimeUpdateMs = _timeMs,
            };
            return new FillOutcome(before, added, DealEntry.In, 0, commission, 0);
        }

        var closed = Math.Min(volume, before.Volume);
        var profit = CurrencyDigits.Round(
            TradeMath.ProfitInAccountCurrency(spec, before.Type, (double)closed, before.PriceOpen, price, Currency, _converter), Digits);
        var swap = closed == before.Volume ? before.Swap : CurrencyDigits.Round(before.Swap * closed / before.Volume, Digits);
        var exitCommission = Commission(spec, isEntry: false, closed, price);
        if (volume < before.Volume)
        {
            var reduced = before with { Volume = before.Volume - volume, Swap = before.Swap - swap, TimeUpdateMs = _timeMs };
            return new FillOutcome(before, reduced, DealEntry.Out, profit, exitCommission, swap);
        }

        if (volume == before.Volume)
        {
            return new FillOutcome(before, null, DealEntry.Out, profit, exitCommission, swap);
        }

        // Netting reversal: one IN/OUT deal; the position keeps its ticket and opens at the deal price.
        var rest = volume - before.Volume;
        var entryCommission = Commission(spec, isEntry: true, rest, price);
        var reversed = before with
        {
            Type = side,
            Volume = rest,
            PriceOpen = price,
            StopLoss = order.StopLoss,
            TakeProfit = order.TakeProfit,
            TrailingStopPoints = order.TrailingStopPoints,
            TrailingStepPoints = order.TrailingStepPoints,
            Swap = 0,
            Commission = entryCommission,
            TimeUpdateMs = _timeMs,
        };
        return new FillOutcome(before, reversed, DealEntry.InOut, profit, exitCommission + entryCommission, swap);
    }

    private decimal Commission(SymbolSpec spec, bool isEntry, decimal lots, double price) =>
        CommissionCalculator.Commission(Settings.Commission, spec, isEntry, lots, price, Currency, _converter, Digits);

    /// <summary>Executes one fill of <paramref name="order"/>: the deal, then the position change.</summary>
    private Deal Fill(SymbolBook book, Order order, decimal volume, double price, Position? target) =>
        Fill(book, order, volume, price, ComputeFill(book, order, volume, price, target));

    private Deal Fill(SymbolBook book, Order order, decimal volume, double price, FillOutcome outcome)
    {
        var position = outcome.After ?? outcome.Before!;
        var deal = AddDeal(new Deal
        {
            Ticket = NewTicket(),
            Order = order.Ticket,
            PositionId = position.Ticket,
            Symbol = book.Spec.Name,
            Type = order.IsBuy ? DealType.Buy : DealType.Sell,
            Entry = outcome.Entry,
            Volume = volume,
            Price = price,
            Profit = outcome.Profit,
            Commission = outcome.Commission,
            Swap = outcome.Swap,
            TimeMs = _timeMs,
            Magic = order.Magic,
            Comment = order.Comment,
            Reason = (DealReason)(int)order.Reason,
            StopLoss = outcome.After?.StopLoss ?? 0,
            TakeProfit = outcome.After?.TakeProfit ?? 0,
        });
        ApplyPosition(book, outcome.Before, outcome.After);
        return deal;
    }

    private void ApplyPosition(SymbolBook book, Position? before, Position? after)
    {
        if (before is null)
        {
            AddPosition(book, after!);
        }
        else if (after is null)
        {
            RemovePosition(book, before);
        }
        else
        {
            ReplacePosition(book, before, after);
        }
    }

    /// <summary>One OUT_BY deal closing <paramref name="volume"/> of <paramref name="position"/> at <paramref name="price"/>.</summary>
    private Deal CloseOut(SymbolBook book, Order order, Position position, decimal volume, double price, DealEntry entry)
    {
        var spec = book.Spec;
        var profit = CurrencyDigits.Round(
            TradeMath.ProfitInAccountCurrency(spec, position.Type, (double)volume, position.PriceOpen, price, Currency, _converter), Digits);
        var swap = volume == position.Volume ? position.Swap : CurrencyDigits.Round(position.Swap * volume / position.Volume, Digits);
        var deal = AddDeal(new Deal
        {
            Ticket = NewTicket(),
            Order = order.Ticket,
            PositionId = position.Ticket,
            Symbol = spec.Name,
            Type = position.Type == PositionType.Buy ? DealType.Sell : DealType.Buy,
            Entry = entry,
            Volume = volume,
            Price = price,
            Profit = profit,
            Commission = Commission(spec, isEntry: false, volume, price),
            Swap = swap,
            TimeMs = _timeMs,
            Magic = order.Magic,
            Comment = order.Comment,
            Reason = (DealReason)(int)order.Reason,
        });
        var after = volume == position.Volume ? null : position with { Volume = position.Volume - volume, Swap = position.Swap - swap, TimeUpdateMs = _timeMs };
        ApplyPosition(book, position, after);
        return deal;
    }

    /// <summary>The account after a fill, every position valued at the current quotes.</summary>
    private Projection Project(SymbolBook book, decimal volume, double price, Position? target, Order order, out FillOutcome outcome)
    {
        var (profit, margin) = ExactTotals();
        var side = order.IsBuy ? PositionType.Buy : PositionType.Sell;
        outcome = ComputeFill(book, order, volume, price, target);
        var after = new Position[book.Positions.Count + 1];
        var count = 0;
        foreach (var position in book.Positions)
        {
            if (!ReferenceEquals(position, outcome.Before))
            {
                after[count++] = position;
            }
        }

        if (outcome.After is { } changed)
        {
            after[count++] = changed;
        }

        var quote = _quotes.Get(book.Id);
        var symbolProfitAfter = 0.0;
        for (var i = 0; i < count; i++)
        {
            symbolProfitAfter += FloatingProfit(book.Spec, after[i], quote) + (double)after[i].Swap;
        }

        var symbolMarginAfter = MarginCalculator.SymbolMargin(book.Spec, after.AsSpan(0, count), _info.Leverage, Currency, _converter, quote);
        var opening = outcome.Entry == DealEntry.In ? volume : outcome.Entry == DealEntry.InOut ? outcome.After!.Volume : 0;
        var required = opening > 0 ? MarginCalculator.OrderMargin(book.Spec, side, opening, _info.Leverage, Currency, _converter, quote) : 0;
        return new Projection(
            _balance + outcome.Profit + outcome.Commission + outcome.Swap,
            profit - (book.EstimatedProfit + book.Swap) + symbolProfitAfter,
            margin - book.Margin + symbolMarginAfter,
            required);
    }

    /// <summary>
    /// Closes (part of) a position with a server order: SL, TP or stop-out. Null, changing nothing, when the close
    /// cannot be valued yet (a conversion pair not quoted since a restore): the trigger fires again on a later quote.
    /// </summary>
    private Deal? ClosePosition(SymbolBook book, Position position, decimal volume, OrderReason reason, bool slip)
    {
        var closeSide = position.Type == PositionType.Buy ? PositionType.Sell : PositionType.Buy;
        var ticket = _nextTicket;
        var price = MarketFillPrice(book, closeSide, slip, ticket + 1);
        var tag = reason switch
        {
            OrderReason.StopLoss => "sl",
            OrderReason.TakeProfit => "tp",
            _ => "so",
        };
        var order = new Order
        {
            Ticket = ticket,
            Symbol = position.Symbol,
            Type = closeSide == PositionType.Buy ? OrderType.Buy : OrderType.Sell,
            State = OrderState.Placed,
            VolumeInitial = volume,
            VolumeCurrent = volume,
            PriceOpen = price,
            TimeSetupMs = _timeMs,
            Filling = OrderFilling.Ioc,
            Magic = position.Magic,
            Comment = string.Create(CultureInfo.InvariantCulture, $"[{tag} {FormatPrice(book.Spec, price)}]"),
            PositionId = position.Ticket,
            Reason = reason,
        };
        FillOutcome outcome;
        try
        {
            outcome = ComputeFill(book, order, volume, price, _info.IsHedging ? position : null);
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        NewTicket();
        Changes.Add(new TradeTransaction(TradeTransactionType.OrderAdd, _timeMs, Order: order));
        var deal = Fill(book, order, volume, price, outcome);
        ArchiveOrder(order with { State = OrderState.Filled, VolumeCurrent = 0, TimeDoneMs = _timeMs });
        return deal;
    }
}
