using System.Globalization;

namespace MtMcp.Risk;

public sealed partial class PreTradeGate
{
    /// <summary>What a request does to the account's risk.</summary>
    private enum RequestKind
    {
        /// <summary>Closes or cancels: always passes.</summary>
        Reduce,

        /// <summary>Changes SL/TP or a pending order: checked for the stop-loss rule, the collar and the mode.</summary>
        Amend,

        /// <summary>Opens or adds: every check.</summary>
        Increase,
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Checks in this order (the first that fails decides): trading mode, kill switch, repeated-execution breaker,
    /// symbol lists, drawdown, daily loss, orders per minute and per day (account, then actor), stop loss required,
    /// order volume, price collar, order notional, open positions, pending orders, position volume, position size,
    /// leverage, correlation.
    /// </remarks>
    public GateDecision Evaluate(TradingAccount account, TradeRequest request, TradeOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(origin);
        var limits = _configuration.For(account.Name);
        var state = StateFor(account);
        var actor = ActorFor(origin.Actor);
        var now = account.TimeMs;
        GateDecision decision;
        List<RiskBreachEventArgs>? breaches = null;
        lock (state)
        {
            lock (actor)
            {
                var kind = Classify(account, state, request);
                if (kind == RequestKind.Increase)
                {
                    var equity = account.Equity();
                    Observe(state, limits, account, equity, ref breaches);
                    decision = EvaluateIncrease(account, state, actor, limits, request, origin, equity);
                }
                else
                {
                    decision = kind == RequestKind.Amend ? EvaluateAmend(account, limits, request) : GateDecision.Allow(request);
                }

                if (decision.Allowed)
                {
                    Count(account, state, actor, limits, now);
                    if (kind == RequestKind.Increase)
                    {
                        CheckRepeatedExecution(account, state, actor, limits, decision.Request, origin, now, ref breaches);
                    }
                }
            }
        }

        Raise(breaches);
        return decision;
    }

    private static RequestKind Classify(TradingAccount account, AccountRiskState state, TradeRequest request)
    {
        switch (request.Action)
        {
            case TradeAction.Remove or TradeAction.CloseBy:
                return RequestKind.Reduce;
            case TradeAction.SlTp or TradeAction.Modify:
                return RequestKind.Amend;
            case TradeAction.Pending:
                return RequestKind.Increase;
            case TradeAction.Deal when request.Position != 0:
                return RequestKind.Reduce;
            case TradeAction.Deal when !account.Settings.Info.IsHedging:
                // Netting: an opposite deal no larger than the position reduces it; a larger one reverses (new risk).
                var positions = account.Positions;
                for (var i = 0; i < positions.Count; i++)
                {
                    var position = positions[i];
                    if (position.Symbol.Equals(request.Symbol, StringComparison.OrdinalIgnoreCase))
                    {
                        var opposite = (position.Type == PositionType.Buy) != IsBuy(request.Type);
                        return opposite && request.Volume <= position.Volume ? RequestKind.Reduce : RequestKind.Increase;
                    }
                }

                return RequestKind.Increase;
            default:
                return RequestKind.Increase;
        }
    }

    private GateDecision EvaluateAmend(TradingAccount account, RiskLimits limits, TradeRequest request)
    {
        if (limits.TradingMode == TradingMode.Disabled)
        {
            return Refuse(request, RiskChecks.TradingMode, "Trading is disabled for this account (risk_management.trading_mode = disabled): only closing positions and cancelling orders are allowed.");
        }

        if (request.Action == TradeAction.Modify && IsEngaged(account.Name))
        {
            return Refuse(request, RiskChecks.KillSwitch, KillSwitchMessage(account.Name));
        }

        if (limits.RequireStopLoss && request.StopLoss == 0)
        {
            return Refuse(request, RiskChecks.StopLossRequired, "A stop loss is required (risk_management.require_stop_loss): the request would leave the "
                + (request.Action == TradeAction.SlTp ? "position" : "order") + " without one.");
        }

        if (request.Action == TradeAction.Modify && limits.PriceCollarPercent > 0)
        {
            var orders = account.Orders;
            for (var i = 0; i < orders.Count; i++)
            {
                var order = orders[i];
                if (order.Ticket == request.Order)
                {
                    return account.Quotes.TryGetId(order.Symbol, out var id) && account.Quotes.HasQuote(id)
                        ? CheckCollar(limits, request, account.Quotes.Spec(id), account.Quotes.Get(id), order.IsBuy) ?? GateDecision.Allow(request)
                        : GateDecision.Allow(request);
                }
            }
        }

        return GateDecision.Allow(request);
    }

