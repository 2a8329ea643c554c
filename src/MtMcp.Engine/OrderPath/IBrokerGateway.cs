namespace MtMcp.Engine;

/// <summary>
/// One account at one venue: the last step of the order path (DESIGN.md: "IBrokerGateway.Send (SimulatedVenue |
/// MetaTrader bridge | MetaApi)"). Reads the account, its positions, orders and history, streams quotes, and sends
/// trade requests whose answers carry the MT5 retcode and its outcome class.
/// </summary>
/// <remarks>
/// Implementations are thread-safe. Business outcomes (broker refusals, a lost answer) are values, never exceptions:
/// <see cref="SendAsync"/> returns <see cref="TradeOutcome.Uncertain"/> only when the venue's state could not be read
/// back, and never sends a request a second time on its own. Times are UTC.
/// </remarks>
public interface IBrokerGateway
{
    /// <summary>The name the server lists the account under.</summary>
    string Name { get; }

    /// <summary>What the account is reached through, as audit records and quote sources name it: <c>metatrader</c> (a terminal on the bridge) or <c>metaapi</c>.</summary>
    string Venue { get; }

    /// <summary>The account's description: login, server, currency, leverage, trade mode (DEMO/CONTEST/REAL), margin mode.</summary>
    AccountInfo Info { get; }

    /// <summary>Whether the venue is reachable now (a bridged terminal is connected).</summary>
    bool IsConnected { get; }

    /// <summary>
    /// Whether this server may send orders to the account: live mode, and for a REAL account the explicit
    /// <c>trading.live.real_accounts</c> setting. A send while false is refused without reaching the venue.
    /// </summary>
    bool TradingEnabled { get; }

    /// <summary>Balance, equity, margin and the account's description now.</summary>
    /// <exception cref="GatewayUnavailableException">The venue cannot be reached.</exception>
    Task<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken = default);

    /// <summary>Open positions, optionally of one symbol.</summary>
    /// <exception cref="GatewayUnavailableException">The venue cannot be reached.</exception>
    Task<IReadOnlyList<Position>> GetPositionsAsync(string? symbol = null, CancellationToken cancellationToken = default);

    /// <summary>Open positions, optionally of one symbol, with the venue's current price and floating profit of each.</summary>
    /// <exception cref="GatewayUnavailableException">The venue cannot be reached.</exception>
    Task<IReadOnlyList<PositionState>> GetPositionStatesAsync(string? symbol = null, CancellationToken cancellationToken = default);

    /// <summary>Working (pending) orders, optionally of one symbol.</summary>
    /// <exception cref="GatewayUnavailableException">The venue cannot be reached.</exception>
    Task<IReadOnlyList<Order>> GetOrdersAsync(string? symbol = null, CancellationToken cancellationToken = default);

    /// <summary>Deals of a time range, oldest first.</summary>
    /// <exception cref="GatewayUnavailableException">The venue cannot be reached.</exception>
    Task<IReadOnlyList<Deal>> GetDealsAsync(HistoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>Finished orders of a time range, oldest first.</summary>
    /// <exception cref="GatewayUnavailableException">The venue cannot be reached.</exception>
    Task<IReadOnlyList<Order>> GetHistoryOrdersAsync(HistoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>The latest quote of <paramref name="symbol"/> the venue streamed; false before the first one.</summary>
    bool TryGetQuote(string symbol, out Tick tick);

    /// <summary>The current quote of <paramref name="symbol"/>, asked of the venue when none has streamed yet.</summary>
    /// <exception cref="GatewayUnavailableException">The venue cannot be reached or does not quote the symbol.</exception>
    Task<Tick> GetQuoteAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>
    /// The broker's specification of <paramref name="symbol"/> (contract size, digits, volumes, calc mode, margins,
    /// swaps, sessions in UTC), with its ESMA category inferred from it (<see cref="EsmaLeverage.Infer"/>).
    /// </summary>
    /// <exception cref="GatewayUnavailableException">The venue cannot be reached.</exception>
    /// <exception cref="BrokerSymbolException">The broker does not offer the symbol, or its specification cannot be modelled.</exception>
    Task<SymbolSpec> GetSymbolSpecAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>Starts streaming quotes of <paramref name="symbol"/> to the listeners (idempotent; survives reconnects).</summary>
    /// <exception cref="GatewayUnavailableException">The venue cannot be reached.</exception>
    Task SubscribeAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>Adds a listener for quotes and trade changes; dispose the result to remove it.</summary>
    IDisposable Listen(IBrokerListener listener);

    /// <summary>
    /// Sends <paramref name="request"/>. Sending a client order id again returns the first final result without
    /// sending; an uncertain answer is reconciled from the venue's orders, positions and history before anything else.
    /// </summary>
    Task<TradeResult> SendAsync(TradeRequest request, TradeOrigin origin, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether a send of <paramref name="clientOrderId"/> finished, is in flight or stayed uncertain: sending the id
    /// again answers from that send (or reconciles it) and never reaches the venue as a new order.
    /// </summary>
    bool IsKnownClientOrder(string clientOrderId);

    /// <summary>Checks a request without sending it (MT5 OrderCheck).</summary>
    /// <exception cref="GatewayUnavailableException">The venue cannot be reached.</exception>
    Task<OrderCheckResult> CheckAsync(TradeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Closes every open position matching <paramref name="filter"/>, one result per position.</summary>
    /// <exception cref="GatewayUnavailableException">The venue cannot be reached.</exception>
    Task<IReadOnlyList<TradeResult>> CloseAllAsync(PositionFilter filter, TradeOrigin origin, CancellationToken cancellationToken = default);

    /// <summary>Cancels every working order matching <paramref name="filter"/>, one result per order.</summary>
    /// <exception cref="GatewayUnavailableException">The venue cannot be reached.</exception>
    Task<IReadOnlyList<TradeResult>> CancelAllAsync(OrderFilter filter, TradeOrigin origin, CancellationToken cancellationToken = default);
}
