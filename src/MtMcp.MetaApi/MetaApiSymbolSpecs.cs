using System.Globalization;
using MtMcp.Gateways.Bridge;
using MtMcp.MetaApi.Wire;

namespace MtMcp.MetaApi;

/// <summary>MetaApi's MetatraderSymbolSpecification as the engine's <see cref="SymbolSpec"/>.</summary>
internal static class MetaApiSymbolSpecs
{
    private static readonly string[] s_days = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];

    /// <summary>
    /// Maps <paramref name="dto"/>. MetaApi gives no tick value, so the futures tick price is one tick of the contract;
    /// a missing profit currency is read from a currency pair's name (<c>EURUSD.m</c> → USD), else it is the base
    /// currency, as for CFDs. Sessions move from the broker's clock to UTC by <paramref name="brokerOffset"/>; without it
    /// (no broker time known) they are left out, so the server does not second-guess the broker's market hours.
    /// </summary>
    /// <exception cref="BrokerSymbolException">An unknown enum name, or a specification the engine cannot model.</exception>
    public static SymbolSpec ToSpec(SymbolSpecificationDto dto, TimeSpan? brokerOffset)
    {
        try
        {
            var calcMode = dto.PriceCalculationMode is null ? SymbolCalcMode.Forex : MqlNames.SymbolCalcMode.Parse(dto.PriceCalculationMode, "priceCalculationMode");
            var baseCurrency = dto.BaseCurrency ?? "";
            var profitCurrency = dto.ProfitCurrency ?? ProfitFromName(dto.Symbol, baseCurrency, calcMode);
            var spec = new SymbolSpec
            {
                Name = dto.Symbol,
                Description = dto.Description ?? "",
                Path = dto.Path ?? "",
                CurrencyBase = baseCurrency,
                CurrencyProfit = profitCurrency,
                CurrencyMargin = dto.MarginCurrency ?? baseCurrency,
                AssetClass = EsmaLeverage.Infer(calcMode, baseCurrency, profitCurrency, dto.Path ?? ""),
                Digits = dto.Digits,
                TickSize = dto.TickSize,
                TickPrice = SymbolSpec.UsesTickPrice(calcMode) ? dto.TickSize * dto.ContractSize : 0,
                ContractSize = dto.ContractSize,
                CalcMode = calcMode,
                FaceValue = dto.BondFaceValue ?? 0,
                AccruedInterest = dto.BondAccruedInterest ?? 0,
                LiquidityRate = dto.LiquidityRate ?? 0,
                VolumeMin = dto.MinVolume,
                VolumeMax = dto.MaxVolume,
                VolumeStep = dto.VolumeStep,
                TradeMode = dto.TradeMode is null ? SymbolTradeMode.Full : MqlNames.SymbolTradeMode.Parse(dto.TradeMode, "tradeMode"),
                ExecutionMode = dto.ExecutionMode is null ? SymbolTradeExecution.Market : MqlNames.SymbolTradeExecution.Parse(dto.ExecutionMode, "executionMode"),
                GtcMode = dto.OrderGtcMode is null ? OrderGtcMode.Gtc : MqlNames.OrderGtcMode.Parse(dto.OrderGtcMode, "orderGTCMode"),
                StopsLevel = dto.StopsLevel ?? 0,
                FreezeLevel = dto.FreezeLevel ?? 0,
                MarginInitial = dto.InitialMargin,
                MarginMaintenance = dto.MaintenanceMargin,
                MarginHedged = dto.HedgedMargin,
                MarginHedgedUseLeg = dto.HedgedMarginUsesLargerLeg ?? false,
                SwapMode = dto.SwapMode is null ? SymbolSwapMode.Disabled : MqlNames.SymbolSwapMode.Parse(dto.SwapMode, "swapMode"),
                SwapLong = dto.SwapLong ?? 0,
                SwapShort = dto.SwapShort ?? 0,
                SwapRollover3Days = dto.SwapRollover3Days is null ? DayOfWeek.Wednesday : MqlNames.DayOfWeek.Parse(dto.SwapRollover3Days, "swapRollover3Days"),
                QuoteSessions = Sessions(dto.QuoteSessions, brokerOffset),
                TradeSessions = Sessions(dto.TradeSessions, brokerOffset),
            };

            // Absent lists leave the engine's defaults (everything allowed): the broker still refuses what it does not take.
            if (dto.FillingModes is not null)
            {
                spec = spec with { FillingFlags = Flags<SymbolFillingFlags>(dto.FillingModes, n => (int)Filling(n)) };
            }

            if (dto.AllowedExpirationModes is not null)
            {
                spec = spec with { ExpirationFlags = Flags<SymbolExpirationFlags>(dto.AllowedExpirationModes, n => (int)Expiration(n)) };
            }

            if (dto.AllowedOrderTypes is not null)
            {
                spec = spec with { OrderFlags = Flags<SymbolOrderFlags>(dto.AllowedOrderTypes, n => (int)OrderKind(n)) };
            }

            var problems = spec.Validate();
            return problems.Count == 0
                ? spec
                : throw new BrokerSymbolException($"MetaApi's specification of '{dto.Symbol}' cannot be modelled: {string.Join("; ", problems)}");
        }
        catch (BridgeException ex)
        {
            throw new BrokerSymbolException($"MetaApi's specification of '{dto.Symbol}' cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>The broker's clock minus UTC from a price's two times, to the quarter hour (time zones are whole quarters).</summary>
    public static TimeSpan? BrokerOffset(SymbolPriceDto price)
    {
        if (price.Time is not { } utc || price.BrokerTime is null
            || !DateTime.TryParseExact(price.BrokerTime, "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.None, out var broker))
        {
            return null;
        }

        var minutes = (broker - utc.UtcDateTime).TotalMinutes;
        return TimeSpan.FromMinutes(Math.Round(minutes / 15) * 15);
    }

    private static string ProfitFromName(string symbol, string baseCurrency, SymbolCalcMode calcMode)
    {
        if (calcMode is SymbolCalcMode.Forex or SymbolCalcMode.ForexNoLeverage
            && symbol.Length >= 6 && symbol.StartsWith(baseCurrency, StringComparison.OrdinalIgnoreCase)
            && symbol.AsSpan(3, 3).ToString() is var quote && quote.All(char.IsAsciiLetter))
        {
            return quote.ToUpperInvariant();
        }

        return baseCurrency;
    }

    private static TFlags Flags<TFlags>(string[] names, Func<string, int> one)
        where TFlags : struct, Enum
    {
        var value = 0;
        foreach (var name in names)
        {
            value |= one(name);
        }

        return (TFlags)Enum.ToObject(typeof(TFlags), value);
    }

    // MetaApi's documentation names filling modes ORDER_FILLING_*, its servers answer SYMBOL_FILLING_*: both are read.
    private static SymbolFillingFlags Filling(string name) => name switch
    {
        "SYMBOL_FILLING_FOK" or "ORDER_FILLING_FOK" => SymbolFillingFlags.Fok,
        "SYMBOL_FILLING_IOC" or "ORDER_FILLING_IOC" => SymbolFillingFlags.Ioc,
        "SYMBOL_FILLING_BOC" or "ORDER_FILLING_BOC" => SymbolFillingFlags.Boc,
        _ => SymbolFillingFlags.None,
    };

    private static SymbolExpirationFlags Expiration(string name) => name switch
    {
        "SYMBOL_EXPIRATION_GTC" => SymbolExpirationFlags.Gtc,
        "SYMBOL_EXPIRATION_DAY" => SymbolExpirationFlags.Day,
        "SYMBOL_EXPIRATION_SPECIFIED" => SymbolExpirationFlags.Specified,
        "SYMBOL_EXPIRATION_SPECIFIED_DAY" => SymbolExpirationFlags.SpecifiedDay,
        _ => SymbolExpirationFlags.None,
    };

    private static SymbolOrderFlags OrderKind(string name) => name switch
    {
        "SYMBOL_ORDER_MARKET" => SymbolOrderFlags.Market,
        "SYMBOL_ORDER_LIMIT" => SymbolOrderFlags.Limit,
        "SYMBOL_ORDER_STOP" => SymbolOrderFlags.Stop,
        "SYMBOL_ORDER_STOP_LIMIT" => SymbolOrderFlags.StopLimit,
        "SYMBOL_ORDER_SL" => SymbolOrderFlags.StopLoss,
        "SYMBOL_ORDER_TP" => SymbolOrderFlags.TakeProfit,
        "SYMBOL_ORDER_CLOSEBY" => SymbolOrderFlags.CloseBy,
        _ => SymbolOrderFlags.None,
    };

    private static IReadOnlyList<TradingSession> Sessions(Dictionary<string, SessionDto[]>? days, TimeSpan? brokerOffset)
    {
        if (days is null || brokerOffset is not { } offset)
        {
            return [];
        }

        var local = new List<TradingSession>();
        for (var day = 0; day < s_days.Length; day++)
        {
            if (!days.TryGetValue(s_days[day], out var sessions))
            {
                continue;
            }

            foreach (var session in sessions)
            {
                var from = Minute(session.From, roundUp: false);
                var to = Minute(session.To, roundUp: true);
                if (to > from)
                {
                    local.Add(new TradingSession((DayOfWeek)day, from, to));
                }
            }
        }

        return TradingSession.Shift(local, -offset);
    }

    private static int Minute(string time, bool roundUp)
    {
        var span = TimeSpan.ParseExact(time, [@"hh\:mm\:ss\.fff", @"hh\:mm\:ss", @"hh\:mm"], CultureInfo.InvariantCulture);
        var minutes = span.TotalMinutes;
        return (int)Math.Min(1440, roundUp ? Math.Ceiling(minutes) : Math.Floor(minutes));
    }
}