    private GateDecision EvaluateIncrease(
        TradingAccount account, AccountRiskState state, ActorRiskState actor, RiskLimits limits, TradeRequest request, TradeOrigin origin, double equity)
    {
        if (limits.TradingMode != TradingMode.Full)
        {
            return Refuse(request, RiskChecks.TradingMode, string.Create(CultureInfo.InvariantCulture,
                $"New positions and orders are not allowed (risk_management.trading_mode = {(limits.TradingMode == TradingMode.CloseOnly ? "close_only" : "disabled")}): only closing positions and cancelling orders are."));
        }

        if (IsEngaged(account.Name))
        {
            return Refuse(request, RiskChecks.KillSwitch, KillSwitchMessage(account.Name));
        }

        if (actor.Disabled)
        {
            return Refuse(request, RiskChecks.RepeatedExecution, $"Actor {origin.Actor} is disabled by the repeated-execution breaker ({actor.DisabledReason}); an admin must re-enable it.");
        }

        if (limits.DeniedSymbols.Contains(request.Symbol))
        {
            return Refuse(request, RiskChecks.SymbolDenied, $"{request.Symbol} is on the deny list (risk_management.denied_symbols).");
        }

        if (limits.AllowedSymbols.Count > 0 && !limits.AllowedSymbols.Contains(request.Symbol))
        {
            return Refuse(request, RiskChecks.SymbolNotAllowed, $"{request.Symbol} is not on the allow list (risk_management.allowed_symbols): {string.Join(", ", limits.AllowedSymbols.Order(StringComparer.OrdinalIgnoreCase))}.");
        }

        if (state.DrawdownBreached)
        {
            return Refuse(request, RiskChecks.MaxDrawdown, string.Create(CultureInfo.InvariantCulture,
                $"The drawdown from the equity peak {Money(state.Peak)} to {Money(equity)} ({Percent(state.Peak - equity, state.Peak):0.##} %) went beyond max_drawdown_percent {limits.MaxDrawdownPercent} %: new risk is blocked until an admin resets it; closing is allowed."));
        }

        if (state.DailyBreached)
        {
            return Refuse(request, RiskChecks.DailyLossLimit, string.Create(CultureInfo.InvariantCulture,
                $"Today's loss from {Money(state.DayReference)} to {Money(equity)} ({Percent(state.DayReference - equity, state.DayReference):0.##} %) went beyond max_daily_loss_percent {limits.MaxDailyLossPercent} %: new risk is blocked until the next trading day; closing is allowed."));
        }

        if (CheckRates(account, state, actor, limits, origin) is { } rate)
        {
            return Refuse(request, rate.Check, rate.Message);
        }

        if (limits.RequireStopLoss && request.StopLoss == 0)
        {
            return Refuse(request, RiskChecks.StopLossRequired, "A stop loss is required for every new position and pending order (risk_management.require_stop_loss): give StopLoss.");
        }

        limits.Symbols.TryGetValue(request.Symbol, out var symbolLimits);
        var maxVolume = symbolLimits?.MaxOrderVolume ?? limits.MaxOrderVolume;
        if (maxVolume > 0 && request.Volume > maxVolume)
        {
            return Refuse(request, RiskChecks.MaxOrderVolume, string.Create(CultureInfo.InvariantCulture,
                $"The order volume {request.Volume} lots is above max_order_volume {maxVolume} lots{(symbolLimits?.MaxOrderVolume is null ? "" : " for " + request.Symbol)}."));
        }

        // Everything below needs the symbol's price; an unknown or unquoted symbol is the venue's to reject.
        var quotes = state.Quotes;
        if (!state.TryGetId(request.Symbol, out var symbolId) || !quotes.HasQuote(symbolId))
        {
            return GateDecision.Allow(request);
        }

        var spec = quotes.Spec(symbolId);
        var quote = quotes.Get(symbolId);
        var isBuy = IsBuy(request.Type);
        if (CheckCollar(limits, request, spec, quote, isBuy) is { } collar)
        {
            return collar;
        }

        try
        {
            return EvaluateExposure(account, state, limits, symbolLimits, request, symbolId, spec, quote, isBuy, equity);
        }
        catch (InvalidOperationException e)
        {
            // A conversion pair without a quote: the exposure cannot be valued, so it cannot be allowed.
            return Refuse(request, RiskChecks.LeverageLimit, "The exposure cannot be valued in the account currency: " + e.Message);
        }
    }

