using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Paper;
using MtMcp.Server.Market;

namespace MtMcp.Server.Tools;

/// <summary>
/// The <c>trading</c> toolset on the paper venue and on broker accounts (bridge or MetaApi) (routed by <see cref="AccountDirectory"/>).
/// Never registered in read-only mode. Arguments are checked here first (clear INVALID_ARGUMENT errors naming the argument);
/// the venue (or the broker's trade server) then applies MetaTrader's rules and answers with an MT5 retcode, which a
/// rejection carries in TRADE_REJECTED. A rejected or invalid request changes nothing.
/// </summary>
[McpServerToolType]
internal sealed class TradingTools(
    PaperVenue venue, AccountDirectory accounts, BrokerOrderPath orderPath, TimeProvider time, ToolRunner runner, OrderConfirmations confirmations)
{
    private const string AccountArgument = "Account name (list_accounts); default: the first account (the paper account 'demo' when none was created; "
        + "in live mode the first connected broker account).";
    private const string ClientOrderIdArgument = "Your unique id for this request (1 to 64 characters): sending the same id again returns the first result and never trades twice.";
    private const string RiskPercentArgument = "Instead of volume: size the volume so that the stop loss loses this percent of equity, in (0, 100] "
        + "(needs stop_loss; rounded down to the volume step, commission included).";
    private const int MaxTrailingPoints = 100_000;

    [McpServerTool(Name = "place_order", Title = "Place an order", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(TradeAnswer))]
    [Description("Places a market order (filled at once at the current quote) or a pending limit, stop or stop-limit order. Volume in lots "
        + "(a multiple of the symbol's volume step; see get_symbol), or risk_percent with stop_loss to have the server size it. "
        + "Prices must lie on the symbol's tick grid. Repeating a client_order_id returns the first result. A rejection is a TRADE_REJECTED error with the MT5 retcode; nothing is traded then.")]
    public ValueTask<CallToolResult> PlaceOrder(
        [Description("Symbol name, e.g. EURUSD.")] string symbol,
        [Description("buy or sell.")] string side,
        [Description(ClientOrderIdArgument)] string client_order_id,
        [Description("market (default), limit, stop or stop_limit.")] string? type = null,
        [Description("Volume in lots, e.g. 0.1.")] double? volume = null,
        [Description(RiskPercentArgument)] double? risk_percent = null,
        [Description("Pending order price (limit, stop, and the stop price of stop_limit); not for market orders.")] double? price = null,
        [Description("The limit price a stop_limit order places when its stop price is reached.")] double? stop_limit_price = null,
        [Description("Stop loss price; omit for none.")] double? stop_loss = null,
        [Description("Take profit price; omit for none.")] double? take_profit = null,
        [Description("Trailing stop distance in points, managed by the server; omit for none.")] int? trailing_stop_points = null,
        [Description("Expiry of a pending order, ISO-8601 UTC; omit for good-till-cancelled.")] string? expiration = null,
        [Description("Magic number (expert id) kept on the order, its deals and position.")] long? magic = null,
        [Description("Comment kept on the order (at most 31 characters).")] string? comment = null,
        [Description(AccountArgument)] string? account = null,
        McpServer? server = null,
        RequestContext<CallToolRequestParams>? context = null,
        ClaimsPrincipal? user = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("place_order", async () =>
        {
            var target = await TradingTarget.ResolveAsync(accounts, venue, orderPath, account, cancellationToken).ConfigureAwait(false);
            var spec = await target.SymbolAsync(symbol, cancellationToken).ConfigureAwait(false);
            var request = Build(target.Paper, target.Name, spec, side, type, volume, risk_percent, price, stop_limit_price, stop_loss, take_profit, trailing_stop_points,
                expiration, magic, comment, ClientOrderId(client_order_id, required: true));
            var mode = OrderConfirmations.Mode(target);
            if (MayTrade(target) && confirmations.Needed(request, mode))
            {
                // Arguments, market hours (Build) and venue rules (Send) are all checked again when the answer comes back.
                confirmations.Require(server, context?.Params, user, target.Name, request, Summary(target.Paper, target.Name, spec, request), mode);
            }

            return new TradeAnswer(target.Name, Sent(await target.SendAsync(request, TradingMap.Origin("place_order", user), cancellationToken).ConfigureAwait(false)));
        }, ServerJsonContext.Default.TradeAnswer);

    [McpServerTool(Name = "check_order", Title = "Check an order", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(OrderCheck))]
    [Description("Checks an order without sending it (same arguments as place_order, client_order_id optional): whether the venue would accept it "
        + "('accepted', and the MT5 retcode and reason when not), the margin it needs and the account's balance, equity, margin and margin level right after it.")]
    public ValueTask<CallToolResult> CheckOrder(
        [Description("Symbol name, e.g. EURUSD.")] string symbol,
        [Description("buy or sell.")] string side,
        [Description("market (default), limit, stop or stop_limit.")] string? type = null,
        [Description("Volume in lots, e.g. 0.1.")] double? volume = null,
        [Description(RiskPercentArgument)] double? risk_percent = null,
        [Description("Pending order price (limit, stop, and the stop price of stop_limit); not for market orders.")] double? price = null,
        [Description("The limit price a stop_limit order places when its stop price is reached.")] double? stop_limit_price = null,
        [Description("Stop loss price; omit for none.")] double? stop_loss = null,
        [Description("Take profit price; omit for none.")] double? take_profit = null,
        [Description("Trailing stop distance in points; omit for none.")] int? trailing_stop_points = null,
        [Description("Expiry of a pending order, ISO-8601 UTC; omit for good-till-cancelled.")] string? expiration = null,
        [Description("Magic number (expert id).")] long? magic = null,
        [Description("Comment (at most 31 characters).")] string? comment = null,
        [Description(ClientOrderIdArgument)] string? client_order_id = null,
        [Description(AccountArgument)] string? account = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("check_order", async () =>
        {
            var target = await TradingTarget.ResolveAsync(accounts, venue, orderPath, account, cancellationToken).ConfigureAwait(false);
            var name = target.Name;
            var spec = await target.SymbolAsync(symbol, cancellationToken).ConfigureAwait(false);
            var request = Build(target.Paper, name, spec, side, type, volume, risk_percent, price, stop_limit_price, stop_loss, take_profit, trailing_stop_points,
                expiration, magic, comment, ClientOrderId(client_order_id, required: false));
            var check = target.Broker is { } gateway
                ? await BrokerAccountViews.Read(gateway, g => g.CheckAsync(request, cancellationToken)).ConfigureAwait(false)
                : target.Paper!.Check(name, request);
            return new OrderCheck(name, check.Retcode == TradeRetcode.Done, (int)check.Retcode, TradeRetcodes.MqlName((int)check.Retcode) ?? "",
                UntrustedText.Clean(check.Message, 400), request.Volume, check.RequiredMargin, check.Balance, check.Equity, check.Margin, check.MarginFree, check.MarginLevel);
        }, ServerJsonContext.Default.OrderCheck);

    [McpServerTool(Name = "modify_order", Title = "Modify an order", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(TradeAnswer))]
    [Description("Changes a pending order: price, stop-limit price, stop loss, take profit or expiration. Values are absolute; omitted ones stay as they are, "
        + "0 removes a stop loss or take profit.")]
    public ValueTask<CallToolResult> ModifyOrder(
        [Description("Ticket of the pending order (get_orders).")] long ticket,
        [Description("New order price.")] double? price = null,
        [Description("New stop-limit price (stop_limit orders).")] double? stop_limit_price = null,
        [Description("New stop loss price; 0 removes it.")] double? stop_loss = null,
        [Description("New take profit price; 0 removes it.")] double? take_profit = null,
        [Description("New expiry, ISO-8601 UTC.")] string? expiration = null,
        [Description(AccountArgument)] string? account = null,
        McpServer? server = null,
        RequestContext<CallToolRequestParams>? context = null,
        ClaimsPrincipal? user = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("modify_order", async () =>
        {
            var target = await TradingTarget.ResolveAsync(accounts, venue, orderPath, account, cancellationToken).ConfigureAwait(false);
            var order = await target.WorkingOrderAsync(ticket, cancellationToken).ConfigureAwait(false);
            var spec = await target.SymbolAsync(order.Symbol, cancellationToken).ConfigureAwait(false);
            var expiry = Args.Time(expiration, "expiration");
            var request = new TradeRequest
            {
                Action = TradeAction.Modify,
                Order = order.Ticket,
                Symbol = order.Symbol,
                Price = price is null ? order.PriceOpen : Price(spec, price, "price", allowZero: false),
                StopLimit = stop_limit_price is null ? order.StopLimit : Price(spec, stop_limit_price, "stop_limit_price", allowZero: false),
                StopLoss = stop_loss is null ? order.StopLoss : Price(spec, stop_loss, "stop_loss", allowZero: true),
                TakeProfit = take_profit is null ? order.TakeProfit : Price(spec, take_profit, "take_profit", allowZero: true),
                TimeType = expiry is null ? order.TimeType : OrderTimeType.Specified,
                ExpirationMs = expiry is null ? order.ExpirationMs : Future(expiry.Value),
            };
            Confirm(server, context, user, target, request);
            return new TradeAnswer(target.Name, Sent(await target.SendAsync(request, TradingMap.Origin("modify_order", user), cancellationToken).ConfigureAwait(false)));
        }, ServerJsonContext.Default.TradeAnswer);

    [McpServerTool(Name = "cancel_order", Title = "Cancel an order", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(TradeAnswer))]
    [Description("Cancels a pending order by ticket.")]
    public ValueTask<CallToolResult> CancelOrder(
        [Description("Ticket of the pending order (get_orders).")] long ticket,
        [Description(AccountArgument)] string? account = null,
        McpServer? server = null,
        RequestContext<CallToolRequestParams>? context = null,
        ClaimsPrincipal? user = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("cancel_order", async () =>
        {
            var target = await TradingTarget.ResolveAsync(accounts, venue, orderPath, account, cancellationToken).ConfigureAwait(false);
            var order = await target.WorkingOrderAsync(ticket, cancellationToken).ConfigureAwait(false);
            var request = new TradeRequest { Action = TradeAction.Remove, Order = order.Ticket, Symbol = order.Symbol };
            Confirm(server, context, user, target, request);
            return new TradeAnswer(target.Name, Sent(await target.SendAsync(request, TradingMap.Origin("cancel_order", user), cancellationToken).ConfigureAwait(false)));
        }, ServerJsonContext.Default.TradeAnswer);

    [McpServerTool(Name = "modify_position", Title = "Modify a position", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(TradeAnswer))]
    [Description("Sets an open position's stop loss, take profit or trailing stop. Values are absolute; omitted ones stay as they are, 0 removes one.")]
    public ValueTask<CallToolResult> ModifyPosition(
        [Description("Ticket of the position (get_positions).")] long ticket,
        [Description("New stop loss price; 0 removes it.")] double? stop_loss = null,
        [Description("New take profit price; 0 removes it.")] double? take_profit = null,
        [Description("Trailing stop distance in points; 0 removes it.")] int? trailing_stop_points = null,
        [Description(AccountArgument)] string? account = null,
        McpServer? server = null,
        RequestContext<CallToolRequestParams>? context = null,
        ClaimsPrincipal? user = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("modify_position", async () =>
        {
            var target = await TradingTarget.ResolveAsync(accounts, venue, orderPath, account, cancellationToken).ConfigureAwait(false);
            var position = await target.OpenPositionAsync(ticket, cancellationToken).ConfigureAwait(false);
            var spec = await target.SymbolAsync(position.Symbol, cancellationToken).ConfigureAwait(false);
            if (target.Broker is not null && trailing_stop_points is > 0)
            {
                throw ToolErrorException.InvalidArgument("trailing_stop_points", "Server-managed trailing stops are available on paper accounts only; set stop_loss on a broker account.");
            }

            var request = new TradeRequest
            {
                Action = TradeAction.SlTp,
                Position = position.Ticket,
                Symbol = position.Symbol,
                StopLoss = stop_loss is null ? position.StopLoss : Price(spec, stop_loss, "stop_loss", allowZero: true),
                TakeProfit = take_profit is null ? position.TakeProfit : Price(spec, take_profit, "take_profit", allowZero: true),
                TrailingStopPoints = trailing_stop_points is null ? position.TrailingStopPoints : Trailing(trailing_stop_points.Value),
            };
            Confirm(server, context, user, target, request);
            return new TradeAnswer(target.Name, Sent(await target.SendAsync(request, TradingMap.Origin("modify_position", user), cancellationToken).ConfigureAwait(false)));
        }, ServerJsonContext.Default.TradeAnswer);

    [McpServerTool(Name = "close_position", Title = "Close a position", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(TradeAnswer))]
    [Description("Closes an open position by ticket at the current quote, in full or in part ('volume' in lots, at most the position's volume).")]
    public ValueTask<CallToolResult> ClosePosition(
        [Description("Ticket of the position (get_positions).")] long ticket,
        [Description("Lots to close; default the whole position.")] double? volume = null,
        [Description(ClientOrderIdArgument)] string? client_order_id = null,
        [Description(AccountArgument)] string? account = null,
        McpServer? server = null,
        RequestContext<CallToolRequestParams>? context = null,
        ClaimsPrincipal? user = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("close_position", async () =>
        {
            var id = ClientOrderId(client_order_id, required: false);
            var target = await TradingTarget.ResolveAsync(accounts, venue, orderPath, account, cancellationToken).ConfigureAwait(false);
            var position = await target.OpenPositionAsync(ticket, cancellationToken).ConfigureAwait(false);
            var spec = await target.SymbolAsync(position.Symbol, cancellationToken).ConfigureAwait(false);
            var lots = volume is null ? position.Volume : Volume(spec, volume.Value);
            if (lots > position.Volume)
            {
                throw ToolErrorException.InvalidArgument("volume", string.Create(CultureInfo.InvariantCulture,
                    $"volume {lots} is more than position #{position.Ticket} holds ({position.Volume} lots)."));
            }

            MarketOpen(spec);
            var request = new TradeRequest
            {
                Action = TradeAction.Deal,
                Symbol = position.Symbol,
                Position = position.Ticket,
                Type = position.Type == PositionType.Buy ? OrderType.Sell : OrderType.Buy,
                Volume = lots,
                ClientOrderId = id,
            };
            Confirm(server, context, user, target, request);
            return new TradeAnswer(target.Name, Sent(await target.SendAsync(request, TradingMap.Origin("close_position", user), cancellationToken).ConfigureAwait(false)));
        }, ServerJsonContext.Default.TradeAnswer);

    [McpServerTool(Name = "close_positions", Title = "Close positions", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(BulkClose))]
    [Description("Closes every open position that matches all the filters given (symbol, side, magic, profit sign; none = every position), "
        + "each at the current quote. Returns one result per position: some may fail (e.g. a shut market) while others close.")]
    public ValueTask<CallToolResult> ClosePositions(
        [Description("Only positions of this symbol.")] string? symbol = null,
        [Description("Only buy or only sell positions.")] string? side = null,
        [Description("Only positions with this magic number.")] long? magic = null,
        [Description("any (default), profit (floating profit above zero) or loss (below zero).")] string? profit = null,
        [Description(AccountArgument)] string? account = null,
        McpServer? server = null,
        RequestContext<CallToolRequestParams>? context = null,
        ClaimsPrincipal? user = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("close_positions", async () =>
        {
            var target = await TradingTarget.ResolveAsync(accounts, venue, orderPath, account, cancellationToken).ConfigureAwait(false);
            var filter = new PositionFilter(
                symbol is null ? null : (await target.SymbolAsync(symbol, cancellationToken).ConfigureAwait(false)).Name,
                side is null ? null : Side(side) == OrderType.Buy ? PositionType.Buy : PositionType.Sell,
                magic is null ? null : Magic(magic),
                profit?.Trim().ToLowerInvariant() switch
                {
                    null or "any" => ProfitSign.Any,
                    "profit" => ProfitSign.Profit,
                    "loss" => ProfitSign.Loss,
                    _ => throw ToolErrorException.InvalidArgument("profit", "profit must be any, profit or loss."),
                });
            var mode = OrderConfirmations.Mode(target);
            var candidates = await OrderConfirmations.CandidatesAsync(target, filter, cancellationToken).ConfigureAwait(false);
            if (MayTrade(target) && confirmations.Needed(candidates, mode))
            {
                confirmations.Require(server, context?.Params, user, target.Name, filter, candidates, mode);
            }

            var results = (await target.CloseAllAsync(filter, TradingMap.Origin("close_positions", user), cancellationToken).ConfigureAwait(false)).Select(TradingMap.Outcome).ToList();
            return new BulkClose(target.Name, results.Count, results.Count(r => r.Outcome is "filled" or "partial"), results);
        }, ServerJsonContext.Default.BulkClose);

    private TradeRequest Build(
        PaperTradingService? service, string account, SymbolSpec spec, string side, string? type, double? volume, double? riskPercent, double? price,
        double? stopLimitPrice, double? stopLoss, double? takeProfit, int? trailingStopPoints, string? expiration, long? magic, string? comment, string? clientOrderId)
    {
        var buy = Side(side) == OrderType.Buy;
        var kind = (type ?? "market").Trim().ToLowerInvariant();
        var orderType = kind switch
        {
            "market" => buy ? OrderType.Buy : OrderType.Sell,
            "limit" => buy ? OrderType.BuyLimit : OrderType.SellLimit,
            "stop" => buy ? OrderType.BuyStop : OrderType.SellStop,
            "stop_limit" => buy ? OrderType.BuyStopLimit : OrderType.SellStopLimit,
            _ => throw ToolErrorException.InvalidArgument("type", $"type '{UntrustedText.Clean(kind, 16)}' is not known; use market, limit, stop or stop_limit."),
        };
        var market = kind == "market";

        if (riskPercent is not null && volume is not null)
        {
            throw ToolErrorException.InvalidArgument("risk_percent", "Give either volume (lots) or risk_percent with stop_loss (the server sizes the volume), not both.");
        }

        if (riskPercent is null && volume is null)
        {
            throw ToolErrorException.InvalidArgument("volume", "volume is required: lots, e.g. 0.1 (or risk_percent with stop_loss to size it from the risk).");
        }

        if (market && price is not null)
        {
            throw ToolErrorException.InvalidArgument("price", "price is for pending orders; a market order fills at the current quote.");
        }

        if (!market && price is null)
        {
            throw ToolErrorException.InvalidArgument("price", $"price is required for a {kind} order.");
        }

        if ((kind == "stop_limit") != (stopLimitPrice is not null))
        {
            throw ToolErrorException.InvalidArgument("stop_limit_price", kind == "stop_limit"
                ? "stop_limit_price is required for a stop_limit order."
                : "stop_limit_price is only for stop_limit orders.");
        }

        var expiry = Args.Time(expiration, "expiration");
        if (market && expiry is not null)
        {
            throw ToolErrorException.InvalidArgument("expiration", "expiration is for pending orders only.");
        }

        if (comment is not null && comment.Length > TradingAccount.MaxCommentLength)
        {
            throw ToolErrorException.InvalidArgument("comment", $"comment has {comment.Length} characters; at most {TradingAccount.MaxCommentLength} are kept.");
        }

        var orderPrice = market ? 0 : Price(spec, price, "price", allowZero: false);
        var limitPrice = stopLimitPrice is null ? 0 : Price(spec, stopLimitPrice, "stop_limit_price", allowZero: false);
        var stop = stopLoss is null ? 0 : Price(spec, stopLoss, "stop_loss", allowZero: true);
        if (riskPercent is not null && service is null)
        {
            throw ToolErrorException.InvalidArgument("risk_percent", "risk_percent sizing is available on paper accounts; give volume (lots) for a broker account.");
        }

        var lots = riskPercent is { } risk
            // A pending order enters at its price (a stop-limit at its limit price); a market order at the quote.
            ? RiskSizing.Lots(service!, account, spec, buy, market ? null : limitPrice > 0 ? limitPrice : orderPrice, stop, risk)
            : Volume(spec, volume!.Value);
        var request = new TradeRequest
        {
            Action = market ? TradeAction.Deal : TradeAction.Pending,
            Symbol = spec.Name,
            Type = orderType,
            Volume = lots,
            Price = orderPrice,
            StopLimit = limitPrice,
            StopLoss = stop,
            TakeProfit = takeProfit is null ? 0 : Price(spec, takeProfit, "take_profit", allowZero: true),
            TrailingStopPoints = trailingStopPoints is null ? 0 : Trailing(trailingStopPoints.Value),
            TimeType = expiry is null ? OrderTimeType.Gtc : OrderTimeType.Specified,
            ExpirationMs = expiry is null ? 0 : Future(expiry.Value),
            Magic = Magic(magic),
            Comment = comment is null ? "" : UntrustedText.Clean(comment, TradingAccount.MaxCommentLength),
            ClientOrderId = clientOrderId,
        };
        if (market)
        {
            MarketOpen(spec);
        }

        return request;
    }

    // Every request that changes a REAL account, and any above the size limit, waits for the human's answer (docs/mcp-server.md).
    private void Confirm(McpServer? server, RequestContext<CallToolRequestParams>? context, ClaimsPrincipal? user, TradingTarget target, TradeRequest request)
    {
        var mode = OrderConfirmations.Mode(target);
        if (MayTrade(target) && confirmations.Needed(request, mode))
        {
            confirmations.Require(server, context?.Params, user, target.Name, request, OrderConfirmations.Describe(target.Name, request), mode);
        }
    }

    // A broker account the configuration does not let trade (a REAL account without trading.live.real_accounts) refuses the
    // request itself, with that reason: the user is not asked about an order that cannot be sent.
    private static bool MayTrade(TradingTarget target) => target.Broker?.TradingEnabled != false;

    // What the user is asked to confirm: the order as it will be sent, with its margin.
    private static string Summary(PaperTradingService? service, string account, SymbolSpec spec, TradeRequest request)
    {

        // A broker account's margin would need a round trip to the broker; the confirmation names the order itself.
        var margin = service?.Check(account, request) is { } check
            ? string.Create(CultureInfo.InvariantCulture, $"Margin needed {check.RequiredMargin:0.00}, free margin after {check.MarginFree:0.00}. ")
            : "";
        var at = request.Action == TradeAction.Deal ? "at market" : "at " + spec.FormatPrice(request.Price);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Send {TradingMap.Name(request.Type).Replace('_', ' ')} {request.Volume} lots {spec.Name} {at} on account {account}"
            + $"{(request.StopLoss > 0 ? ", stop loss " + spec.FormatPrice(request.StopLoss) : ", no stop loss")}"
            + $"{(request.TakeProfit > 0 ? ", take profit " + spec.FormatPrice(request.TakeProfit) : "")}? {margin}");
        return text.TrimEnd();
    }

    private void MarketOpen(SymbolSpec spec)
    {
        if (!spec.IsTradable(time.GetUtcNow()))
        {
            throw new ToolErrorException(new ToolError(ToolErrorCodes.MarketClosed,
                $"{spec.Name} is outside its trade sessions now (see get_market_hours for when it opens); nothing was done.", Retryable: true, "symbol"));
        }
    }

    private long Future(DateTimeOffset expiry)
    {
        if (expiry <= time.GetUtcNow())
        {
            throw ToolErrorException.InvalidArgument("expiration", $"expiration {Args.Format(expiry)} is not in the future.");
        }

        return expiry.ToUnixTimeMilliseconds();
    }

    internal static OrderType Side(string? side) => side?.Trim().ToLowerInvariant() switch
    {
        "buy" => OrderType.Buy,
        "sell" => OrderType.Sell,
        _ => throw ToolErrorException.InvalidArgument("side", $"side '{UntrustedText.Clean(side ?? "", 16)}' is not known; use buy or sell."),
    };

    internal static decimal Volume(SymbolSpec spec, double volume)
    {
        if (!double.IsFinite(volume) || volume <= 0)
        {
            throw ToolErrorException.InvalidArgument("volume", "volume must be a positive number of lots.");
        }

        if (volume > (double)spec.VolumeMax)
        {
            throw ToolErrorException.InvalidArgument("volume", string.Create(CultureInfo.InvariantCulture,
                $"volume {volume} is above {spec.Name}'s maximum of {spec.VolumeMax} lots."));
        }

        var lots = decimal.Round((decimal)volume, 8);
        if (!spec.IsValidVolume(lots))
        {
            throw ToolErrorException.InvalidArgument("volume", string.Create(CultureInfo.InvariantCulture,
                $"volume {lots} is not allowed for {spec.Name}: use {spec.VolumeMin} to {spec.VolumeMax} lots in steps of {spec.VolumeStep}."));
        }

        return lots;
    }

    internal static double Price(SymbolSpec spec, double? price, string argument, bool allowZero)
    {
        var p = price ?? 0;
        if (allowZero && p == 0)
        {
            return 0;
        }

        if (!double.IsFinite(p) || p <= 0 || p > 1e12)
        {
            throw ToolErrorException.InvalidArgument(argument, $"{argument} must be a positive price.");
        }

        var ticks = p / spec.TickSize;
        // A millionth of a tick absorbs binary rounding of decimal prices and nothing else.
        if (Math.Abs(ticks - Math.Round(ticks)) > 1e-6)
        {
            throw ToolErrorException.InvalidArgument(argument, string.Create(CultureInfo.InvariantCulture,
                $"{argument} {p} is not on {spec.Name}'s tick size of {spec.FormatPrice(spec.TickSize)}; the nearest valid prices are {spec.FormatPrice(Math.Floor(ticks) * spec.TickSize)} and {spec.FormatPrice(Math.Ceiling(ticks) * spec.TickSize)}."));
        }

        return spec.NormalizePrice(p);
    }

    private static int Trailing(int points) => points is >= 0 and <= MaxTrailingPoints
        ? points
        : throw ToolErrorException.InvalidArgument("trailing_stop_points", $"trailing_stop_points must be between 0 and {MaxTrailingPoints}.");

    private static ulong Magic(long? magic) => magic switch
    {
        null => 0,
        >= 0 => (ulong)magic.Value,
        _ => throw ToolErrorException.InvalidArgument("magic", "magic must be zero or positive."),
    };

    private static string? ClientOrderId(string? id, bool required)
    {
        if (id is null && !required)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || UntrustedText.Clean(id, 64) != id)
        {
            throw ToolErrorException.InvalidArgument("client_order_id", "client_order_id must be 1 to 64 printable characters, unique per order you mean to place.");
        }

        return id;
    }

    private static TradeOutcomeInfo Sent(TradeResult result) =>
        TradingMap.Succeeded(result) ? TradingMap.Outcome(result) : throw TradingMap.Rejected(result);
}
