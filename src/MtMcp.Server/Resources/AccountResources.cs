using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using MtMcp.Paper;
using MtMcp.Server.Market;
using MtMcp.Server.Tools;

namespace MtMcp.Server.Resources;

/// <summary>
/// The account resources of paper and broker accounts: the account's state, its open positions and its working orders
/// (JSON, the shapes of <c>get_account</c>, <c>get_positions</c> and <c>get_orders</c>; a broker account's read from its
/// broker). Subscribers are told when a trade, a fill or (throttled) a quote that moves the floating profit changes them.
/// </summary>
[McpServerResourceType]
internal sealed class AccountResources(ServerSettings settings, PaperVenue venue, AccountDirectory accounts)
{
    [McpServerResource(UriTemplate = ResourceUris.Account, Name = "account", Title = "Account state", MimeType = ResourceUris.Json)]
    [Description("An account's balance, equity, margin, free margin, margin level, leverage, currency and modes.")]
    public async Task<string> Account([Description("Account name, e.g. demo.")] string account, CancellationToken cancellationToken)
    {
        if (accounts.TryGetBroker(account, out var broker))
        {
            return JsonSerializer.Serialize(await BrokerRead(() => BrokerAccountViews.DetailsAsync(broker, settings, cancellationToken)).ConfigureAwait(false), ServerJsonContext.Default.AccountDetails);
        }

        var (service, name) = await ResolveAsync(account, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Serialize(AccountViews.Details(service, name, settings), ServerJsonContext.Default.AccountDetails);
    }

    [McpServerResource(UriTemplate = ResourceUris.Positions, Name = "positions", Title = "Open positions", MimeType = ResourceUris.Json)]
    [Description("An account's open positions with current price and floating profit.")]
    public async Task<string> Positions([Description("Account name, e.g. demo.")] string account, CancellationToken cancellationToken)
    {
        if (accounts.TryGetBroker(account, out var broker))
        {
            return JsonSerializer.Serialize(await BrokerRead(() => BrokerAccountViews.PositionsAsync(broker, null, cancellationToken)).ConfigureAwait(false), ServerJsonContext.Default.PositionList);
        }

        var (service, name) = await ResolveAsync(account, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Serialize(AccountViews.Positions(service, name, null), ServerJsonContext.Default.PositionList);
    }

    [McpServerResource(UriTemplate = ResourceUris.Orders, Name = "orders", Title = "Working orders", MimeType = ResourceUris.Json)]
    [Description("An account's working (pending) orders.")]
    public async Task<string> Orders([Description("Account name, e.g. demo.")] string account, CancellationToken cancellationToken)
    {
        if (accounts.TryGetBroker(account, out var broker))
        {
            return JsonSerializer.Serialize(await BrokerRead(() => BrokerAccountViews.OrdersAsync(broker, null, cancellationToken)).ConfigureAwait(false), ServerJsonContext.Default.OrderList);
        }

        var (service, name) = await ResolveAsync(account, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Serialize(AccountViews.Orders(service, name, null), ServerJsonContext.Default.OrderList);
    }

    // A broker that cannot be read answers as a resource error naming the account, like an unknown one.
    private static async Task<T> BrokerRead<T>(Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (ToolErrorException error)
        {
            throw new McpProtocolException(error.Message, McpErrorCode.InternalError);
        }
    }

    private async Task<(PaperTradingService Service, string Name)> ResolveAsync(string account, CancellationToken cancellationToken)
    {
        var service = await venue.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (service, TradingMap.Account(service, account));
        }
        catch (ToolErrorException error)
        {
            throw new McpProtocolException(error.Message, McpErrorCode.ResourceNotFound);
        }
    }
}