    private GateDecision EvaluateExposure(
        TradingAccount account, AccountRiskState state, RiskLimits limits, SymbolLimits? symbolLimits, TradeRequest request,
        int symbolId, SymbolSpec spec, Quote quote, bool isBuy, double equity)
    {
        var currency = account.Settings.Info.Currency;
        var price = request.Action == TradeAction.Pending
            ? (request.Type is OrderType.BuyStopLimit or OrderType.SellStopLimit ? request.StopLimit : request.Price)
            : isBuy ? quote.Ask : quote.Bid;
        state.BeginEvaluation();
        var notionalPerLot = spec.ContractSize * price * state.PayRate(symbolId, currency);
        var lots = (double)request.Volume;
        var notional = lots * notionalPerLot;
        var maxNotional = symbolLimits?.MaxOrderNotional ?? limits.MaxOrderNotional;
        if (maxNotional > 0 && notional > maxNotional)
        {
            return Refuse(request, RiskChecks.MaxOrderNotional, string.Create(CultureInfo.InvariantCulture,
                $"The order notional {Money(notional)} {currency} is above max_order_notional {Money(maxNotional)} {currency}{(symbolLimits?.MaxOrderNotional is null ? "" : " for " + request.Symbol)}."));
        }

        // The account after the order, with every pending order counted as filled (it can fill without asking the
        // gate again): volumes per symbol and direction, and the positions they can open.
        var hedging = account.Settings.Info.IsHedging;
        var open = account.Positions;
        for (var i = 0; i < open.Count; i++)
        {
            var position = open[i];
            if (state.TryGetId(position.Symbol, out var id))
            {
                state.AddExposure(id, position.Type == PositionType.Buy, (double)position.Volume);
            }
        }

        var opensPosition = hedging || (state.LongLots[symbolId] == 0 && state.ShortLots[symbolId] == 0);
        var pending = 0;
        var orders = account.Orders;
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            if (order.Type is not (OrderType.Buy or OrderType.Sell))
            {
                pending++;
                if (state.TryGetId(order.Symbol, out var id))
                {
                    state.AddExposure(id, order.IsBuy, (double)order.VolumeCurrent);
                }
            }
        }

        var positions = open.Count + pending + (opensPosition ? 1 : 0);
        if (limits.MaxOpenPositions > 0 && positions > limits.MaxOpenPositions)
        {
            return Refuse(request, RiskChecks.MaxOpenPositions, string.Create(CultureInfo.InvariantCulture,
                $"The order could make {positions} open positions ({open.Count} open, {pending} pending orders that may fill, and this one), above max_open_positions {limits.MaxOpenPositions}."));
        }

        if (request.Action == TradeAction.Pending && limits.MaxPendingOrders > 0 && pending + 1 > limits.MaxPendingOrders)
        {
            return Refuse(request, RiskChecks.MaxPendingOrders, string.Create(CultureInfo.InvariantCulture,
                $"The order would be pending order {pending + 1}, above max_pending_orders {limits.MaxPendingOrders}."));
        }

        AddOrder(state, symbolId, isBuy, lots, hedging);
        var maxPositionVolume = symbolLimits?.MaxPositionVolume ?? 0m;
        var resulting = Math.Max(state.LongLots[symbolId], state.ShortLots[symbolId]);
        if (maxPositionVolume > 0 && resulting > (double)maxPositionVolume + 1e-9)
        {
            return Refuse(request, RiskChecks.MaxPositionVolume, string.Create(CultureInfo.InvariantCulture,
                $"{request.Symbol} would hold {resulting} lots in one direction (positions and pending orders), above its max_position_volume {maxPositionVolume} lots."));
        }

        var positionNotional = resulting * notionalPerLot;
        var sizeLimit = limits.PositionSizePercent / 100 * equity;
        if (limits.PositionSizePercent > 0 && positionNotional > sizeLimit * (1 + 1e-12))
        {
            return Refuse(request, RiskChecks.MaxPositionSize, string.Create(CultureInfo.InvariantCulture,
                $"{request.Symbol} would hold a notional of {Money(positionNotional)} {currency}, above position_size_percent {limits.PositionSizePercent} % of equity {Money(equity)} = {Money(sizeLimit)} {currency}."));
        }

