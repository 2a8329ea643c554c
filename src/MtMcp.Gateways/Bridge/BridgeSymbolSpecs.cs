using MtMcp.Gateways.Bridge.Wire;

namespace MtMcp.Gateways.Bridge;

/// <summary>A terminal's <c>symbol.spec</c> answer as the engine's <see cref="SymbolSpec"/>.</summary>
internal static class BridgeSymbolSpecs
{
    /// <summary>
    /// Maps <paramref name="wire"/>: enums by MQL name, sessions moved from the broker's clock to UTC
    /// (<paramref name="serverOffset"/> = server time − UTC), the ESMA category inferred from the specification
    /// (<see cref="EsmaLeverage.Infer"/>). The futures tick price is the terminal's tick value when that is already in
    /// the profit currency (the terminal reports it in the deposit currency), else one tick of the contract.
    /// </summary>
    /// <exception cref="BridgeException">Code <see cref="BridgeErrorCodes.Unsupported"/>: an unknown enum name, or a specification the engine cannot model (the message lists why).</exception>
    public static SymbolSpec ToSpec(WireSymbolSpec wire, TimeSpan serverOffset, string accountCurrency)
    {
        var calcMode = MqlNames.SymbolCalcMode.Parse(wire.TradeCalcMode, "trade_calc_mode");
        var tickSize = wire.TradeTickSize > 0 ? wire.TradeTickSize : wire.Point;
        var spec = new SymbolSpec
        {
            Name = wire.Symbol,
            Description = wire.Description,
            Path = wire.Path,
            CurrencyBase = wire.CurrencyBase,
            CurrencyProfit = wire.CurrencyProfit,
            CurrencyMargin = wire.CurrencyMargin.Length > 0 ? wire.CurrencyMargin : wire.CurrencyBase,
            AssetClass = EsmaLeverage.Infer(calcMode, wire.CurrencyBase, wire.CurrencyProfit, wire.Path),
            Digits = wire.Digits,
            TickSize = tickSize,
            TickPrice = !SymbolSpec.UsesTickPrice(calcMode) ? 0
                : wire.TradeTickValue > 0 && wire.CurrencyProfit.Equals(accountCurrency, StringComparison.OrdinalIgnoreCase) ? wire.TradeTickValue
                : tickSize * wire.TradeContractSize,
            Spread = wire.Spread,
            SpreadFloat = wire.SpreadFloat,
            ContractSize = wire.TradeContractSize,
            CalcMode = calcMode,
            VolumeMin = wire.VolumeMin,
            VolumeMax = wire.VolumeMax,
            VolumeStep = wire.VolumeStep,
            VolumeLimit = wire.VolumeLimit,
            TradeMode = MqlNames.SymbolTradeMode.Parse(wire.TradeMode, "trade_mode"),
            ExecutionMode = wire.TradeExemode is null ? SymbolTradeExecution.Market : MqlNames.SymbolTradeExecution.Parse(wire.TradeExemode, "trade_exemode"),
            StopsLevel = wire.TradeStopsLevel,
            FreezeLevel = wire.TradeFreezeLevel,
            MarginInitial = wire.MarginInitial,
            MarginMaintenance = wire.MarginMaintenance,
            MarginHedged = wire.MarginHedged,
            MarginHedgedUseLeg = wire.MarginHedgedUseLeg,
            SwapMode = SwapMode(wire),
            SwapLong = wire.SwapLong,
            SwapShort = wire.SwapShort,
            SwapRollover3Days = wire.SwapRollover3Days is null ? DayOfWeek.Wednesday : MqlNames.DayOfWeek.Parse(wire.SwapRollover3Days, "swap_rollover3days"),
            QuoteSessions = Sessions(wire.SessionsQuote, serverOffset),
            TradeSessions = Sessions(wire.SessionsTrade, serverOffset),
        };

        // MT4 has no filling, expiration or order flags: the engine's defaults stand.
        if (wire.FillingMode is { } filling)
        {
            spec = spec with { FillingFlags = (SymbolFillingFlags)filling };
        }

        if (wire.ExpirationMode is { } expiration)
        {
            spec = spec with { ExpirationFlags = (SymbolExpirationFlags)expiration };
        }

        if (wire.OrderMode is { } orders)
        {
            spec = spec with { OrderFlags = (SymbolOrderFlags)orders };
        }

        if (wire.OrderGtcMode is not null)
        {
            spec = spec with { GtcMode = MqlNames.OrderGtcMode.Parse(wire.OrderGtcMode, "order_gtc_mode") };
        }

        var problems = spec.Validate();
        return problems.Count == 0
            ? spec
            : throw new BridgeException(BridgeErrorCodes.Unsupported, "the terminal's specification cannot be modelled: " + string.Join("; ", problems));
    }

    /// <summary>MT5's swap mode by name, or MT4's <c>swap_type</c> (0 points, 1 base currency, 2 interest, 3 margin currency).</summary>
    private static SymbolSwapMode SwapMode(WireSymbolSpec wire) =>
        wire.SwapMode is not null
            ? MqlNames.SymbolSwapMode.Parse(wire.SwapMode, "swap_mode")
            : wire.SwapType switch
            {
                null or 0 => SymbolSwapMode.Points,
                1 => SymbolSwapMode.CurrencySymbol,
                2 => SymbolSwapMode.InterestCurrent,
                3 => SymbolSwapMode.CurrencyMargin,
                _ => throw new BridgeException(BridgeErrorCodes.Unsupported, $"swap_type {wire.SwapType} is not one of 0..3"),
            };

    private static IReadOnlyList<TradingSession> Sessions(int[][][]? days, TimeSpan serverOffset)
    {
        if (days is null)
        {
            return [];
        }

        var local = new List<TradingSession>();
        for (var day = 0; day < days.Length && day < 7; day++)
        {
            foreach (var range in days[day])
            {
                if (range is [var from, var to] && to > from)
                {
                    local.Add(new TradingSession((DayOfWeek)day, from / 60, Math.Min(1440, (to + 59) / 60)));
                }
            }
        }

        return TradingSession.Shift(local, -serverOffset);
    }
}
