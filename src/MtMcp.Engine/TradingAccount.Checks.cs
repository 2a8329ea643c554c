using System.Globalization;
namespace MtMcp.Engine;

// The checks request validation shares, and the validated plan a request executes.
public sealed partial class TradingAccount
{
    private SymbolBook? ResolveSymbol(string symbol) => _quotes.TryGetId(symbol, out var id) ? BookFor(id) : null;

    private TradeResult UnknownSymbol(TradeAction action, string symbol) =>
        Reject(action, TradeRetcode.Invalid, symbol.Length == 0 ? "Symbol is empty: name the symbol to trade." : string.Create(CultureInfo.InvariantCulture, $"Unknown symbol '{symbol}'."));

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
            return Reject(action, TradeRetcode.Invalid, string.Create(CultureInfo.InvariantCulture, $"{field.Item1} {field.Item2} is not a price: give a finite number >= 0 (0 = none)."), book);
        }

        if (r.Comment is null || r.Comment.Length > MaxCommentLength)
        {
            return Reject(action, TradeRetcode.Invalid, string.Create(CultureInfo.InvariantCulture, $"Comment has {r.Comment?.Length ?? 0} characters; at most {MaxCommentLength} are allowed."), book);
        }

        if (r.Deviation < 0 || r.TrailingStopPoints < 0 || r.TrailingStepPoints < 0)
        {
            return Reject(action, TradeRetcode.Invalid,
                string.Create(CultureInfo.InvariantCulture, $"Deviation {r.Deviation}, TrailingStopPoints {r.TrailingStopPoints} and TrailingStepPoints {r.TrailingStepPoints} must not be negative."), book);
        }

        return null;
    }

    /// <summary>A quote to trade at (10021) inside the symbol's trade sessions (10018).</summary>
    private TradeResult? CheckMarket(TradeAction action, SymbolBook book)
    {
        if (!_quotes.HasQuote(book.Id))
        {
            return Reject(action, TradeRetcode.PriceOff, string.Create(CultureInfo.InvariantCulture, $"There is no quote for {book.Spec.Name} yet."), book);
        }

        if (!book.Spec.IsTradable(DateTimeOffset.FromUnixTimeMilliseconds(_timeMs)))
        {
            return Reject(action, TradeRetcode.MarketClosed,
                string.Create(CultureInfo.InvariantCulture, $"The {book.Spec.Name} market is closed at {DateTimeOffset.FromUnixTimeMilliseconds(_timeMs):yyyy-MM-dd HH:mm} UTC (outside its trade sessions)."), book);
        }

        return null;
    }

    private TradeResult? TradeModeRejection(TradeAction action, SymbolBook book, PositionType side, bool opens)
    {
        var spec = book.Spec;
        return spec.TradeMode switch
        {
            SymbolTradeMode.CloseOnly when opens =>
                Reject(action, TradeRetcode.CloseOnly, string.Create(CultureInfo.InvariantCulture, $"{spec.Name} is close-only: only orders that close positions are allowed."), book),
            SymbolTradeMode.LongOnly when opens && side == PositionType.Sell =>
                Reject(action, TradeRetcode.LongOnly, string.Create(CultureInfo.InvariantCulture, $"{spec.Name} is long-only: sell orders may only close buy positions."), book),
            SymbolTradeMode.ShortOnly when opens && side == PositionType.Buy =>
                Reject(action, TradeRetcode.ShortOnly, string.Create(CultureInfo.InvariantCulture, $"{spec.Name} is short-only: buy orders may only close sell positions."), book),
            _ => null,
        };
    }

    private TradeResult InvalidVolume(TradeAction action, SymbolBook book, decimal volume)
    {
        var spec = book.Spec;
        return Reject(action, TradeRetcode.InvalidVolume,
            string.Create(CultureInfo.InvariantCulture, $"Volume {volume} is not valid for {spec.Name}: use {spec.VolumeMin} to {spec.VolumeMax} lots in steps of {spec.VolumeStep}."), book);
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
                string.Create(CultureInfo.InvariantCulture, $"{book.Spec.Name} allows at most {limit} lots per direction (positions + pending orders); {side} already has {current}, the request adds {adding}."), book);
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
            return Reject(action, TradeRetcode.InvalidPrice, string.Create(CultureInfo.InvariantCulture, $"Price {price} is not a valid {spec.Name} price: give a positive price on the tick grid of {spec.TickSize}."), book);
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
                string.Create(CultureInfo.InvariantCulture, $"{type} price {FormatPrice(spec, price)} must be at least {spec.StopsLevel} points {rule} (bid {FormatPrice(spec, quote.Bid)}, ask {FormatPrice(spec, quote.Ask)})."), book);
        }

        if (type is OrderType.BuyStopLimit or OrderType.SellStopLimit)
        {
            if (stopLimit <= 0 || !OnGrid(spec, stopLimit))
            {
                return Reject(action, TradeRetcode.InvalidPrice, string.Create(CultureInfo.InvariantCulture, $"StopLimit {stopLimit} is not a valid {spec.Name} price: a stop-limit order needs its limit price on the tick grid."), book);
            }

            var limit = spec.ToTicks(stopLimit);
            var isBuy = type == OrderType.BuyStopLimit;
            if ((isBuy ? p - limit : limit - p) < level)
            {
                return Reject(action, TradeRetcode.InvalidPrice,
                    string.Create(CultureInfo.InvariantCulture, $"{type} limit price {FormatPrice(spec, stopLimit)} must be at least {spec.StopsLevel} points {(isBuy ? "below" : "above")} its stop price {FormatPrice(spec, price)}."), book);
            }
        }

        return null;
    }

    /// <summary>SL/TP on the tick grid, allowed by the symbol, on the right side of <paramref name="reference"/> beyond the stops level: 10016.</summary>
    private TradeResult? CheckStops(TradeAction action, SymbolBook book, bool isBuy, long reference, double stopLoss, double takeProfit, string referenceName)
    {
        var spec = book.Spec;
        var level = StopsLevelTicks(spec);
        if (stopLoss != 0)
        {
            if ((spec.OrderFlags & SymbolOrderFlags.StopLoss) == 0)
            {
                return Reject(action, TradeRetcode.InvalidStops, string.Create(CultureInfo.InvariantCulture, $"{spec.Name} does not allow stop loss orders (SYMBOL_ORDER_MODE {spec.OrderFlags})."), book);
            }

            if (!OnGrid(spec, stopLoss))
            {
                return Reject(action, TradeRetcode.InvalidStops, string.Create(CultureInfo.InvariantCulture, $"Stop loss {stopLoss} is not on {spec.Name}'s tick grid of {spec.TickSize}."), book);
            }

            var sl = spec.ToTicks(stopLoss);
            if ((isBuy ? reference - sl : sl - reference) < level)
            {
                return Reject(action, TradeRetcode.InvalidStops,
                    string.Create(CultureInfo.InvariantCulture, $"Stop loss {FormatPrice(spec, stopLoss)} must be at least {spec.StopsLevel} points {(isBuy ? "below" : "above")} {referenceName} {FormatPrice(spec, reference * spec.TickSize)}."), book);
            }
        }

        if (takeProfit != 0)
        {
            if ((spec.OrderFlags & SymbolOrderFlags.TakeProfit) == 0)
            {
                return Reject(action, TradeRetcode.InvalidStops, string.Create(CultureInfo.InvariantCulture, $"{spec.Name} does not allow take profit orders (SYMBOL_ORDER_MODE {spec.OrderFlags})."), book);
            }

            if (!OnGrid(spec, takeProfit))
            {
                return Reject(action, TradeRetcode.InvalidStops, string.Create(CultureInfo.InvariantCulture, $"Take profit {takeProfit} is not on {spec.Name}'s tick grid of {spec.TickSize}."), book);
            }

            var tp = spec.ToTicks(takeProfit);
            if ((isBuy ? tp - reference : reference - tp) < level)
            {
                return Reject(action, TradeRetcode.InvalidStops,
                    string.Create(CultureInfo.InvariantCulture, $"Take profit {FormatPrice(spec, takeProfit)} must be at least {spec.StopsLevel} points {(isBuy ? "above" : "below")} {referenceName} {FormatPrice(spec, reference * spec.TickSize)}."), book);
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
            return Reject(action, TradeRetcode.InvalidExpiration, string.Create(CultureInfo.InvariantCulture, $"{spec.Name} does not allow the {timeType} lifetime (SYMBOL_EXPIRATION_MODE {spec.ExpirationFlags})."), book);
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
                string.Create(CultureInfo.InvariantCulture, $"Expiration {DateTimeOffset.FromUnixTimeMilliseconds(expirationMs):yyyy-MM-dd HH:mm:ss} UTC is not in the future (now {DateTimeOffset.FromUnixTimeMilliseconds(_timeMs):yyyy-MM-dd HH:mm:ss} UTC)."), book);
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
        string.Create(CultureInfo.InvariantCulture, $"Filling {filling?.ToString() ?? "(default)"} is not allowed for {spec.Name} ({spec.ExecutionMode} execution, SYMBOL_FILLING_MODE {spec.FillingFlags}).");

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
            string.Create(CultureInfo.InvariantCulture, $"Not enough money: the trade needs {Math.Round(projection.RequiredMargin, Digits)} {Currency} of margin and would leave a free margin of {Math.Round(FreeMarginAfter(projection), Digits)} {Currency}."), book);

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

    private static readonly string[] s_priceFormats = ["F0", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8"];

    /// <summary>A price with the symbol's digits (SymbolSpec.FormatPrice without building the format string each time).</summary>
    private static string FormatPrice(SymbolSpec spec, double price) =>
        price.ToString(s_priceFormats[Math.Clamp(spec.Digits, 0, 8)], System.Globalization.CultureInfo.InvariantCulture);

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

        public FillOutcome Outcome { get; init; }
    }

    /// <summary>The account right after a trade.</summary>
    private readonly record struct Projection(decimal Balance, double Profit, double Margin, double RequiredMargin);
}