        if (CheckLeverage(state, limits, request, currency, equity) is { } leverage)
        {
            return leverage;
        }

        return limits.CorrelationLimit > 0 && _returns is not null
            ? CheckCorrelation(account, state, limits, request, symbolId, spec, isBuy, notionalPerLot, equity)
            : GateDecision.Allow(request);
    }

    private static void AddOrder(AccountRiskState state, int symbolId, bool isBuy, double lots, bool hedging)
    {
        if (hedging)
        {
            state.AddExposure(symbolId, isBuy, lots);
            return;
        }

        // Netting: one position per symbol; the order moves the net volume.
        var net = state.LongLots[symbolId] - state.ShortLots[symbolId] + (isBuy ? lots : -lots);
        state.AddExposure(symbolId, true, 0);
        state.LongLots[symbolId] = Math.Max(net, 0);
        state.ShortLots[symbolId] = Math.Max(-net, 0);
    }

    /// <summary>
    /// ESMA-style initial margin protection on the account after the order: Σ per symbol of the larger direction's
    /// notional divided by its class cap must not exceed equity.
    /// </summary>
    private static GateDecision? CheckLeverage(AccountRiskState state, RiskLimits limits, TradeRequest request, string currency, double equity)
    {
        double required = 0, gross = 0;
        var quotes = state.Quotes;
        for (var i = 0; i < state.TouchedCount; i++)
        {
            var id = state.Touched[i];
            var spec = quotes.Spec(id);
            var cap = limits.Leverage.CapFor(spec, limits.Profile);
            if (cap <= 0 || !quotes.HasQuote(id))
            {
                continue;
            }

            var q = quotes.Get(id);
            var exposure = Math.Max(state.LongLots[id] * q.Ask, state.ShortLots[id] * q.Bid) * spec.ContractSize * state.PayRate(id, currency);
            gross += exposure;
            required += exposure / cap;
        }

        if (required <= equity * (1 + 1e-12))
        {
            return null;
        }

        return Refuse(request, RiskChecks.LeverageLimit, string.Create(CultureInfo.InvariantCulture,
            $"The account's exposure after the order, {Money(gross)} {currency}, needs {Money(required)} {currency} of margin at the {ProfileName(limits.Profile)} leverage caps (compliance.leverage_limits), more than the equity of {Money(equity)} {currency}: effective leverage would be {gross / equity:0.##}:1."));
    }

    private static GateDecision? CheckCollar(RiskLimits limits, TradeRequest request, SymbolSpec spec, Quote quote, bool isBuy)
    {
        if (limits.PriceCollarPercent <= 0)
        {
            return null;
        }

        var market = isBuy ? quote.Ask : quote.Bid;
        var band = market * limits.PriceCollarPercent / 100;
        foreach (var price in (ReadOnlySpan<double>)[request.Price, request.StopLimit])
        {
            if (price != 0 && Math.Abs(price - market) > band * (1 + 1e-12))
            {
                return Refuse(request, RiskChecks.PriceCollar, string.Create(CultureInfo.InvariantCulture,
                    $"The price {spec.FormatPrice(price)} is {Math.Abs(price - market) / market * 100:0.###} % from the market {spec.FormatPrice(market)}, beyond price_collar_percent {limits.PriceCollarPercent} %."));
            }
        }

        return null;
    }

    private static (string Check, string Message)? CheckRates(TradingAccount account, AccountRiskState state, ActorRiskState actor, RiskLimits limits, TradeOrigin origin)
    {
        var now = account.TimeMs;
        RollActorDay(actor, limits, account);
        if (limits.MaxOrdersPerMinute > 0)
        {
            if (state.Minute.CountAfter(now - MinuteMs) >= limits.MaxOrdersPerMinute)
            {
                return (RiskChecks.MaxOrdersPerMinute, string.Create(CultureInfo.InvariantCulture, $"The account already sent {limits.MaxOrdersPerMinute} orders in the last 60 seconds (max_orders_per_minute); wait and retry."));
            }

            if (actor.Minute.CountAfter(now - MinuteMs) >= limits.MaxOrdersPerMinute)
            {
                return (RiskChecks.MaxOrdersPerMinute, string.Create(CultureInfo.InvariantCulture, $"{origin.Actor} already sent {limits.MaxOrdersPerMinute} orders in the last 60 seconds (max_orders_per_minute); wait and retry."));
            }
        }

        if (limits.MaxOrdersPerDay > 0)
        {
            if (state.DayOrders >= limits.MaxOrdersPerDay)
            {
                return (RiskChecks.MaxOrdersPerDay, string.Create(CultureInfo.InvariantCulture, $"The account already sent {limits.MaxOrdersPerDay} orders today (max_orders_per_day)."));
            }

            if (actor.DayOrders >= limits.MaxOrdersPerDay)
            {
                return (RiskChecks.MaxOrdersPerDay, string.Create(CultureInfo.InvariantCulture, $"{origin.Actor} already sent {limits.MaxOrdersPerDay} orders today (max_orders_per_day)."));
            }
        }

        return null;
    }

