using System.Globalization;
using MtMcp.Gateways.Bridge;
using MtMcp.MetaApi.Wire;

namespace MtMcp.MetaApi;

/// <summary>
/// Explicit mapping between MetaApi's JSON shapes and the engine's types: MQL enum names, ISO UTC times to Unix ms,
/// money rounded to the account currency's digits and volumes to 8 decimals (the gateway edge converts each double
/// once), and MetaApi's result codes to MT5 retcodes.
/// </summary>
internal static class MetaApiMapping
{
    // Volumes arrive as doubles; lots never have more than 8 decimals on any MT5 symbol.
    private const int VolumeDecimals = 8;

    public static AccountInfo ToAccountInfo(AccountInformationDto dto) => new()
    {
        Login = dto.Login,
        Server = dto.Server ?? "",
        Name = dto.Name ?? "",
        Company = dto.Broker ?? "",
        Currency = dto.Currency ?? "",
        CurrencyDigits = dto.CurrencyDigits ?? 2,
        Leverage = dto.Leverage,

        // Anything but an explicit DEMO or CONTEST counts as live money: a missing type must not unlock trading.
        TradeMode = MqlNames.ParseTradeModeAsLiveUnlessDemo(dto.Type),
        MarginMode = MqlNames.AccountMarginMode.TryParse(dto.MarginMode, out var margin) ? margin : AccountMarginMode.RetailNetting,
        TradeAllowed = dto.TradeAllowed,
    };

    public static Position ToPosition(PositionDto dto, int currencyDigits, string? clientOrderId) => new()
    {
        Ticket = dto.Id,
        Symbol = dto.Symbol ?? "",
        Type = Parse(MqlNames.PositionType, dto.Type, "position", dto.Id),
        Volume = Lots(dto.Volume),
        PriceOpen = dto.OpenPrice,
        StopLoss = dto.StopLoss ?? 0,
        TakeProfit = dto.TakeProfit ?? 0,
        TimeMs = Ms(dto.Time),
        TimeUpdateMs = Ms(dto.UpdateTime ?? dto.Time),
        Magic = dto.Magic,
        Comment = dto.Comment ?? "",
        Swap = Money(dto.Swap, currencyDigits),
        Commission = Money(dto.Commission, currencyDigits),
        Reason = MqlNames.PositionReason.TryParse(dto.Reason, out var reason) ? reason : PositionReason.Client,
        ClientOrderId = clientOrderId,
    };

    public static Order ToOrder(OrderDto dto, string? clientOrderId) => new()
    {
        Ticket = dto.Id,
        Symbol = dto.Symbol ?? "",
        Type = Parse(MqlNames.OrderType, dto.Type, "order", dto.Id),
        State = Parse(MqlNames.OrderState, dto.State, "order", dto.Id),
        VolumeInitial = Lots(dto.Volume),
        VolumeCurrent = Lots(dto.CurrentVolume),
        PriceOpen = dto.OpenPrice ?? 0,
        StopLimit = dto.StopLimitPrice ?? 0,
        StopLoss = dto.StopLoss ?? 0,
        TakeProfit = dto.TakeProfit ?? 0,
        TimeSetupMs = Ms(dto.Time),
        TimeDoneMs = dto.DoneTime is { } done ? done.ToUnixTimeMilliseconds() : 0,
        TimeType = MqlNames.OrderTimeType.TryParse(dto.ExpirationType, out var timeType) ? timeType : OrderTimeType.Gtc,
        ExpirationMs = dto.ExpirationTime is { } expiry ? expiry.ToUnixTimeMilliseconds() : 0,
        Filling = MqlNames.OrderFilling.TryParse(dto.FillingMode, out var filling) ? filling : OrderFilling.Return,
        Magic = dto.Magic,
        Comment = dto.Comment ?? "",
        PositionId = dto.PositionId,
        Reason = MqlNames.OrderReason.TryParse(dto.Reason, out var reason) ? reason : OrderReason.Client,
        ClientOrderId = clientOrderId,
    };

