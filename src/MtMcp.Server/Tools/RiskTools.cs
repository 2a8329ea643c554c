using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Paper;
using MtMcp.Risk;
using MtMcp.Server.Market;

namespace MtMcp.Server.Tools;

/// <summary>
/// The <c>risk</c> toolset on the paper venue and its pre-trade gate (docs/risk.md): calculators on the account's quotes
/// and MetaTrader's formulas, the limits in force, the portfolio risk report, and the two admin tools
/// (<c>set_risk_limits</c>, <c>kill_switch</c>; <see cref="ScopeFilter"/> keeps them from non-admin HTTP callers, and on
/// stdio the local operator is the admin). Every change is audited.
/// </summary>
[McpServerToolType]
internal sealed class RiskTools(ServerSettings settings, PaperVenue venue, MarketHistory history, AccountDirectory accounts, BrokerOrderPath orderPath, ToolRunner runner)
{
    private const string AccountArgument = "Account name; default: the first account (the paper account 'demo' when none was created).";
    private const int DefaultPeriods = 250;
    private const int MaxPeriods = 1000;

    [McpServerTool(Name = "get_risk_report", Title = "Risk report", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(RiskReportAnswer))]
    [Description("Portfolio risk of an account: exposure by currency, asset class and symbol, margin use and leverage, parametric, historical and "
        + "Monte Carlo VaR and expected shortfall (losses positive, account currency) from the bar returns of the symbols held, their correlations, "
        + "daily loss, drawdown, and alerts for limits at 80 % (warning) and 100 % (breach). On a broker account (a MetaTrader terminal on the bridge, "
        + "or MetaApi) the positions and equity are the broker's, valued at its quotes, and exposure and margin follow MetaTrader's formulas for them.")]
    public ValueTask<CallToolResult> GetRiskReport(
        [Description("VaR confidence in (0.5, 1), default 0.99.")] double? confidence = null,
        [Description("Horizon in return periods (VaR scales with its square root), default 1.")] double? horizon = null,
        [Description("Timeframe of the bar returns: H1 (default) or D1.")] string? timeframe = null,
        [Description("Number of returns per symbol, 20 to 1000, default 250.")] int? periods = null,
        [Description(AccountArgument)] string? account = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("get_risk_report", async () =>
        {
            var level = confidence ?? 0.99;
            if (!(level > 0.5 && level < 1))
            {
                throw ToolErrorException.InvalidArgument("confidence", "confidence must be in (0.5, 1), e.g. 0.99.");
            }

            var h = horizon ?? 1;
            if (!(h >= 1 && h <= 250))
            {
                throw ToolErrorException.InvalidArgument("horizon", "horizon must be 1 to 250 return periods.");
            }

            var tf = ReturnSeries.ParseTimeframe(timeframe);
            var n = Args.Count(periods, DefaultPeriods, 20, MaxPeriods, "periods");
            var options = new RiskReportOptions { Confidence = level, Horizon = h };
            var service = await venue.GetAsync(cancellationToken).ConfigureAwait(false);
            if (accounts.TryGetBroker(account, out var broker))
            {
                // The broker's positions and equity, valued and measured as the gate sees them before every order.
                var view = await BrokerAccountViews.Read(broker, async g =>
                {
                    try
                    {
                        return await orderPath.ReadAccountAsync(g, cancellationToken).ConfigureAwait(false);
                    }
                    catch (InvalidOperationException error)
                    {
                        throw new ToolErrorException(new ToolError(ToolErrorCodes.NoData, $"{g.Name} cannot be valued: {error.Message}.", Retryable: true, "account"));
                    }
                }).ConfigureAwait(false);
                return RiskReportOf(view, tf, n, options);
            }

            var name = TradingMap.Account(service, account);
            return service.Read(name, a => RiskReportOf(a, tf, n, options));
        }, ServerJsonContext.Default.RiskReportAnswer);

    private RiskReportAnswer RiskReportOf(TradingAccount a, Timeframe tf, int n, RiskReportOptions options)
    {
        var held = a.Positions.Select(p => p.Symbol).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var returns = ReturnSeries.Table(settings.Catalog, history, held, tf, n);
        var status = venue.Gate.Status(a);
        RiskReport report;
        try
        {
            report = PortfolioRisk.Build(a, returns, options, status.Limits, status);
        }
        catch (InvalidOperationException error)
        {
            throw new ToolErrorException(new ToolError(ToolErrorCodes.NoData, error.Message, Retryable: true));
        }

        return new RiskReportAnswer(report.Account, report.Currency, Args.FormatMilliseconds(report.TimeMs), report.Equity, report.Margin,
            report.MarginUsePercent, report.Leverage,
            [.. report.Currencies.Select(c => new CurrencyExposureView(c.Currency, c.Amount))],
            [.. report.AssetClasses.Select(c => new AssetClassExposureView(TradingMap.Name(c.AssetClass), c.Gross, c.Net, c.LeverageCap, c.RequiredMargin))],
            [.. report.Symbols.Select(s => new SymbolExposureView(s.Symbol, s.NetLots, s.Notional, Finite(s.EwmaVolatility)))],
            tf.ToString(), n, Var(report.Var), report.CorrelationSymbols, ReturnSeries.Matrix(report.Correlation, report.CorrelationSymbols.Count),
            [.. report.Alerts.Select(x => new RiskAlertView(x.Limit, x.Value, x.Threshold, x.Utilisation, TradingMap.Name(x.Level)))],
            Status(status));
    }

    [McpServerTool(Name = "calculate_position_size", Title = "Position size", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(PositionSize))]
    [Description("Lots that lose risk_percent of equity if the stop loss is hit (fixed fractional: risk money / (stop ticks × loss-side tick value "
        + "+ round-turn commission per lot), rounded down to the volume step). 'problem' says why the volume is 0 (stop too wide for the budget).")]
    public ValueTask<CallToolResult> CalculatePositionSize(
        [Description("Symbol name, e.g. EURUSD.")] string symbol,
        [Description("buy or sell.")] string side,
        [Description("Percent of equity to lose at the stop, in (0, 100], e.g. 1.")] double risk_percent,
        [Description("Stop loss price: below the entry for a buy, above for a sell.")] double stop_loss,
        [Description("Entry price; default: the current ask for a buy, bid for a sell.")] double? entry_price = null,
        [Description(AccountArgument)] string? account = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("calculate_position_size", async () =>
        {
            var spec = Args.Symbol(settings.Catalog, symbol);
            var buy = TradingTools.Side(side) == OrderType.Buy;
            var entry = entry_price is null ? (double?)null : TradingTools.Price(spec, entry_price, "entry_price", allowZero: false);
            var stop = TradingTools.Price(spec, stop_loss, "stop_loss", allowZero: false);
            var service = await venue.GetAsync(cancellationToken).ConfigureAwait(false);
            var name = TradingMap.Account(service, account);
            var (s, price, equity, currency) = RiskSizing.Size(service, name, spec, buy, entry, stop, risk_percent);
            return new PositionSize(name, spec.Name, buy ? "buy" : "sell", risk_percent, equity, price, stop, s.RiskMoney, s.StopTicks, s.TickValueLoss,
                s.CommissionPerLot, s.LossPerLot, s.RawVolume, s.Volume, s.LossAtStop, s.Capped, s.Problem, currency);
        }, ServerJsonContext.Default.PositionSize);

    [McpServerTool(Name = "calculate_margin", Title = "Margin", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(MarginCalculation))]
    [Description("Initial margin of a position by MetaTrader's formula for the symbol's calculation mode (forex: lots × contract size / leverage; "
        + "CFD: lots × contract size × price; …) × the symbol's margin rate, in the margin currency and in the account currency, with the free margin after.")]
    public ValueTask<CallToolResult> CalculateMargin(
        [Description("Symbol name, e.g. EURUSD.")] string symbol,
        [Description("buy or sell.")] string side,
        [Description("Volume in lots, e.g. 0.1.")] double volume,
        [Description("Price to value the position at; default: the current ask for a buy, bid for a sell.")] double? price = null,
        [Description(AccountArgument)] string? account = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("calculate_margin", async () =>
        {
            var spec = Args.Symbol(settings.Catalog, symbol);
            var type = TradingTools.Side(side) == OrderType.Buy ? PositionType.Buy : PositionType.Sell;
            var lots = TradingTools.Volume(spec, volume);
            var at = price is null ? (double?)null : TradingTools.Price(spec, price, "price", allowZero: false);
            var service = await venue.GetAsync(cancellationToken).ConfigureAwait(false);
            var name = TradingMap.Account(service, account);
            return service.Read(name, a =>
            {
                var p = at ?? MarketPrice(a, spec, type == PositionType.Buy);
                var info = a.Settings.Info;
                var converter = new CurrencyConverter(a.Quotes.Symbols, a.Quotes);
                var (margin, converted) = Calculate(spec, () => (
                    TradeMath.Margin(spec, type, (double)lots, p, info.Leverage),
                    TradeMath.MarginInAccountCurrency(spec, type, (double)lots, p, info.Leverage, info.Currency, converter)));
                var free = a.Snapshot().MarginFree;
                return new MarginCalculation(name, spec.Name, TradingMap.Name(type), lots, p, info.Leverage, spec.CurrencyMargin, margin, info.Currency,
                    Math.Round(converted, info.CurrencyDigits), free, Math.Round(free - converted, info.CurrencyDigits));
            });
        }, ServerJsonContext.Default.MarginCalculation);

    [McpServerTool(Name = "calculate_profit", Title = "Profit", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ProfitCalculation))]
    [Description("Profit of a position between two prices by MetaTrader's formula (price move × contract size × lots; futures: ticks × tick value), "
        + "in the symbol's profit currency and in the account currency at the current conversion rate.")]
    public ValueTask<CallToolResult> CalculateProfit(
        [Description("Symbol name, e.g. EURUSD.")] string symbol,
        [Description("buy or sell.")] string side,
        [Description("Volume in lots, e.g. 0.1.")] double volume,
        [Description("Open price.")] double open_price,
        [Description("Close price.")] double close_price,
        [Description(AccountArgument)] string? account = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("calculate_profit", async () =>
        {
            var spec = Args.Symbol(settings.Catalog, symbol);
            var type = TradingTools.Side(side) == OrderType.Buy ? PositionType.Buy : PositionType.Sell;
            var lots = TradingTools.Volume(spec, volume);
            var open = TradingTools.Price(spec, open_price, "open_price", allowZero: false);
            var close = TradingTools.Price(spec, close_price, "close_price", allowZero: false);
            var service = await venue.GetAsync(cancellationToken).ConfigureAwait(false);
            var name = TradingMap.Account(service, account);
            return service.Read(name, a =>
            {
                var info = a.Settings.Info;
                var converter = new CurrencyConverter(a.Quotes.Symbols, a.Quotes);
                var (profit, converted) = Calculate(spec, () => (
                    TradeMath.Profit(spec, type, (double)lots, open, close),
                    TradeMath.ProfitInAccountCurrency(spec, type, (double)lots, open, close, info.Currency, converter)));
                return new ProfitCalculation(name, spec.Name, TradingMap.Name(type), lots, open, close, spec.ToTicks(close) - spec.ToTicks(open),
                    spec.CurrencyProfit, profit, info.Currency, Math.Round(converted, info.CurrencyDigits));
            });
        }, ServerJsonContext.Default.ProfitCalculation);

    [McpServerTool(Name = "get_risk_limits", Title = "Risk limits", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(RiskLimitsAnswer))]
    [Description("The risk limits in force for an account (the configuration keys of the risk policy; 0 = off) and where the account stands: "
        + "daily loss and drawdown against their limits, orders in the last minute and today, and the kill switch.")]
    public ValueTask<CallToolResult> GetRiskLimits(
        [Description(AccountArgument)] string? account = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("get_risk_limits", async () => await Limits(account, cancellationToken).ConfigureAwait(false), ServerJsonContext.Default.RiskLimitsAnswer);

    [McpServerTool(Name = "set_risk_limits", Title = "Set risk limits", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(RiskLimitsAnswer))]
    [Description("Admin only. Replaces the whole risk configuration with a JSON document in the configuration file's shape (risk_management, "
        + "compliance, position_limits; keys as in mt://docs/risk-policy; keys left out take their defaults). A document with any error changes "
        + "nothing and every error is listed with its JSON path. The change is audited; editing the configuration file later replaces it again.")]
    public ValueTask<CallToolResult> SetRiskLimits(
        [Description("The risk configuration as JSON text, e.g. {\"risk_management\":{\"max_daily_loss_percent\":3},\"position_limits\":{\"max_order_volume\":5}}.")] string configuration,
        [Description("Account whose limits are shown in the answer; default: the first account.")] string? account = null,
        ClaimsPrincipal? user = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("set_risk_limits", async () =>
        {
            if (string.IsNullOrWhiteSpace(configuration) || configuration.Length > 256 * 1024)
            {
                throw ToolErrorException.InvalidArgument("configuration", "configuration must be a JSON document of at most 256 KiB.");
            }

            var service = await venue.GetAsync(cancellationToken).ConfigureAwait(false);
            var name = TradingMap.Account(service, account);
            var origin = TradingMap.Origin("set_risk_limits", user);
            var before = venue.Gate.ConfigurationVersion;
            var result = venue.Gate.Reload(configuration);
            var time = service.Read(name, a => a.TimeMs);
            var payload = new CanonicalJson().Add("applied", result.Applied).Add("version_before", before).Add("version", result.Version)
                .Add("errors", string.Join("; ", result.Errors.Select(e => e.ToString()))).Add("configuration", configuration);
            // Refused documents are audited too: an attempt to loosen the limits is worth knowing about.
            await venue.AppendAuditAsync([new AuditRecord("config_change", time, "", origin.Actor, origin.Channel, null, payload.ToString())], cancellationToken)
                .ConfigureAwait(false);
            if (!result.Applied)
            {
                throw ToolErrorException.InvalidArgument("configuration",
                    "The risk configuration has errors and was not applied (the limits in force are unchanged): " + string.Join("; ", result.Errors.Select(e => e.ToString())));
            }

            return await Limits(name, cancellationToken).ConfigureAwait(false);
        }, ServerJsonContext.Default.RiskLimitsAnswer);

    [McpServerTool(Name = "kill_switch", Title = "Kill switch", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(KillSwitchAnswer))]
    [Description("Admin only. engage: blocks every new order on the account (or every account with scope global), cancels its pending orders "
        + "and, with close_positions, closes its positions. release: lets orders through again. Both are audited.")]
    public ValueTask<CallToolResult> KillSwitch(
        [Description("engage or release.")] string action,
        [Description("account (default: the account argument's account) or global (every account).")] string? scope = null,
        [Description("engage only: also close every open position (default false).")] bool? close_positions = null,
        [Description("engage only: why, kept in the audit trail.")] string? reason = null,
        [Description(AccountArgument)] string? account = null,
        ClaimsPrincipal? user = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("kill_switch", async () =>
        {
            var engage = action?.Trim().ToLowerInvariant() switch
            {
                "engage" => true,
                "release" => false,
                _ => throw ToolErrorException.InvalidArgument("action", $"action '{UntrustedText.Clean(action ?? "", 16)}' is not known; use engage or release."),
            };
            var global = (scope ?? "account").Trim().ToLowerInvariant() switch
            {
                "account" => false,
                "global" => true,
                _ => throw ToolErrorException.InvalidArgument("scope", "scope must be account or global."),
            };
            if (!engage && (close_positions is not null || reason is not null))
            {
                throw ToolErrorException.InvalidArgument(close_positions is not null ? "close_positions" : "reason", "close_positions and reason are for engage only.");
            }

            var service = await venue.GetAsync(cancellationToken).ConfigureAwait(false);
            IBrokerGateway? broker = null;
            var name = global ? null : accounts.TryGetBroker(account, out broker) ? broker.Name : TradingMap.Account(service, account);
            var origin = TradingMap.Origin("kill_switch", user);
            var scopeName = global ? "global" : "account";
            if (!engage)
            {
                // The scope filter already refused non-admin HTTP callers; reaching here is an admin (or the local operator).
                var released = service.ReleaseKillSwitch(name, admin: true, origin);
                return new KillSwitchAnswer("release", scopeName, name, released, null, []);
            }

            var why = string.IsNullOrWhiteSpace(reason) ? "kill switch engaged by " + origin.Actor : UntrustedText.Clean(reason, 200);
            var close = close_positions ?? false;
            KillSwitchEngagement done;
            if (broker is not null)
            {
                // The gate is the paper venue's: engaging it blocks the broker account's orders, then the broker flattens.
                var newly = venue.Gate.Engage(broker.Name, origin, why);
                done = new(broker.Name, newly, why,
                    [await BrokerAccountViews.Read(broker, g => orderPath.FlattenAsync(g, false, newly, close, why, origin, cancellationToken)).ConfigureAwait(false)]);
            }
            else
            {
                done = service.EngageKillSwitch(name, close, why, origin);
                if (global)
                {
                    var all = new List<KillSwitchAccountActions>(done.Accounts);
                    foreach (var gateway in accounts.Brokers)
                    {
                        all.Add(await BrokerAccountViews.Read(gateway, g => orderPath.FlattenAsync(g, true, done.NewlyEngaged, close, why, origin, cancellationToken)).ConfigureAwait(false));
                    }

                    done = done with { Accounts = all };
                }
            }

            return new KillSwitchAnswer("engage", scopeName, name, done.NewlyEngaged, why,
                [.. done.Accounts.Select(x => new KillSwitchAccountView(x.Account, [.. x.Cancelled.Select(TradingMap.Outcome)], [.. x.Closed.Select(TradingMap.Outcome)]))]);
        }, ServerJsonContext.Default.KillSwitchAnswer);

    private async ValueTask<RiskLimitsAnswer> Limits(string? account, CancellationToken cancellationToken)
    {
        var service = await venue.GetAsync(cancellationToken).ConfigureAwait(false);
        var name = TradingMap.Account(service, account);
        var status = service.Read(name, venue.Gate.Status);
        return new RiskLimitsAnswer(name, venue.Gate.ConfigurationVersion, View(status.Limits), Status(status));
    }

    private RiskStatusView Status(AccountRiskStatus s) => new(
        s.Equity, Args.FormatMilliseconds(s.DayStartMs), s.DayReference, s.DailyLossPercent, s.DailyLossBlocked, s.Peak, s.DrawdownPercent,
        s.DrawdownBlocked, s.OrdersLastMinute, s.OrdersToday, s.KillSwitch, venue.Gate.IsGloballyEngaged);

    private static RiskLimitsView View(RiskLimits l) => new(
        TradingMap.Name(l.TradingMode), l.MaxDrawdownPercent, l.MaxDailyLossPercent, TradingMap.Name(l.DailyLossReference), TradingMap.Name(l.DayBoundary),
        l.FlattenOnBreach, l.PositionSizePercent, l.CorrelationLimit, TradingMap.Name(l.CorrelationAction), l.RequireStopLoss, l.PriceCollarPercent,
        l.MaxOrdersPerMinute, l.MaxOrdersPerDay, l.RepeatedExecutionCount, l.RepeatedExecutionWindowSeconds,
        [.. l.AllowedSymbols.Order(StringComparer.Ordinal)], [.. l.DeniedSymbols.Order(StringComparer.Ordinal)], TradingMap.Name(l.Profile),
        new LeverageCapsView(l.Leverage.ForexMajor, l.Leverage.ForexMinor, l.Leverage.Gold, l.Leverage.IndicesMajor, l.Leverage.IndicesMinor,
            l.Leverage.Commodities, l.Leverage.Equities, l.Leverage.Crypto),
        l.MaxOrderVolume, l.MaxOrderNotional, l.MaxOpenPositions, l.MaxPendingOrders,
        [.. l.Symbols.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new SymbolLimitsView(s.Key, s.Value.MaxOrderVolume, s.Value.MaxOrderNotional, s.Value.MaxPositionVolume))]);

    private static VarView Var(VarFigures v) => new(
        v.Confidence, v.Horizon, v.Observations, Finite(v.ParametricVar), Finite(v.ParametricEs), Finite(v.HistoricalVar), Finite(v.HistoricalEs),
        Finite(v.MonteCarloVar), Finite(v.MonteCarloEs), v.Simulations);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static double MarketPrice(TradingAccount account, SymbolSpec spec, bool buy) =>
        account.Quotes.TryGetQuote(spec.Name, out var quote)
            ? buy ? quote.Value.Ask : quote.Value.Bid
            : throw new ToolErrorException(new ToolError(ToolErrorCodes.NoData,
                string.Create(CultureInfo.InvariantCulture, $"There is no quote for {spec.Name} yet; give price or retry."), Retryable: true, "symbol"));

    private static (double Native, double Converted) Calculate(SymbolSpec spec, Func<(double, double)> formula)
    {
        try
        {
            return formula();
        }
        catch (NotSupportedException error)
        {
            throw ToolErrorException.InvalidArgument("symbol", error.Message);
        }
        catch (InvalidOperationException error)
        {
            // A quote to convert into the account currency is missing.
            throw new ToolErrorException(new ToolError(ToolErrorCodes.NoData, $"{spec.Name}: {error.Message}", Retryable: true, "symbol"));
        }
    }
}
