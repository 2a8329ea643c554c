using System.Globalization;
using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Paper;
using MtMcp.Server.Market;

namespace MtMcp.Server.Tools;

/// <summary>
/// The account a trading tool acts on: a paper account (its service runs the risk gate and the journal) or a broker
/// account (the same gate and audit chain in <see cref="BrokerOrderPath"/>, then its gateway sends to the broker and
/// reconciles lost answers). One of the two is set.
/// </summary>
internal sealed class TradingTarget
{
    private readonly BrokerOrderPath _orderPath;

    private TradingTarget(string name, PaperTradingService? paper, IBrokerGateway? broker, BrokerOrderPath orderPath)
    {
        Name = name;
        Paper = paper;
        Broker = broker;
        _orderPath = orderPath;
    }

    /// <summary>The account's name.</summary>
    public string Name { get; }

    /// <summary>The paper service, for a paper account.</summary>
    public PaperTradingService? Paper { get; }

    /// <summary>The gateway, for a broker account.</summary>
    public IBrokerGateway? Broker { get; }

    /// <summary>The account <paramref name="account"/> names (UNKNOWN_ACCOUNT when none does).</summary>
    public static async Task<TradingTarget> ResolveAsync(
        AccountDirectory accounts, PaperVenue venue, BrokerOrderPath orderPath, string? account, CancellationToken cancellationToken)
    {
        if (accounts.TryGetBroker(account, out var gateway))
        {
            return new TradingTarget(gateway.Name, null, gateway, orderPath);
        }

        var service = await venue.GetAsync(cancellationToken).ConfigureAwait(false);
        return new TradingTarget(TradingMap.Account(service, account), service, null, orderPath);
    }

    /// <summary>
    /// The symbol <paramref name="symbol"/> names on this account: the server's catalogue for a paper account, the
    /// broker's own specification for a broker account (INVALID_ARGUMENT when there is none).
    /// </summary>
    public async Task<SymbolSpec> SymbolAsync(string? symbol, CancellationToken cancellationToken) =>
        Broker is { } gateway
            ? await BrokerAccountViews.SymbolAsync(gateway, _orderPath.Symbols, symbol, "symbol", cancellationToken).ConfigureAwait(false)
            : Args.Symbol(_orderPath.Symbols.ServerCatalog, symbol);

    /// <summary>Sends <paramref name="request"/> through the account's order path.</summary>
    public async Task<TradeResult> SendAsync(TradeRequest request, TradeOrigin origin, CancellationToken cancellationToken) =>
        Broker is { } gateway
            ? await _orderPath.SendAsync(gateway, request, origin, cancellationToken).ConfigureAwait(false)
            : Paper!.Send(Name, request, origin);

    /// <summary>Closes the positions matching <paramref name="filter"/>, one result each.</summary>
    public async Task<IReadOnlyList<TradeResult>> CloseAllAsync(PositionFilter filter, TradeOrigin origin, CancellationToken cancellationToken) =>
        Broker is { } gateway
            ? await BrokerAccountViews.Read(gateway, g => _orderPath.CloseAllAsync(g, filter, origin, cancellationToken)).ConfigureAwait(false)
            : Paper!.CloseAll(Name, filter, origin);

    /// <summary>A working order by ticket, or INVALID_ARGUMENT naming it.</summary>
    public async Task<Order> WorkingOrderAsync(long ticket, CancellationToken cancellationToken) =>
        Broker is { } gateway
            ? await BrokerAccountViews.OrderAsync(gateway, ticket, cancellationToken).ConfigureAwait(false)
            : Paper!.Read(Name, a => a.Orders.FirstOrDefault(o => (long)o.Ticket == ticket))
                ?? throw ToolErrorException.InvalidArgument("ticket", string.Create(CultureInfo.InvariantCulture, $"{Name} has no pending order #{ticket} (get_orders lists them)."));

    /// <summary>An open position by ticket, or INVALID_ARGUMENT naming it.</summary>
    public async Task<Position> OpenPositionAsync(long ticket, CancellationToken cancellationToken) =>
        Broker is { } gateway
            ? await BrokerAccountViews.PositionAsync(gateway, ticket, cancellationToken).ConfigureAwait(false)
            : Paper!.Read(Name, a => a.Positions.FirstOrDefault(p => (long)p.Ticket == ticket))
                ?? throw ToolErrorException.InvalidArgument("ticket", string.Create(CultureInfo.InvariantCulture, $"{Name} has no open position #{ticket} (get_positions lists them)."));
}