    public static Deal ToDeal(DealDto dto, int currencyDigits) => new()
    {
        Ticket = dto.Id,
        Order = dto.OrderId,
        PositionId = dto.PositionId,
        Symbol = dto.Symbol ?? "",
        Type = ParseDealType(dto),
        Entry = MqlNames.DealEntry.TryParse(dto.EntryType, out var entry) ? entry : DealEntry.In,
        Volume = Lots(dto.Volume),
        Price = dto.Price,
        Profit = Money(dto.Profit, currencyDigits),
        Commission = Money(dto.Commission, currencyDigits),
        Swap = Money(dto.Swap, currencyDigits),
        TimeMs = Ms(dto.Time),
        Magic = dto.Magic,
        Comment = dto.Comment ?? "",
        Reason = MqlNames.DealReason.TryParse(dto.Reason, out var reason) ? reason : DealReason.Client,
        StopLoss = dto.StopLoss ?? 0,
        TakeProfit = dto.TakeProfit ?? 0,
    };

    /// <summary>
    /// The MetaApi trade for <paramref name="request"/>. <paramref name="open"/> is the open position a hedging close
    /// names (it decides between a full and a partial close); null for every other action.
    /// </summary>
    /// <exception cref="ArgumentException">The request cannot be expressed in MetaApi's trade model.</exception>
    public static TradeDto ToTrade(TradeRequest request, string clientId, Position? open)
    {
        var comment = MetaApiClientIds.FitComment(request.Comment);
        var expiration = request.TimeType switch
        {
            OrderTimeType.Gtc => null,
            OrderTimeType.Day => new ExpirationDto(MqlNames.OrderTimeType.Name(OrderTimeType.Day), null),
            _ => new ExpirationDto(MqlNames.OrderTimeType.Name(request.TimeType), DateTimeOffset.FromUnixTimeMilliseconds(request.ExpirationMs)),
        };
        switch (request.Action)
        {
            case TradeAction.Deal when request.Position != 0:
                var partial = open is not null && request.Volume > 0 && request.Volume < open.Volume;
                return new TradeDto
                {
                    ActionType = partial ? "POSITION_PARTIAL" : "POSITION_CLOSE_ID",
                    PositionId = Ticket(request.Position),
                    Volume = partial ? request.Volume : null,
                    Comment = comment,
                    ClientId = clientId,
                    Slippage = Positive(request.Deviation),
                };
            case TradeAction.Deal:
                RequireType(request, OrderType.Buy, OrderType.Sell);
                return new TradeDto
                {
                    ActionType = MqlNames.OrderType.Name(request.Type),
                    Symbol = request.Symbol,
                    Volume = request.Volume,
                    StopLoss = Price(request.StopLoss),
                    TakeProfit = Price(request.TakeProfit),
                    Comment = comment,
                    ClientId = clientId,
                    Magic = request.Magic == 0 ? null : request.Magic,
                    Slippage = Positive(request.Deviation),
                    FillingModes = request.Filling is { } filling ? [MqlNames.OrderFilling.Name(filling)] : null,
                };
            case TradeAction.Pending:
                RequireType(request, OrderType.BuyLimit, OrderType.SellLimit, OrderType.BuyStop, OrderType.SellStop, OrderType.BuyStopLimit, OrderType.SellStopLimit);
                return new TradeDto
                {
                    ActionType = MqlNames.OrderType.Name(request.Type),
                    Symbol = request.Symbol,
                    Volume = request.Volume,
                    OpenPrice = request.Price,
                    StopLimitPrice = Price(request.StopLimit),
                    StopLoss = Price(request.StopLoss),
                    TakeProfit = Price(request.TakeProfit),
                    Comment = comment,
                    ClientId = clientId,
                    Magic = request.Magic == 0 ? null : request.Magic,
                    FillingModes = request.Filling is { } pendingFilling ? [MqlNames.OrderFilling.Name(pendingFilling)] : null,
                    Expiration = expiration,
                };
            case TradeAction.SlTp:
                // MT5 semantics: both levels are sent, 0 removes one.
                return new TradeDto
                {
                    ActionType = "POSITION_MODIFY",
                    PositionId = Ticket(request.Position),
                    StopLoss = request.StopLoss,
                    TakeProfit = request.TakeProfit,
                };
            case TradeAction.Modify:
                return new TradeDto
                {
                    ActionType = "ORDER_MODIFY",
                    OrderId = Ticket(request.Order),
                    OpenPrice = request.Price,
                    StopLimitPrice = Price(request.StopLimit),
                    StopLoss = request.StopLoss,
                    TakeProfit = request.TakeProfit,
                    Expiration = expiration,
                };
            case TradeAction.Remove:
                return new TradeDto { ActionType = "ORDER_CANCEL", OrderId = Ticket(request.Order) };
            case TradeAction.CloseBy:
                return new TradeDto
                {
                    ActionType = "POSITION_CLOSE_BY",
                    PositionId = Ticket(request.Position),
                    CloseByPositionId = Ticket(request.PositionBy),
                    Comment = comment,
                    ClientId = clientId,
                };
            default:
                throw new ArgumentException($"Trade action {request.Action} has no MetaApi equivalent.", nameof(request));
        }
    }

