using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MtMcp.MetaApi.Wire;

namespace MtMcp.MetaApi;

/// <summary>
/// <see cref="IBrokerGateway"/> over MetaApi's cloud REST API (the "MetaTrader account client API"): one MetaApi
/// account, read through its account information, positions, orders and history endpoints, traded through its
/// <c>trade</c> endpoint with a <c>clientId</c> per request, and quoted by polling the current price of subscribed
/// symbols. Trade results carry the MT5 retcode; a trade whose answer was lost is reconciled from the account's
/// orders, deals, history orders and positions by its clientId and never sent again on its own.
/// </summary>
/// <remarks>
/// Thread-safe. Listeners are called one at a time. MetaApi's REST API does not stream trade transactions: after each
/// trade this gateway executes it tells the listeners to read the state again (<see cref="BrokerTradeChange.Resync"/>);
/// changes made elsewhere (stops hit at the broker, manual trades) are seen on the next read. Every time is UTC.
/// </remarks>
public sealed partial class MetaApiGateway : IBrokerGateway, IAsyncDisposable
{
    private const int PageSize = 1000;

    private readonly MetaApiClient _client;
    private readonly MetaApiOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Tick> _quotes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _symbols = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _clientOrderIds = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly object _notifyGate = new();
    private readonly CancellationTokenSource _disposing = new();
    private IBrokerListener[] _listeners = [];
    private Task _poll = Task.CompletedTask;
    private AccountInfo _info;