    /// <summary>Counts an allowed request of any kind in the account's and the actor's message windows.</summary>
    private static void Count(TradingAccount account, AccountRiskState state, ActorRiskState actor, RiskLimits limits, long now)
    {
        var dayStart = DayStart(now, limits, account);
        if (state.Started && dayStart > state.DayStartMs)
        {
            state.DayStartMs = dayStart;
            state.DayOrders = 0;
        }

        RollActorDay(actor, limits, account);
        state.Minute.Add(now, Math.Max(limits.MaxOrdersPerMinute, 1));
        actor.Minute.Add(now, Math.Max(limits.MaxOrdersPerMinute, 1));
        state.DayOrders++;
        actor.DayOrders++;
    }

    private static void RollActorDay(ActorRiskState actor, RiskLimits limits, TradingAccount account)
    {
        var dayStart = DayStart(account.TimeMs, limits, account);
        if (dayStart > actor.DayStartMs)
        {
            actor.DayStartMs = dayStart;
            actor.DayOrders = 0;
        }
    }

    /// <summary>RTS 6 Art. 15(3): N identical executions by one actor within the window disable it until an admin re-enables it.</summary>
    private static void CheckRepeatedExecution(
        TradingAccount account, AccountRiskState state, ActorRiskState actor, RiskLimits limits, TradeRequest request, TradeOrigin origin, long now, ref List<RiskBreachEventArgs>? events)
    {
        if (limits.RepeatedExecutionCount <= 0 || limits.RepeatedExecutionWindowSeconds <= 0 || !state.TryGetId(request.Symbol, out var symbolId))
        {
            return;
        }

        var window = (long)(limits.RepeatedExecutionWindowSeconds * 1000);
        var identical = actor.RecordExecution(account.Name, symbolId, request.Type, request.Volume, now, now - window, limits.RepeatedExecutionCount);
        if (identical >= limits.RepeatedExecutionCount)
        {
            actor.Disabled = true;
            actor.DisabledReason = string.Create(CultureInfo.InvariantCulture,
                $"{identical} identical {request.Type} {request.Volume} {request.Symbol} orders on {account.Name} within {limits.RepeatedExecutionWindowSeconds} s by {origin.Actor}");
            (events ??= []).Add(new RiskBreachEventArgs(account.Name, RiskChecks.RepeatedExecution, identical, limits.RepeatedExecutionCount, false, now)
            {
                Actor = origin.Actor,
                Message = "The repeated-execution breaker disabled " + origin.Actor + ": " + actor.DisabledReason + "; an admin must re-enable it.",
            });
        }
    }

    private string KillSwitchMessage(string account) =>
        _globalKill is { } global
            ? "The global kill switch is engaged (" + global + "): no new orders until an admin releases it; closing positions and cancelling orders are allowed."
            : _killedAccounts.TryGetValue(account, out var reason)
                ? "The kill switch is engaged for this account (" + reason + "): no new orders until an admin releases it; closing positions and cancelling orders are allowed."
                : "The kill switch is engaged.";

    private static GateDecision Refuse(TradeRequest request, string check, string message) => new(false, check, message, request);

    private static bool IsBuy(OrderType type) => type is OrderType.Buy or OrderType.BuyLimit or OrderType.BuyStop or OrderType.BuyStopLimit;

    private static string Money(double amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string ProfileName(ComplianceProfile profile) => profile switch
    {
        ComplianceProfile.UsRetailFx => "US_RETAIL_FX",
        ComplianceProfile.Professional => "PROFESSIONAL",
        _ => "EU_RETAIL",
    };
}
