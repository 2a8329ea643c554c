using System.Globalization;
using Microsoft.Extensions.Logging;

namespace MtMcp.Gateways.Bridge;

/// <summary>
/// <see cref="IBrokerGateway"/> over the MetaTrader bridge: one account, served by whichever <see cref="BridgeSession"/>
/// of its key is connected now (a reconnecting terminal is picked up without the callers noticing). Quotes and trade
/// transactions stream to the listeners; trade results carry the MT5 retcode, and an uncertain outcome is reconciled
/// from the terminal's orders, positions and history by the request's tag before anything can be sent again.
/// </summary>
/// <remarks>
/// Thread-safe. Listeners are called on the gateway's event loop, one event at a time. Every time is UTC (broker
/// server time is converted by the session).
/// </remarks>
public sealed partial class BridgeBrokerGateway : IBrokerGateway, IAsyncDisposable
{
    private readonly BridgeSessions _sessions;
    private readonly BridgeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    // A plain dictionary under a lock: an update in place allocates nothing (ConcurrentDictionary allocates a node per
    // update of a large struct), and the lock is uncontended on the tick path.
    private readonly Dictionary<string, Tick> _quotes = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly CancellationTokenSource _disposing = new();
    private IBrokerListener[] _listeners = [];
    private BridgeSession? _session;
    private Task _pump = Task.CompletedTask;
    private AccountInfo _info;

    /// <summary>Creates the gateway of <paramref name="session"/>'s account and starts reading its events.</summary>
    public BridgeBrokerGateway(string name, BridgeSession session, BridgeSessions sessions, BridgeOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(session);
        Name = name;
        Key = session.Key;
        _sessions = sessions;
        _options = options;
        _time = time;
        _logger = logger;
        _info = session.Info.Account;
        Attach(session);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The bridged account's platform, server and login.</summary>
    public BridgeAccountKey Key { get; }

    /// <inheritdoc/>
    public AccountInfo Info => Volatile.Read(ref _info);

    /// <inheritdoc/>
    public string Venue => "metatrader";

    /// <inheritdoc/>
    public bool IsConnected => Volatile.Read(ref _session)?.IsConnected == true;

    /// <summary>Whether this server lets the account trade (trading enabled, and the live switch for REAL accounts).</summary>
    public bool TradingEnabled => _options.AllowsTrading(Info.TradeMode);

    /// <summary>
    /// Serves the account through <paramref name="session"/> from now on (the listener's replacement after a reconnect),
    /// and tells the listeners to read the state again: changes made while the link was down were not streamed.
    /// </summary>
    /// <exception cref="ArgumentException">The session serves another account.</exception>
    public void Attach(BridgeSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Key != Key)
        {
            throw new ArgumentException($"Session {session.ConnectionId} serves another account than gateway '{Name}'.", nameof(session));
        }

        lock (_gate)
        {
            if (ReferenceEquals(_session, session))
            {
                return;
            }

            var reconnect = _session is not null;
            Volatile.Write(ref _info, session.Info.Account);
            Volatile.Write(ref _session, session);
            var previous = _pump;

            // One pump at a time keeps the listeners' calls sequential: the new one starts when the old session's events end.
            _pump = Task.Run(async () =>
            {
                await previous.ConfigureAwait(false);
                if (reconnect)
                {
                    Notify(BrokerTradeChange.Resync);
                }

                await PumpAsync(session).ConfigureAwait(false);
            });
        }
    }

    /// <inheritdoc/>
    public bool TryGetQuote(string symbol, out Tick tick)
    {
        lock (_quotes)
        {
            return _quotes.TryGetValue(symbol, out tick);
        }
    }

    /// <summary>
    /// The latest quote of <paramref name="symbol"/>: the streamed one, or (before the first tick) the terminal's last
    /// tick, subscribing the symbol so the next ones stream.
    /// </summary>
    /// <exception cref="GatewayUnavailableException">The terminal cannot be reached or does not know the symbol.</exception>
    public async Task<Tick> GetQuoteAsync(string symbol, CancellationToken cancellationToken = default)
    {
        if (TryGetQuote(symbol, out var streamed))
        {
            return streamed;
        }

        await SubscribeAsync(symbol, cancellationToken).ConfigureAwait(false);
        var last = await ReadAsync(s => s.GetLastTickAsync(symbol, cancellationToken)).ConfigureAwait(false);

        // A tick streamed meanwhile is newer than the answer.
        lock (_quotes)
        {
            return _quotes.TryAdd(symbol, last) ? last : _quotes[symbol];
        }
    }