    /// <summary>
    /// The MT5 retcode of MetaApi's result code (MetatraderTradeResponse), or null when the code says the outcome is
    /// unknown (MetaApi's own trade timeout, an unknown code, or an MT5 code of the uncertain class): reconcile then.
    /// </summary>
    public static TradeRetcode? ToRetcode(int numericCode, string? stringCode)
    {
        var retcode = numericCode switch
        {
            0 => TradeRetcode.Done,                  // ERR_NO_ERROR
            -4 => TradeRetcode.InvalidOrder,         // TRADE_RETCODE_ORDER_TYPE_NOT_SUPPORTED
            -5 => TradeRetcode.Locked,               // ERR_NOT_SYNCHRONIZED: MetaApi did not send it yet; retry later
            -6 => TradeRetcode.PriceOff,             // ERR_NO_QUOTES
            -8 => TradeRetcode.TradeDisabled,        // ERR_INVESTOR: connected with the investor (read-only) password
            -9 => TradeRetcode.Invalid,              // ERR_PIP_SIZE_NOT_DEFINED
            4753 => TradeRetcode.PositionClosed,     // ERR_TRADE_POSITION_NOT_FOUND
            4754 => TradeRetcode.InvalidOrder,       // ERR_TRADE_ORDER_NOT_FOUND
            _ when TradeRetcodes.MqlName(numericCode) is not null => (TradeRetcode)numericCode,
            _ => FromName(stringCode),
        };
        return retcode is { } code && TradeRetcodes.Classify((int)code) != TradeOutcome.Uncertain ? code : null;
    }

    public static long Ms(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds() ?? 0;

    /// <summary>An ISO 8601 UTC time with milliseconds, as MetaApi's path parameters take it.</summary>
    public static string Iso(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static decimal Money(double value, int digits) => decimal.Round((decimal)value, digits, MidpointRounding.AwayFromZero);

    public static decimal Lots(double value) => decimal.Round((decimal)value, VolumeDecimals, MidpointRounding.AwayFromZero);

    private static TradeRetcode? FromName(string? stringCode)
    {
        foreach (var code in TradeRetcodes.All)
        {
            if (string.Equals(TradeRetcodes.MqlName((int)code), stringCode, StringComparison.Ordinal))
            {
                return code;
            }
        }

        return null;
    }

    private static DealType ParseDealType(DealDto dto)
    {
        // MetaApi names three deal types without the TYPE_ part (DEAL_DIVIDEND, DEAL_DIVIDEND_FRANKED, DEAL_TAX).
        if (MqlNames.DealType.TryParse(dto.Type, out var type)
            || (dto.Type is { } name && name.StartsWith("DEAL_", StringComparison.Ordinal)
                && MqlNames.DealType.TryParse("DEAL_TYPE_" + name[5..], out type)))
        {
            return type;
        }

        return Parse(MqlNames.DealType, dto.Type, "deal", dto.Id);
    }

    private static TEnum Parse<TEnum>(MqlEnumNames<TEnum> names, string? name, string what, ulong ticket)
        where TEnum : struct, Enum =>
        names.TryParse(name, out var value)
            ? value
            : throw new GatewayUnavailableException(
                string.Create(CultureInfo.InvariantCulture,
                    $"MetaApi returned {what} #{ticket} with type or state '{name}', which this server does not know; known: {string.Join(", ", names.Names)}."),
                isTransient: false);

    private static void RequireType(TradeRequest request, params OrderType[] allowed)
    {
        if (Array.IndexOf(allowed, request.Type) < 0)
        {
            throw new ArgumentException(
                $"Order type {MqlNames.OrderType.Name(request.Type)} does not fit action {MqlNames.TradeAction.Name(request.Action)}; allowed: "
                + string.Join(", ", allowed.Select(MqlNames.OrderType.Name)) + ".",
                nameof(request));
        }
    }

    private static string Ticket(ulong ticket) => ticket.ToString(CultureInfo.InvariantCulture);

    private static double? Price(double price) => price > 0 ? price : null;

    private static int? Positive(int value) => value > 0 ? value : null;
}
