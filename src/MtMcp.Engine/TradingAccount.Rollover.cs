namespace MtMcp.Engine;

public sealed partial class TradingAccount
{
    // Exact money caches are refreshed at least this often (venue time) while positions are open, bounding the
    // drift of the O(1) stop-out estimate (conversion rates and CFD margins move with other symbols' quotes).
    private const long MoneyRefreshMs = 60_000;

    private long _nextEventMs = long.MaxValue;
    private long _nextExpiryMs = long.MaxValue;
    private long _nextMidnightMs = long.MaxValue;
    private long _nextRefreshMs = long.MaxValue;

    /// <summary>
    /// Moves the account clock to <paramref name="timeMs"/> without a quote (a market that is shut): pending orders
    /// expire and rollovers charge swaps. Earlier times are ignored (the clock never goes back).
    /// </summary>
    public void AdvanceTime(long timeMs)
    {
        if (timeMs <= _timeMs)
        {
            return;
        }

        if (timeMs >= _nextEventMs)
        {
            RunTimeEvents(timeMs);
        }

        _timeMs = timeMs;
        EndStep();
    }

    /// <summary>The UTC time of the first server midnight after <paramref name="timeMs"/>.</summary>
    private long EndOfServerDay(long timeMs)
    {
        var server = timeMs + _serverOffsetMs;
        var day = server / DayMs;
        if (server % DayMs < 0)
        {
            day--;
        }

        return ((day + 1) * DayMs) - _serverOffsetMs;
    }

    private void ScheduleTimeEvents()
    {
        _nextMidnightMs = EndOfServerDay(_timeMs);
        _nextRefreshMs = _timeMs + MoneyRefreshMs;
        ScheduleExpiry();
    }

    /// <summary>When a working order next expires (after any change of the orders).</summary>
    private void ScheduleExpiry()
    {
        var next = long.MaxValue;
        foreach (var order in _orders)
        {
            next = Math.Min(next, ExpiryOf(order));
        }

        _nextExpiryMs = next;
        _nextEventMs = Math.Min(Math.Min(_nextExpiryMs, _nextMidnightMs), _nextRefreshMs);
    }

    /// <summary>When <paramref name="order"/> leaves the book by itself; long.MaxValue for good-till-cancelled.</summary>
    private long ExpiryOf(Order order) => order.TimeType switch
    {
        OrderTimeType.Day => EndOfServerDay(order.TimeSetupMs),
        OrderTimeType.Specified => order.ExpirationMs,
        OrderTimeType.SpecifiedDay => EndOfServerDay(order.ExpirationMs),

        // SYMBOL_ORDERS_DAILY and _DAILY_NO_STOPS: even GTC orders live one trading day.
        _ => _quotes.TryGetId(order.Symbol, out var id) && _quotes.Spec(id).GtcMode != OrderGtcMode.Gtc ? EndOfServerDay(order.TimeSetupMs) : long.MaxValue,
    };

    /// <summary>Expirations and rollovers up to <paramref name="timeMs"/>, each at its own time, in time order.</summary>
    private void RunTimeEvents(long timeMs)
    {
        // Midnights without open positions charge nothing: skip them in one step (a first quote years after time 0).
        if (_positions.Count == 0 && _nextMidnightMs <= timeMs)
        {
            _nextMidnightMs = EndOfServerDay(timeMs - 1);
        }

        while (true)
        {
            var next = Math.Min(_nextExpiryMs, _nextMidnightMs);
            if (next > timeMs)
            {
                break;
            }

            _timeMs = Math.Max(_timeMs, next);
            if (_nextExpiryMs <= next)
            {
                ExpireOrders(next);
            }

            if (_nextMidnightMs <= next)
            {
                Rollover(next);
                _nextMidnightMs = _positions.Count == 0 ? EndOfServerDay(Math.Max(next, timeMs - 1)) : next + DayMs;
            }

            EndStep();
        }

        (double Profit, double Margin)? refreshed = null;
        if (_nextRefreshMs <= timeMs)
        {
            _nextRefreshMs = timeMs + MoneyRefreshMs;
            refreshed = ExactTotals();
        }

        _nextEventMs = Math.Min(Math.Min(_nextExpiryMs, _nextMidnightMs), _nextRefreshMs);
        // Swaps just charged may have brought the account to its stop-out level. After a refresh (nothing changed
        // since) its exact totals are the ones the check would value first: when they are clear of the level, the
        // check would stop there, so skip valuing every position a second time.
        if (_positions.Count > 0 && (refreshed is not { } totals || AtStopOut(totals)))
        {
            CheckStopOut();
        }
    }