    /// <inheritdoc/>
    public async Task<SymbolSpec> GetSymbolSpecAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        try
        {
            return await ReadAsync(s => s.GetSymbolSpecAsync(symbol, Info.Currency, cancellationToken)).ConfigureAwait(false);
        }
        catch (GatewayUnavailableException ex) when (ex.InnerException is BridgeException
            {
                Code: BridgeErrorCodes.SymbolNotFound or BridgeErrorCodes.Unsupported or BridgeErrorCodes.InvalidArgument,
            } answer)
        {
            throw new BrokerSymbolException($"The terminal of account '{Name}' has no usable specification of '{symbol}': {answer.Code} {answer.Message}", ex);
        }
    }

    /// <inheritdoc/>
    public IDisposable Listen(IBrokerListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }

        return new Registration(this, listener);
    }

    /// <inheritdoc/>
    public async Task SubscribeAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);

        // Registered first, so a terminal that reconnects meanwhile gets it in its welcome.
        _sessions.AddTickSubscription(Key, symbol);
        await ReadAsync(s => s.SubscribeTicksAsync([symbol], cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        var state = await ReadAsync(s => s.GetAccountAsync(cancellationToken)).ConfigureAwait(false);
        Volatile.Write(ref _info, state.Info);
        return new AccountSnapshot
        {
            Info = state.Info,
            Balance = state.Balance,
            Credit = state.Credit,
            Profit = state.Profit,
            Equity = state.Equity,
            Margin = state.Margin,
            MarginCall = state.Margin > 0 && state.MarginLevel > 0 && state.MarginLevel <= state.Info.MarginCall,
            TimeMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<Position>> GetPositionsAsync(string? symbol = null, CancellationToken cancellationToken = default) =>
        ReadAsync(s => s.ListPositionsAsync(symbol, cancellationToken));

    /// <inheritdoc/>
    public Task<IReadOnlyList<PositionState>> GetPositionStatesAsync(string? symbol = null, CancellationToken cancellationToken = default) =>
        ReadAsync(s => s.ListPositionStatesAsync(symbol, cancellationToken));

    /// <inheritdoc/>
    public Task<IReadOnlyList<Order>> GetOrdersAsync(string? symbol = null, CancellationToken cancellationToken = default) =>
        ReadAsync(s => s.ListOrdersAsync(symbol, cancellationToken));

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Deal>> GetDealsAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var deals = await ReadAsync(s => s.ListDealsAsync(query.FromMs, query.ToMs, query.Symbol, cancellationToken)).ConfigureAwait(false);

        // The terminal selects by whole server-time seconds; the query is in milliseconds.
        var rows = new List<Deal>(deals.Count);
        foreach (var deal in deals)
        {
            if (deal.TimeMs >= query.FromMs && deal.TimeMs < query.ToMs && (query.Magic is null || deal.Magic == query.Magic))
            {
                rows.Add(deal);
            }
        }

        return rows;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Order>> GetHistoryOrdersAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var orders = await ReadAsync(s => s.ListHistoryOrdersAsync(query.FromMs, query.ToMs, query.Symbol, cancellationToken)).ConfigureAwait(false);
        var rows = new List<Order>(orders.Count);
        foreach (var order in orders)
        {
            var time = order.TimeDoneMs != 0 ? order.TimeDoneMs : order.TimeSetupMs;
            if (time >= query.FromMs && time < query.ToMs && (query.Magic is null || order.Magic == query.Magic))
            {
                rows.Add(order);
            }
        }

        return rows;
    }

    /// <inheritdoc/>
    public Task<OrderCheckResult> CheckAsync(TradeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ReadAsync(s => s.CheckOrderAsync(request, cancellationToken));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TradeResult>> CloseAllAsync(PositionFilter filter, TradeOrigin origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var positions = await GetPositionStatesAsync(filter.Symbol, cancellationToken).ConfigureAwait(false);
        var results = new List<TradeResult>();
        foreach (var (position, _, profit) in positions)
        {
            if (!Matches(filter, position, profit + (double)position.Swap))
            {
                continue;
            }

            var close = new TradeRequest
            {
                Action = TradeAction.Deal,
                Symbol = position.Symbol,
                Position = position.Ticket,
                Type = position.Type == PositionType.Buy ? OrderType.Sell : OrderType.Buy,
                Volume = position.Volume,
                Magic = position.Magic,
            };
            results.Add(await SendAsync(close, origin, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TradeResult>> CancelAllAsync(OrderFilter filter, TradeOrigin origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var orders = await GetOrdersAsync(filter.Symbol, cancellationToken).ConfigureAwait(false);
        var results = new List<TradeResult>();
        foreach (var order in orders)
        {
            if ((filter.Type is null || order.Type == filter.Type) && (filter.Magic is null || order.Magic == filter.Magic))
            {
                var remove = new TradeRequest { Action = TradeAction.Remove, Order = order.Ticket, Symbol = order.Symbol };
                results.Add(await SendAsync(remove, origin, cancellationToken).ConfigureAwait(false));
            }
        }

        return results;
    }

    /// <summary>Stops reading events; the sessions themselves belong to the listener.</summary>
    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _disposing.Dispose();
    }

    private static bool Matches(PositionFilter filter, Position position, double profit) =>
        (filter.Symbol is null || position.Symbol.Equals(filter.Symbol, StringComparison.OrdinalIgnoreCase))
        && (filter.Type is null || position.Type == filter.Type)
        && (filter.Magic is null || position.Magic == filter.Magic)
        && filter.Profit switch
        {
            ProfitSign.Profit => profit > 0,
            ProfitSign.Loss => profit < 0,
            _ => true,
        };

    private async Task PumpAsync(BridgeSession session)
    {
        var events = session.Events;
        try
        {
            while (await events.WaitToReadAsync(_disposing.Token).ConfigureAwait(false))
            {
                while (events.TryRead(out var item))
                {
                    switch (item)
                    {
                        case BridgeTickEvent tick:
                            lock (_quotes)
                            {
                                _quotes[tick.Symbol] = tick.Tick;
                            }

                            foreach (var listener in Volatile.Read(ref _listeners))
                            {
                                listener.OnQuote(tick.Symbol, tick.Tick);
                            }

                            break;
                        case BridgeTradeTransactionEvent { Transaction: var tx }:
                            Notify(new BrokerTradeChange(tx.Type, tx.Symbol, tx.Order, tx.Deal, tx.Position));
                            break;
                        case BridgeSequenceGapEvent:
                            Notify(BrokerTradeChange.Resync);
                            break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_disposing.IsCancellationRequested)
        {
        }
    }

    private void Notify(BrokerTradeChange change)
    {
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            listener.OnTradeChange(change);
        }
    }

    private void Unlisten(IBrokerListener listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners.Where(l => !ReferenceEquals(l, listener))];
        }
    }

    /// <summary>Runs a read on the connected session, turning link failures into <see cref="GatewayUnavailableException"/>.</summary>
    private async Task<T> ReadAsync<T>(Func<BridgeSession, Task<T>> read)
    {
        var session = ConnectedSession()
            ?? throw new GatewayUnavailableException($"The MetaTrader terminal of account '{Name}' is not connected to the bridge.", isTransient: true);
        try
        {
            return await read(session).ConfigureAwait(false);
        }
        catch (BridgeException ex)
        {
            throw new GatewayUnavailableException(
                string.Create(CultureInfo.InvariantCulture, $"The terminal of account '{Name}' did not answer: {ex.Code} {ex.Message}"), ex.IsTransient, ex);
        }
    }

    private async Task ReadAsync(Func<BridgeSession, Task> read) =>
        await ReadAsync<bool>(async s =>
        {
            await read(s).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    private BridgeSession? ConnectedSession()
    {
        if (Volatile.Read(ref _session) is { IsConnected: true } current)
        {
            return current;
        }

        return _sessions.TryGet(Key, out var session) && session.IsConnected ? session : null;
    }

    private sealed class Registration(BridgeBrokerGateway gateway, IBrokerListener listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gateway.Unlisten(listener);
            }
        }
    }
}