    private MetaApiGateway(MetaApiClient client, MetaApiOptions options, AccountInfo info, TimeProvider time, ILogger logger)
    {
        _client = client;
        _options = options;
        _info = info;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Connects to the MetaApi account of <paramref name="options"/>: reads its account information (which decides
    /// DEMO or REAL) and returns the gateway. <paramref name="http"/> is used as given (its own timeout should be
    /// infinite or longer than <see cref="MetaApiOptions.RequestTimeout"/>, which this gateway enforces per request).
    /// </summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid.</exception>
    /// <exception cref="GatewayUnavailableException">MetaApi could not be reached, refused the token or does not know the account.</exception>
    public static async Task<MetaApiGateway> ConnectAsync(
        MetaApiOptions options, HttpClient http, TimeProvider time, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        logger ??= NullLogger.Instance;
        var client = new MetaApiClient(http, options, time, logger);
        var info = await client.GetAsync("account-information", MetaApiJsonContext.Default.AccountInformationDto, cancellationToken).ConfigureAwait(false);
        return new MetaApiGateway(client, options, MetaApiMapping.ToAccountInfo(info), time, logger);
    }

    /// <inheritdoc/>
    public string Name => _options.DisplayName;

    /// <inheritdoc/>
    public AccountInfo Info => Volatile.Read(ref _info);

    /// <inheritdoc/>
    public string Venue => "metaapi";

    /// <inheritdoc/>
    /// <remarks>Whether MetaApi answered the last request (below HTTP 500).</remarks>
    public bool IsConnected => _client.IsReachable;

    /// <summary>Whether this server lets the account trade (trading enabled, and the live switch for REAL accounts).</summary>
    public bool TradingEnabled => _options.AllowsTrading(Info.TradeMode);

    /// <inheritdoc/>
    public async Task<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        var dto = await _client.GetAsync("account-information", MetaApiJsonContext.Default.AccountInformationDto, cancellationToken).ConfigureAwait(false);
        var info = MetaApiMapping.ToAccountInfo(dto);
        Volatile.Write(ref _info, info);
        var balance = MetaApiMapping.Money(dto.Balance, info.CurrencyDigits);
        var credit = MetaApiMapping.Money(dto.Credit, info.CurrencyDigits);
        return new AccountSnapshot
        {
            Info = info,
            Balance = balance,
            Credit = credit,
            Profit = dto.Equity - (double)balance - (double)credit,
            Equity = dto.Equity,
            Margin = dto.Margin,
            MarginCall = dto.Margin > 0 && dto.MarginLevel is { } level && level <= info.MarginCall,
            TimeMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Position>> GetPositionsAsync(string? symbol = null, CancellationToken cancellationToken = default) =>
        [.. (await GetPositionStatesAsync(symbol, cancellationToken).ConfigureAwait(false)).Select(s => s.Position)];

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PositionState>> GetPositionStatesAsync(string? symbol = null, CancellationToken cancellationToken = default)
    {
        var rows = await _client.GetAsync("positions", MetaApiJsonContext.Default.PositionDtoArray, cancellationToken).ConfigureAwait(false);
        var digits = Info.CurrencyDigits;
        var positions = new List<PositionState>(rows.Length);
        foreach (var row in rows)
        {
            if (symbol is null || string.Equals(row.Symbol, symbol, StringComparison.OrdinalIgnoreCase))
            {
                positions.Add(new PositionState(MetaApiMapping.ToPosition(row, digits, ClientOrderId(row.ClientId)), row.CurrentPrice, row.Profit));
            }
        }

        return positions;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Order>> GetOrdersAsync(string? symbol = null, CancellationToken cancellationToken = default)
    {
        var rows = await _client.GetAsync("orders", MetaApiJsonContext.Default.OrderDtoArray, cancellationToken).ConfigureAwait(false);
        var orders = new List<Order>(rows.Length);
        foreach (var row in rows)
        {
            if (symbol is null || string.Equals(row.Symbol, symbol, StringComparison.OrdinalIgnoreCase))
            {
                orders.Add(MetaApiMapping.ToOrder(row, ClientOrderId(row.ClientId)));
            }
        }

        return orders;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Deal>> GetDealsAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var digits = Info.CurrencyDigits;
        var deals = new List<Deal>();
        foreach (var row in await ReadDealsAsync(query.FromMs, query.ToMs, cancellationToken).ConfigureAwait(false))
        {
            var deal = MetaApiMapping.ToDeal(row, digits);
            if (deal.TimeMs >= query.FromMs && deal.TimeMs < query.ToMs
                && (query.Symbol is null || deal.Symbol.Equals(query.Symbol, StringComparison.OrdinalIgnoreCase))
                && (query.Magic is null || deal.Magic == query.Magic))
            {
                deals.Add(deal);
            }
        }

        deals.Sort(static (a, b) => a.TimeMs != b.TimeMs ? a.TimeMs.CompareTo(b.TimeMs) : a.Ticket.CompareTo(b.Ticket));
        return deals;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Order>> GetHistoryOrdersAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var orders = new List<Order>();
        foreach (var row in await ReadHistoryOrdersAsync(query.FromMs, query.ToMs, cancellationToken).ConfigureAwait(false))
        {
            var order = MetaApiMapping.ToOrder(row, ClientOrderId(row.ClientId));
            var time = order.TimeDoneMs != 0 ? order.TimeDoneMs : order.TimeSetupMs;
            if (time >= query.FromMs && time < query.ToMs
                && (query.Symbol is null || order.Symbol.Equals(query.Symbol, StringComparison.OrdinalIgnoreCase))
                && (query.Magic is null || order.Magic == query.Magic))
            {
                orders.Add(order);
            }
        }

        orders.Sort(static (a, b) => (a.TimeDoneMs != 0 ? a.TimeDoneMs : a.TimeSetupMs).CompareTo(b.TimeDoneMs != 0 ? b.TimeDoneMs : b.TimeSetupMs));
        return orders;
    }

    /// <inheritdoc/>
    public async Task<OrderCheckResult> CheckAsync(TradeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var opens = request.Action is TradeAction.Deal or TradeAction.Pending && request.Position == 0;
        var account = await GetAccountAsync(cancellationToken).ConfigureAwait(false);
        if (!opens)
        {
            return CheckResult(account, TradeRetcode.Done, 0,
                "MetaApi has no order check; a request that opens nothing needs no margin and was not checked further.");
        }

        var buy = request.Type is OrderType.Buy or OrderType.BuyLimit or OrderType.BuyStop or OrderType.BuyStopLimit;
        var price = request.Price;
        if (price <= 0)
        {
            var quote = await GetQuoteAsync(request.Symbol, cancellationToken).ConfigureAwait(false);
            price = buy ? quote.Ask : quote.Bid;
        }

        var margin = await _client.CalculateAsync(
            "calculate-margin",
            new MarginOrderDto(request.Symbol, buy ? "ORDER_TYPE_BUY" : "ORDER_TYPE_SELL", request.Volume, price),
            MetaApiJsonContext.Default.MarginOrderDto,
            MetaApiJsonContext.Default.MarginDto,
            cancellationToken).ConfigureAwait(false);
        return margin.Margin <= account.MarginFree
            ? CheckResult(account, TradeRetcode.Done, margin.Margin, "The account's free margin covers the margin MetaApi calculated for this request.")
            : CheckResult(account, TradeRetcode.NoMoney, margin.Margin, string.Create(CultureInfo.InvariantCulture,
                $"The request needs {margin.Margin:0.##} {account.Info.Currency} of margin; the account has {account.MarginFree:0.##} free."));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TradeResult>> CloseAllAsync(PositionFilter filter, TradeOrigin origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = await _client.GetAsync("positions", MetaApiJsonContext.Default.PositionDtoArray, cancellationToken).ConfigureAwait(false);
        var results = new List<TradeResult>();
        foreach (var row in rows)
        {
            var position = MetaApiMapping.ToPosition(row, Info.CurrencyDigits, null);
            if (!Matches(filter, position, row.Profit))
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

    /// <summary>Stops polling quotes and abandons reconciliations in progress.</summary>
    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync().ConfigureAwait(false);
        try
        {
            await _poll.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _disposing.Dispose();
    }

    /// <summary>MetaApi's profit includes swap and commission, which is the sign <see cref="PositionFilter.Profit"/> asks about.</summary>
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

    private static OrderCheckResult CheckResult(AccountSnapshot account, TradeRetcode retcode, double required, string message)
    {
        var margin = account.Margin + required;
        return new OrderCheckResult
        {
            Retcode = retcode,
            Message = message,
            Balance = account.Balance,
            Equity = account.Equity,
            Profit = account.Profit,
            RequiredMargin = required,
            Margin = margin,
            MarginFree = account.Equity - margin,
            MarginLevel = margin > 0 ? account.Equity / margin * 100 : null,
        };
    }

    /// <summary>Our client order id of a MetaApi clientId this gateway assigned, or null.</summary>
    private string? ClientOrderId(string? clientId) =>
        clientId is not null && _clientOrderIds.TryGetValue(clientId, out var id) ? id : null;

    private Task<List<DealDto>> ReadDealsAsync(long fromMs, long toMs, CancellationToken cancellationToken) =>
        ReadPagesAsync("history-deals/time/", fromMs, toMs, MetaApiJsonContext.Default.DealDtoArray, cancellationToken);

    private Task<List<OrderDto>> ReadHistoryOrdersAsync(long fromMs, long toMs, CancellationToken cancellationToken) =>
        ReadPagesAsync("history-orders/time/", fromMs, toMs, MetaApiJsonContext.Default.OrderDtoArray, cancellationToken);

    /// <summary>Every page of a time-range endpoint (MetaApi returns at most 1000 rows per request).</summary>
    private async Task<List<T>> ReadPagesAsync<T>(
        string path, long fromMs, long toMs, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T[]> type, CancellationToken cancellationToken)
    {
        // The open ends of a query (HistoryQuery.All) become the epoch and a day past now.
        var from = Math.Max(fromMs, 0);
        var to = Math.Min(toMs, _time.GetUtcNow().ToUnixTimeMilliseconds() + (long)TimeSpan.FromDays(1).TotalMilliseconds);
        var rows = new List<T>();
        if (to <= from)
        {
            return rows;
        }

        var range = path + MetaApiMapping.Iso(from) + "/" + MetaApiMapping.Iso(to);
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await _client.GetAsync(
                string.Create(CultureInfo.InvariantCulture, $"{range}?offset={offset}&limit={PageSize}"), type, cancellationToken).ConfigureAwait(false);
            rows.AddRange(page);
            if (page.Length < PageSize)
            {
                return rows;
            }
        }
    }

    private void Unlisten(IBrokerListener listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners.Where(l => !ReferenceEquals(l, listener))];
        }
    }

    private void Notify(BrokerTradeChange change)
    {
        lock (_notifyGate)
        {
            foreach (var listener in Volatile.Read(ref _listeners))
            {
                listener.OnTradeChange(change);
            }
        }
    }

    private sealed class Registration(MetaApiGateway gateway, IBrokerListener listener) : IDisposable
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
