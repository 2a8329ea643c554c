namespace MtMcp.Engine.Tests.Properties;

/// <summary>
/// Plays <see cref="TradingStep"/>s against one <see cref="TradingAccount"/> on its own quote board, turning each
/// step into the request it describes at the current market, and checks client-order-id idempotency on the way.
/// </summary>
internal sealed class AccountDriver
{
    public static readonly string[] TradedSymbols = ["EURUSD", "USDJPY", "XAUUSD", "BTCUSD"];

    // EURJPY is quoted but not traded: it converts USDJPY profits on EUR accounts.
    public static readonly string[] QuotedSymbols = ["EURUSD", "USDJPY", "XAUUSD", "BTCUSD", "EURJPY"];

    private static readonly double[] s_startMid = [1.10000, 150.000, 2300.00, 60000.00, 165.000];

    // Monday 4 March 2024, 00:30 UTC: forex is open; the sequences run into the following days and weekend.
    private static readonly long s_start = new DateTimeOffset(2024, 3, 4, 0, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private readonly int[] _ids = new int[QuotedSymbols.Length];
    private readonly long[] _midPoints = new long[QuotedSymbols.Length];
    private readonly Dictionary<string, TradeResult> _firstResults = new(StringComparer.Ordinal);
    private long _timeMs = s_start;

    public AccountDriver(AccountConfig config)
    {
        Board = new QuoteBoard(SymbolCatalog.BuiltIn);
        for (var i = 0; i < QuotedSymbols.Length; i++)
        {
            Assert.True(Board.TryGetId(QuotedSymbols[i], out _ids[i]));
            _midPoints[i] = Board.Spec(_ids[i]).ToTicks(s_startMid[i]);
            Publish(i, spreadPoints: 10);
        }

        Account = new TradingAccount("property", config.Settings(), Board, config.Deposit, _timeMs);
    }

    public QuoteBoard Board { get; }

    public TradingAccount Account { get; private set; }

    /// <summary>Replaces the account by one rebuilt from its persisted state.</summary>
    public void Restore() => Account = TradingAccount.Restore(Account.Name, Account.ToState(), Board);

    /// <summary>Plays one step; the result of the request or deposit it made, or null for quotes and time.</summary>
    public TradeResult? Apply(TradingStep step)
    {
        switch (step)
        {
            case QuoteStep quote:
                _timeMs += quote.Minutes * 60_000L;
                // Prices stay within half and one and a half times the start, whatever the walk.
                var start = Board.Spec(_ids[quote.Symbol]).ToTicks(s_startMid[quote.Symbol]);
                _midPoints[quote.Symbol] = Math.Clamp(_midPoints[quote.Symbol] + quote.MovePoints, start / 2, start * 3 / 2);
                Publish(quote.Symbol, quote.SpreadPoints);
                Account.OnQuote(_ids[quote.Symbol]);
                return null;
            case AdvanceStep advance:
                _timeMs += advance.Minutes * 60_000L;
                Account.AdvanceTime(_timeMs);
                return null;
            case DepositStep deposit:
                return Account.Deposit(deposit.Amount);
            case MarketStep market:
                return Send(Market(market));
            case PendingStep pending:
                return Send(Pending(pending));
            case SlTpStep sltp:
                return Send(SlTp(sltp));
            case CloseStep close:
                return Send(Close(close));
            case CloseByStep closeBy:
                return Send(CloseBy(closeBy));
            case ModifyStep modify:
                return Send(Modify(modify));
            case RemoveStep remove:
                return Send(new TradeRequest
                {
                    Action = TradeAction.Remove,
                    Order = OrderAt(remove.Order)?.Ticket ?? UnknownTicket,
                    ClientOrderId = ClientId(remove.ClientId),
                });
            default:
                throw new ArgumentException($"Unknown step {step}.", nameof(step));
        }
    }

    private const ulong UnknownTicket = 999_999;

    private static string? ClientId(int id) => id < 0 ? null : "c" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private TradeResult Send(TradeRequest request)
    {
        if (request.ClientOrderId is { } id && _firstResults.TryGetValue(id, out var first))
        {
            var before = Footprint();
            var repeat = Account.Send(request);
            Assert.Equal(first, repeat);
            Assert.Equal(before, Footprint());
            return repeat;
        }

        var result = Account.Send(request);
        if (request.ClientOrderId is { } newId)
        {
            _firstResults[newId] = result;
        }

        return result;
    }

    // What a repeated client order id must leave untouched.
    private (int Positions, int Orders, int Deals, ulong NextTicket, decimal Balance) Footprint() =>
        (Account.Positions.Count, Account.Orders.Count, Account.Deals(HistoryQuery.All).Count, Account.Changes.NextTicket, Account.Balance);

    private void Publish(int symbol, int spreadPoints)
    {
        var spec = Board.Spec(_ids[symbol]);
        var bidPoints = _midPoints[symbol] - (spreadPoints / 2);
        Board.Update(_ids[symbol], spec.NormalizePrice(bidPoints * spec.TickSize), spec.NormalizePrice((bidPoints + spreadPoints) * spec.TickSize), _timeMs);
    }

    private (SymbolSpec Spec, Quote Quote) Market(string symbol)
    {
        Assert.True(Board.TryGetId(symbol, out var id));
        return (Board.Spec(id), Board.Get(id));
    }

    private Position? PositionAt(int index) => Account.Positions.Count == 0 ? null : Account.Positions[index % Account.Positions.Count];

    private Order? OrderAt(int index) => Account.Orders.Count == 0 ? null : Account.Orders[index % Account.Orders.Count];

    // SL/TP that many points from the closing side of a position in direction buy (0 points = none).
    private static (double Sl, double Tp) Stops(SymbolSpec spec, bool buy, double reference, int slPoints, int tpPoints)
    {
        var sign = buy ? 1 : -1;
        var sl = slPoints == 0 ? 0 : spec.NormalizePrice(reference - (sign * slPoints * spec.Point));
        var tp = tpPoints == 0 ? 0 : spec.NormalizePrice(reference + (sign * tpPoints * spec.Point));
        return (sl, tp);
    }

    private TradeRequest Market(MarketStep step)
    {
        var symbol = TradedSymbols[step.Symbol];
        var (spec, quote) = Market(symbol);
        var (sl, tp) = Stops(spec, step.Buy, step.Buy ? quote.Bid : quote.Ask, step.SlPoints, step.TpPoints);
        return new TradeRequest
        {
            Action = TradeAction.Deal,
            Symbol = symbol,
            Type = step.Buy ? OrderType.Buy : OrderType.Sell,
            Volume = step.Lots / 100m,
            StopLoss = sl,
            TakeProfit = tp,
            Filling = step.Filling switch
            {
                1 => OrderFilling.Fok,
                2 => OrderFilling.Ioc,
                3 => OrderFilling.Return,
                _ => null,
            },
            ClientOrderId = ClientId(step.ClientId),
        };
    }

    private TradeRequest Pending(PendingStep step)
    {
        var symbol = TradedSymbols[step.Symbol];
        var (spec, quote) = Market(symbol);
        var distance = step.DistancePoints * spec.Point;
        var limit = step.LimitPoints * spec.Point;
        var (type, price, stopLimit) = step.Kind switch
        {
            0 => (OrderType.BuyLimit, quote.Ask - distance, 0.0),
            1 => (OrderType.SellLimit, quote.Bid + distance, 0.0),
            2 => (OrderType.BuyStop, quote.Ask + distance, 0.0),
            3 => (OrderType.SellStop, quote.Bid - distance, 0.0),
            4 => (OrderType.BuyStopLimit, quote.Ask + distance, quote.Ask + distance - limit),
            _ => (OrderType.SellStopLimit, quote.Bid - distance, quote.Bid - distance + limit),
        };
        var (timeType, expiration) = step.Lifetime switch
        {
            1 => (OrderTimeType.Day, 0L),
            2 => (OrderTimeType.Specified, _timeMs + (3 * 3_600_000L)),
            3 => (OrderTimeType.SpecifiedDay, _timeMs + 86_400_000L),
            _ => (OrderTimeType.Gtc, 0L),
        };
        return new TradeRequest
        {
            Action = TradeAction.Pending,
            Symbol = symbol,
            Type = type,
            Volume = step.Lots / 100m,
            Price = spec.NormalizePrice(price),
            StopLimit = stopLimit == 0 ? 0 : spec.NormalizePrice(stopLimit),
            TimeType = timeType,
            ExpirationMs = expiration,
            ClientOrderId = ClientId(step.ClientId),
        };
    }

    private TradeRequest SlTp(SlTpStep step)
    {
        var position = PositionAt(step.Position);
        if (position is null)
        {
            return new TradeRequest { Action = TradeAction.SlTp, Position = UnknownTicket, ClientOrderId = ClientId(step.ClientId) };
        }

        var (spec, quote) = Market(position.Symbol);
        var buy = position.Type == PositionType.Buy;
        var (sl, tp) = Stops(spec, buy, buy ? quote.Bid : quote.Ask, step.SlPoints, step.TpPoints);
        return new TradeRequest
        {
            Action = TradeAction.SlTp,
            Symbol = position.Symbol,
            Position = position.Ticket,
            StopLoss = sl,
            TakeProfit = tp,
            TrailingStopPoints = step.TrailPoints,
            ClientOrderId = ClientId(step.ClientId),
        };
    }

    private TradeRequest Close(CloseStep step)
    {
        var position = PositionAt(step.Position);
        if (position is null)
        {
            return new TradeRequest
            {
                Action = TradeAction.Deal, Symbol = "EURUSD", Type = OrderType.Sell, Volume = 0.01m, Position = UnknownTicket,
                ClientOrderId = ClientId(step.ClientId),
            };
        }

        // Hedging closes the named position; netting sends the opposite deal, which may reverse the position.
        var volume = decimal.Max(0.01m, decimal.Round(position.Volume * step.Percent / 100m, 2, MidpointRounding.ToZero));
        return new TradeRequest
        {
            Action = TradeAction.Deal,
            Symbol = position.Symbol,
            Type = position.Type == PositionType.Buy ? OrderType.Sell : OrderType.Buy,
            Volume = volume,
            Position = Account.Settings.Info.IsHedging ? position.Ticket : 0,
            ClientOrderId = ClientId(step.ClientId),
        };
    }

    private TradeRequest CloseBy(CloseByStep step)
    {
        // Prefer an opposite position of the same symbol, so most attempts are valid; else any position.
        var position = PositionAt(step.Position);
        var opposite = position is null
            ? []
            : Account.Positions.Where(p => p.Symbol == position.Symbol && p.Type != position.Type).ToList();
        var other = opposite.Count > 0 ? opposite[step.Other % opposite.Count] : PositionAt(step.Other);
        return new TradeRequest
        {
            Action = TradeAction.CloseBy,
            Position = position?.Ticket ?? UnknownTicket,
            PositionBy = other?.Ticket ?? UnknownTicket,
            ClientOrderId = ClientId(step.ClientId),
        };
    }

    private TradeRequest Modify(ModifyStep step)
    {
        var order = OrderAt(step.Order);
        if (order is null)
        {
            return new TradeRequest { Action = TradeAction.Modify, Order = UnknownTicket, Price = 1, ClientOrderId = ClientId(step.ClientId) };
        }

        var (spec, _) = Market(order.Symbol);
        var move = step.MovePoints * spec.Point;
        return new TradeRequest
        {
            Action = TradeAction.Modify,
            Order = order.Ticket,
            Symbol = order.Symbol,
            Price = spec.NormalizePrice(order.PriceOpen + move),
            StopLimit = order.StopLimit == 0 ? 0 : spec.NormalizePrice(order.StopLimit + move),
            StopLoss = order.StopLoss,
            TakeProfit = order.TakeProfit,
            TimeType = order.TimeType,
            ExpirationMs = order.ExpirationMs,
            ClientOrderId = ClientId(step.ClientId),
        };
    }
}
