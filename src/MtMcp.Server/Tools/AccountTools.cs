using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using MtMcp.Engine;
using MtMcp.Server.Market;

namespace MtMcp.Server.Tools;

/// <summary>The <c>account</c> toolset: accounts, positions, orders and history, of paper accounts and broker accounts (bridge or MetaApi).</summary>
[McpServerToolType]
internal sealed class AccountTools(ServerSettings settings, PaperVenue venue, AccountDirectory accounts, TimeProvider time, ToolRunner runner)
{
    /// <summary>Most deals and most orders one <c>get_history</c> call returns.</summary>
    public const int MaxHistoryRows = 1000;

    private const string AccountArgument = "Account name (list_accounts); default: the first account (the paper account 'demo' when none was created; "
        + "in live mode the first connected broker account).";

    [McpServerTool(Name = "list_accounts", Title = "List accounts", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(AccountList))]
    [Description("Lists the accounts this server trades (paper accounts on the demo market; MetaTrader accounts connected through the bridge, "
        + "named mt5-<login>; a MetaApi account, named metaapi-<id> or as configured) with currency, leverage, margin mode, trade mode (demo/contest/real), balance, equity and open positions and orders.")]
    public ValueTask<CallToolResult> ListAccounts(CancellationToken cancellationToken) =>
        runner.RunAsync("list_accounts", async () =>
        {
            var service = await venue.GetAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<AccountSummary>();
            foreach (var name in service.Accounts)
            {
                rows.Add(service.Read(name, a =>
                {
                    var s = a.Snapshot();
                    return new AccountSummary(name, s.Info.Login, s.Info.Currency, s.Info.Leverage, AccountViews.MarginMode(s.Info), TradingMap.Name(s.Info.TradeMode),
                        s.Balance, Math.Round(s.Equity, s.Info.CurrencyDigits), a.Positions.Count, a.Orders.Count);
                }));
            }

            foreach (var gateway in accounts.Brokers)
            {
                rows.Add(await BrokerAccountViews.SummaryAsync(gateway, cancellationToken).ConfigureAwait(false));
            }

            return new AccountList(AccountViews.ServerModeName(settings.Mode), rows);
        }, ServerJsonContext.Default.AccountList);

    [McpServerTool(Name = "get_account", Title = "Account state", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(AccountDetails))]
    [Description("Returns an account's balance, credit, floating profit, equity, margin, free margin, margin level, leverage, currency, trade mode "
        + "(demo/contest/real; paper accounts report demo), margin mode (hedging/netting), stop-out levels and the server mode (read_only/paper/live).")]
    public ValueTask<CallToolResult> GetAccount(
        [Description(AccountArgument)] string? account = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("get_account", async () =>
        {
            if (accounts.TryGetBroker(account, out var gateway))
            {
                return await BrokerAccountViews.DetailsAsync(gateway, settings, cancellationToken).ConfigureAwait(false);
            }

            var service = await venue.GetAsync(cancellationToken).ConfigureAwait(false);
            var name = TradingMap.Account(service, account);
            return AccountViews.Details(service, name, settings);
        }, ServerJsonContext.Default.AccountDetails);

    [McpServerTool(Name = "get_positions", Title = "Open positions", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(PositionList))]
    [Description("Lists an account's open positions: ticket, symbol, side, volume, open and current price, stop loss, take profit, trailing stop, floating profit (as MetaTrader's POSITION_PROFIT: swap and commission apart, in their own fields), swap, commission, magic, comment.")]
    public ValueTask<CallToolResult> GetPositions(
        [Description(AccountArgument)] string? account = null,
        [Description("Only positions of this symbol.")] string? symbol = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("get_positions", async () =>
        {
            var filter = symbol is null ? null : Args.Symbol(settings.Catalog, symbol).Name;
            if (accounts.TryGetBroker(account, out var gateway))
            {
                return await BrokerAccountViews.PositionsAsync(gateway, filter, cancellationToken).ConfigureAwait(false);
            }

            var service = await venue.GetAsync(cancellationToken).ConfigureAwait(false);
            var name = TradingMap.Account(service, account);
            return AccountViews.Positions(service, name, filter);
        }, ServerJsonContext.Default.PositionList);

    [McpServerTool(Name = "get_orders", Title = "Pending orders", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(OrderList))]
    [Description("Lists an account's working (pending) orders: ticket, symbol, type, volume, price, stop-limit price, stops, expiration, magic, comment.")]
    public ValueTask<CallToolResult> GetOrders(
        [Description(AccountArgument)] string? account = null,
        [Description("Only orders of this symbol.")] string? symbol = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("get_orders", async () =>
        {
            var filter = symbol is null ? null : Args.Symbol(settings.Catalog, symbol).Name;
            if (accounts.TryGetBroker(account, out var gateway))
            {
                return await BrokerAccountViews.OrdersAsync(gateway, filter, cancellationToken).ConfigureAwait(false);
            }

            var service = await venue.GetAsync(cancellationToken).ConfigureAwait(false);
            var name = TradingMap.Account(service, account);
            return AccountViews.Orders(service, name, filter);
        }, ServerJsonContext.Default.OrderList);

    [McpServerTool(Name = "get_history", Title = "Trade history", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(HistoryPage))]
    [Description("Returns an account's deals (fills, balance operations) and finished orders in a time range, oldest first, at most 1000 of each "
        + "('truncated' says when there were more: narrow the range). Filters: symbol, magic.")]
    public ValueTask<CallToolResult> GetHistory(
        [Description(AccountArgument)] string? account = null,
        [Description("Start, ISO-8601 UTC or a date; default 30 days before 'to'.")] string? from = null,
        [Description("End (exclusive), ISO-8601 UTC or a date; default now.")] string? to = null,
        [Description("Only deals and orders of this symbol (balance operations have none).")] string? symbol = null,
        [Description("Only deals and orders with this magic number (expert id).")] long? magic = null,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync("get_history", async () =>
        {
            var end = Args.Time(to, "to") ?? time.GetUtcNow().AddMilliseconds(1);
            var start = Args.Time(from, "from") ?? end.AddDays(-30);
            Args.Ordered(start, end);
            if (magic is < 0)
            {
                throw ToolErrorException.InvalidArgument("magic", "magic must be zero or positive.");
            }

            var query = new HistoryQuery(start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds(),
                symbol is null ? null : Args.Symbol(settings.Catalog, symbol).Name, magic is null ? null : (ulong)magic.Value);
            string name;
            IReadOnlyList<Deal> deals;
            IReadOnlyList<Order> orders;
            if (accounts.TryGetBroker(account, out var gateway))
            {
                name = gateway.Name;
                (deals, orders) = await BrokerAccountViews.HistoryAsync(gateway, query, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var service = await venue.GetAsync(cancellationToken).ConfigureAwait(false);
                name = TradingMap.Account(service, account);
                (deals, orders) = service.Read(name, a => (a.Deals(query), a.HistoryOrders(query)));
            }

            var truncated = deals.Count > MaxHistoryRows || orders.Count > MaxHistoryRows;
            var dealRows = deals.Take(MaxHistoryRows).Select(TradingMap.Deal).ToList();
            var orderRows = orders.Take(MaxHistoryRows).Select(TradingMap.Order).ToList();
            return new HistoryPage(name, Args.Format(start), Args.Format(end), dealRows.Count, dealRows, orderRows.Count, orderRows, truncated);
        }, ServerJsonContext.Default.HistoryPage);
}
