using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Server.Market;

namespace MtMcp.Server.Tools;

/// <summary>
/// The account tools' answers for a broker account (a MetaTrader terminal on the bridge, or MetaApi): the same JSON
/// shapes as <see cref="AccountViews"/>, read through its gateway (money, prices and floating profit as the broker reports them).
/// </summary>
internal static class BrokerAccountViews
{
    public static async Task<AccountSummary> SummaryAsync(IBrokerGateway gateway, CancellationToken cancellationToken)
    {
        var s = await Read(gateway, g => g.GetAccountAsync(cancellationToken)).ConfigureAwait(false);
        var positions = await Read(gateway, g => g.GetPositionsAsync(null, cancellationToken)).ConfigureAwait(false);
        var orders = await Read(gateway, g => g.GetOrdersAsync(null, cancellationToken)).ConfigureAwait(false);
        return new AccountSummary(gateway.Name, s.Info.Login, s.Info.Currency, s.Info.Leverage, AccountViews.MarginMode(s.Info), TradingMap.Name(s.Info.TradeMode),
            s.Balance, Math.Round(s.Equity, s.Info.CurrencyDigits), positions.Count, orders.Count);
    }

    public static async Task<AccountDetails> DetailsAsync(IBrokerGateway gateway, ServerSettings settings, CancellationToken cancellationToken)
    {
        var s = await Read(gateway, g => g.GetAccountAsync(cancellationToken)).ConfigureAwait(false);
        var digits = s.Info.CurrencyDigits;
        return new AccountDetails(gateway.Name, s.Info.Login, UntrustedText.Clean(s.Info.Server, 64), UntrustedText.Clean(s.Info.Company, 64), s.Info.Currency,
            s.Info.Leverage, TradingMap.Name(s.Info.TradeMode), AccountViews.MarginMode(s.Info), AccountViews.ServerModeName(settings.Mode), s.Balance, s.Credit,
            Math.Round(s.Profit, digits), Math.Round(s.Equity, digits), Math.Round(s.Margin, digits), Math.Round(s.MarginFree, digits),
            s.MarginLevel is { } level ? Math.Round(level, 2) : null, s.MarginCall, s.Info.MarginCall, s.Info.MarginStopOut,
            TradingMap.Name(s.Info.StopoutMode), s.Info.TradeAllowed && gateway.TradingEnabled, Args.FormatMilliseconds(s.TimeMs));
    }

    public static async Task<PositionList> PositionsAsync(IBrokerGateway gateway, string? symbol, CancellationToken cancellationToken)
    {
        var states = await Read(gateway, g => g.GetPositionStatesAsync(symbol, cancellationToken)).ConfigureAwait(false);
        var rows = states.Select(TradingMap.Position).ToList();
        return new PositionList(gateway.Name, rows.Count, rows);
    }

    public static async Task<OrderList> OrdersAsync(IBrokerGateway gateway, string? symbol, CancellationToken cancellationToken)
    {
        var orders = await Read(gateway, g => g.GetOrdersAsync(symbol, cancellationToken)).ConfigureAwait(false);
        var rows = orders.Select(TradingMap.Order).ToList();
        return new OrderList(gateway.Name, rows.Count, rows);
    }

    public static async Task<(IReadOnlyList<Deal> Deals, IReadOnlyList<Order> Orders)> HistoryAsync(IBrokerGateway gateway, HistoryQuery query, CancellationToken cancellationToken)
    {
        var deals = await Read(gateway, g => g.GetDealsAsync(query, cancellationToken)).ConfigureAwait(false);
        var orders = await Read(gateway, g => g.GetHistoryOrdersAsync(query, cancellationToken)).ConfigureAwait(false);
        return (deals, orders);
    }

    /// <summary>A position of the broker account, or INVALID_ARGUMENT naming the ticket.</summary>
    public static async Task<Position> PositionAsync(IBrokerGateway gateway, long ticket, CancellationToken cancellationToken) =>
        (await Read(gateway, g => g.GetPositionsAsync(null, cancellationToken)).ConfigureAwait(false)).FirstOrDefault(p => (long)p.Ticket == ticket)
        ?? throw ToolErrorException.InvalidArgument("ticket", FormattableString.Invariant($"{gateway.Name} has no open position #{ticket} (get_positions lists them)."));

    /// <summary>A working order of the broker account, or INVALID_ARGUMENT naming the ticket.</summary>
    public static async Task<Order> OrderAsync(IBrokerGateway gateway, long ticket, CancellationToken cancellationToken) =>
        (await Read(gateway, g => g.GetOrdersAsync(null, cancellationToken)).ConfigureAwait(false)).FirstOrDefault(o => (long)o.Ticket == ticket)
        ?? throw ToolErrorException.InvalidArgument("ticket", FormattableString.Invariant($"{gateway.Name} has no pending order #{ticket} (get_orders lists them)."));

    /// <summary>
    /// The broker's own specification of <paramref name="symbol"/> on the account: INVALID_ARGUMENT when the broker does
    /// not offer it (or offers it in a form the engine cannot model), NOT_AVAILABLE when the broker cannot be reached.
    /// </summary>
    public static async Task<SymbolSpec> SymbolAsync(IBrokerGateway gateway, BrokerSymbols symbols, string? symbol, string argument, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(symbol) || symbol.Trim().Length > 64)
        {
            throw ToolErrorException.InvalidArgument(argument, $"{argument} is required: the broker's symbol name (1 to 64 characters), such as EURUSD or EURUSD.m.");
        }

        try
        {
            return await Read(gateway, g => symbols.GetAsync(g, symbol.Trim(), cancellationToken)).ConfigureAwait(false);
        }
        catch (BrokerSymbolException error)
        {
            throw ToolErrorException.InvalidArgument(argument,
                $"The broker of '{gateway.Name}' has no usable symbol '{UntrustedText.Clean(symbol, 64)}': {UntrustedText.Clean(error.Message, 300)}");
        }
    }

    /// <summary>Runs a read, turning an unreachable venue into a NOT_AVAILABLE tool error.</summary>
    public static async Task<T> Read<T>(IBrokerGateway gateway, Func<IBrokerGateway, Task<T>> read)
    {
        try
        {
            return await read(gateway).ConfigureAwait(false);
        }
        catch (GatewayUnavailableException error)
        {
            throw new ToolErrorException(new ToolError(ToolErrorCodes.NotAvailable,
                $"Account '{gateway.Name}' ({gateway.Venue}) did not answer; try again when it is connected. ({UntrustedText.Clean(error.Message, 200)})",
                Retryable: error.IsTransient, "account"));
        }
    }
}