    private void ExpireOrders(long timeMs)
    {
        _scratchOrders.Clear();
        _scratchOrders.AddRange(_orders);
        foreach (var order in _scratchOrders)
        {
            if (ExpiryOf(order) <= timeMs)
            {
                RetireOrder(BookFor(order.Symbol), order, order with { State = OrderState.Expired, TimeDoneMs = timeMs });
            }
        }

        ScheduleExpiry();
    }

    /// <summary>
    /// The server-day change at <paramref name="midnightMs"/>: swaps on every open position (×0 at weekends, ×3 on the
    /// triple day), REOPEN modes realised and reopened, and SL/TP removed on SYMBOL_ORDERS_DAILY symbols.
    /// </summary>
    private void Rollover(long midnightMs)
    {
        var serverDay = DateTimeOffset.FromUnixTimeMilliseconds(midnightMs - 1 + _serverOffsetMs).UtcDateTime.DayOfWeek;
        _scratchPositions.Clear();
        _scratchPositions.AddRange(_positions);
        foreach (var position in _scratchPositions)
        {
            var book = BookFor(position.Symbol);
            var spec = book.Spec;
            if (!_quotes.HasQuote(book.Id))
            {
                continue;
            }

            var quote = _quotes.Get(book.Id);
            var current = position;
            var multiplier = SwapCalculator.RolloverMultiplier(spec, serverDay);
            if (multiplier > 0 && spec.SwapMode is SymbolSwapMode.ReopenCurrent or SymbolSwapMode.ReopenBid)
            {
                current = Reopen(book, position, quote) ?? position;
            }
            else if (multiplier > 0)
            {
                decimal swap;
                try
                {
                    swap = CurrencyDigits.Round(SwapCalculator.SwapPerNight(spec, position, quote, Currency, _converter) * multiplier, Digits);
                }
                catch (InvalidOperationException)
                {
                    // A conversion pair without a quote: the swap cannot be valued; charge nothing rather than guess.
                    swap = 0;
                }

                if (swap != 0)
                {
                    current = position with { Swap = position.Swap + swap, TimeUpdateMs = midnightMs };
                    ReplacePosition(book, position, current);
                }
            }

            if (spec.GtcMode == OrderGtcMode.Daily && (current.StopLoss != 0 || current.TakeProfit != 0))
            {
                ReplacePosition(book, current, current with { StopLoss = 0, TakeProfit = 0, TimeUpdateMs = midnightMs });
            }
        }
    }

    /// <summary>
    /// REOPEN swap modes: the position is closed at the rollover price (realising its profit and swap) and reopened
    /// at that price moved by the swap points, with a pair of ROLLOVER deals; it keeps its ticket. Null when the
    /// profit cannot be converted (nothing changes).
    /// </summary>
    private Position? Reopen(SymbolBook book, Position position, Quote quote)
    {
        var spec = book.Spec;
        decimal profit;
        try
        {
            profit = CurrencyDigits.Round(FloatingProfit(spec, position, quote), Digits);
        }
        catch (InvalidOperationException)
        {
            // A conversion pair without a quote: the position cannot be realised; leave it as it is.
            return null;
        }

        var close = ClosePrice(position, quote);
        var reopen = SwapCalculator.ReopenPrice(spec, position, quote);
        var closeType = position.Type == PositionType.Buy ? DealType.Sell : DealType.Buy;
        AddDeal(new Deal
        {
            Ticket = NewTicket(),
            PositionId = position.Ticket,
            Symbol = spec.Name,
            Type = closeType,
            Entry = DealEntry.Out,
            Volume = position.Volume,
            Price = close,
            Profit = profit,
            Swap = position.Swap,
            TimeMs = _timeMs,
            Magic = position.Magic,
            Comment = "rollover",
            Reason = DealReason.Rollover,
        });
        AddDeal(new Deal
        {
            Ticket = NewTicket(),
            PositionId = position.Ticket,
            Symbol = spec.Name,
            Type = closeType == DealType.Sell ? DealType.Buy : DealType.Sell,
            Entry = DealEntry.In,
            Volume = position.Volume,
            Price = reopen,
            TimeMs = _timeMs,
            Magic = position.Magic,
            Comment = "rollover",
            Reason = DealReason.Rollover,
            StopLoss = position.StopLoss,
            TakeProfit = position.TakeProfit,
        });
        var reopened = position with { PriceOpen = reopen, Swap = 0, TimeUpdateMs = _timeMs };
        ReplacePosition(book, position, reopened);
        return reopened;
    }
}
