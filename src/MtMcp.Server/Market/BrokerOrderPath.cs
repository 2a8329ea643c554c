using System.Collections.Concurrent;
using MtMcp.Domain;
using MtMcp.Engine;
using MtMcp.Paper;
using MtMcp.Risk;

namespace MtMcp.Server.Market;

/// <summary>
/// The order path of broker accounts (MetaTrader terminals on the bridge, MetaApi), the same as the paper venue's (docs/bridge.md "Risk gate and audit"):
/// the paper venue's <see cref="PreTradeGate"/> evaluates every request against a risk view of the broker's state, a
/// refusal never reaches the broker, and the intent, the decision, the request handed to the gateway and its result
/// go into the paper journal's audit chain (<c>&lt;data-dir&gt;/paper/accounts.db</c>), so <c>verify_audit_log</c>
/// covers every venue with one chain.
/// </summary>
/// <remarks>
/// One request per account at a time (the gate expects a single writer per account, and counting positions and orders
/// is only right if no other order of the account is in flight). Thread-safe.
/// </remarks>
internal sealed class BrokerOrderPath(PaperVenue venue, BrokerSymbols symbols, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The broker accounts' own symbol specifications, which the gate's view of each account uses.</summary>
    public BrokerSymbols Symbols => symbols;

    /// <summary>The gate (and kill switch) every venue shares.</summary>
    public PreTradeGate Gate => venue.Gate;

    /// <summary>
    /// Evaluates <paramref name="request"/> with the gate, audits it, and sends it to the broker only when allowed.
    /// A refusal comes back as a rejected result carrying <see cref="TradeResult.RiskCheck"/>.
    /// </summary>
    /// <remarks>
    /// Once handed to the gateway the send is not cancelled with the caller: its result (final, or uncertain and then
    /// reconciled) must reach the audit chain; the gateway's own time-outs bound the wait.
    /// </remarks>
    public async Task<TradeResult> SendAsync(IBrokerGateway gateway, TradeRequest request, TradeOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(origin);

        // The id is fixed here, not in the gateway, so every audit record of the request carries it.
        if (request.ClientOrderId is null)
        {
            request = request with { ClientOrderId = "mcp-" + Guid.NewGuid().ToString("N") };
        }

        var lane = _lanes.GetOrAdd(gateway.Name, static _ => new Lane());
        await lane.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = Now();
            var decision = gateway.IsKnownClientOrder(request.ClientOrderId!)
                ? GateDecision.Allow(request) with { Message = "The client order id was sent before: the gateway answers from that send and sends nothing new." }
                : await EvaluateAsync(gateway, lane, request, origin, cancellationToken).ConfigureAwait(false);
            List<AuditRecord> records =
            [
                AuditRecords.Intent(gateway.Name, request, origin, now),
                AuditRecords.Decision(gateway.Name, decision, origin, now),
            ];
            if (!decision.Allowed)
            {
                var refused = Refused(gateway, request, decision, now);
                records.Add(AuditRecords.Result(gateway.Name, refused, origin));
                await venue.AppendAuditAsync(records, cancellationToken).ConfigureAwait(false);
                return refused;
            }

            // Written before the broker sees the request: an order can never be on the venue without its trail.
            records.Add(AuditRecords.GatewayRequest(gateway.Name, gateway.Venue, decision.Request, origin, now));
            await venue.AppendAuditAsync(records, cancellationToken).ConfigureAwait(false);
            var result = await gateway.SendAsync(decision.Request, origin, CancellationToken.None).ConfigureAwait(false);
            await venue.AppendAuditAsync([AuditRecords.Result(gateway.Name, result, origin)], CancellationToken.None).ConfigureAwait(false);
            return result;
        }
        finally
        {
            lane.Lock.Release();
        }
    }

    /// <summary>Cancels the working orders matching <paramref name="filter"/> through the gateway, audited like the paper venue's bulk steps.</summary>
    /// <exception cref="GatewayUnavailableException">The broker cannot be reached.</exception>
    public Task<IReadOnlyList<TradeResult>> CancelAllAsync(IBrokerGateway gateway, OrderFilter filter, TradeOrigin origin, CancellationToken cancellationToken) =>
        BulkAsync(gateway, "cancel_all", origin, () => gateway.CancelAllAsync(filter, origin, CancellationToken.None), cancellationToken);

    /// <summary>Closes the positions matching <paramref name="filter"/> through the gateway, audited like the paper venue's bulk steps.</summary>
    /// <exception cref="GatewayUnavailableException">The broker cannot be reached.</exception>
    public Task<IReadOnlyList<TradeResult>> CloseAllAsync(IBrokerGateway gateway, PositionFilter filter, TradeOrigin origin, CancellationToken cancellationToken) =>
        BulkAsync(gateway, "close_all", origin, () => gateway.CloseAllAsync(filter, origin, CancellationToken.None), cancellationToken);

    /// <summary>
    /// Acts on the kill switch engaged for <paramref name="gateway"/>'s account (or globally): cancels every working
    /// order and, when <paramref name="closePositions"/>, closes every position through the gateway, all audited.
    /// </summary>
    /// <exception cref="GatewayUnavailableException">The broker cannot be reached.</exception>
    public async Task<KillSwitchAccountActions> FlattenAsync(
        IBrokerGateway gateway, bool global, bool newlyEngaged, bool closePositions, string reason, TradeOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        await venue.AppendAuditAsync([new AuditRecord("kill_switch", Now(), gateway.Name, origin.Actor, origin.Channel, null, new CanonicalJson()
            .Add("action", "engage").Add("scope", global ? "global" : "account").Add("reason", reason)
            .Add("close_positions", closePositions).Add("newly_engaged", newlyEngaged).Add("venue", gateway.Venue).ToString())], cancellationToken).ConfigureAwait(false);
        var cancelled = await CancelAllAsync(gateway, OrderFilter.All, origin, cancellationToken).ConfigureAwait(false);
        var closed = closePositions
            ? await CloseAllAsync(gateway, PositionFilter.All, origin, cancellationToken).ConfigureAwait(false)
            : [];
        return new KillSwitchAccountActions(gateway.Name, cancelled, closed);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var lane in _lanes.Values)
        {
            lane.Dispose();
        }
    }

    private async Task<IReadOnlyList<TradeResult>> BulkAsync(
        IBrokerGateway gateway, string kind, TradeOrigin origin, Func<Task<IReadOnlyList<TradeResult>>> step, CancellationToken cancellationToken)
    {
        var lane = _lanes.GetOrAdd(gateway.Name, static _ => new Lane());
        await lane.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await venue.AppendAuditAsync([new AuditRecord(kind, Now(), gateway.Name, origin.Actor, origin.Channel, null, "{}")], cancellationToken).ConfigureAwait(false);
            var results = await step().ConfigureAwait(false);
            var records = new AuditRecord[results.Count];
            for (var i = 0; i < results.Count; i++)
            {
                records[i] = AuditRecords.Result(gateway.Name, results[i], origin);
            }

            await venue.AppendAuditAsync(records, CancellationToken.None).ConfigureAwait(false);
            return results;
        }
        finally
        {
            lane.Lock.Release();
        }
    }

    private async Task<GateDecision> EvaluateAsync(IBrokerGateway gateway, Lane lane, TradeRequest request, TradeOrigin origin, CancellationToken cancellationToken)
    {
        TradingAccount view;
        try
        {
            view = await ReadViewAsync(gateway, lane, ReducesOnly(request) ? null : request.Symbol, whole: false, atMarket: true, cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayUnavailableException e)
        {
            return Refuse(request, $"The state of {gateway.Name} could not be read from its broker ({e.Message}), so the order cannot be checked against the risk limits; nothing was sent.");
        }
        catch (InvalidOperationException e)
        {
            // A position or a conversion pair without a quote: the account cannot be valued, so nothing new may go out.
            return Refuse(request, $"The state of {gateway.Name} cannot be valued for the risk check ({e.Message}); nothing was sent.");
        }

        try
        {
            return Gate.Evaluate(view, request, origin);
        }
        catch (InvalidOperationException e)
        {
            return Refuse(request, $"The state of {gateway.Name} cannot be valued for the risk check ({e.Message}); nothing was sent.");
        }
    }

    /// <summary>
    /// The account of <paramref name="gateway"/> as the risk gate sees it (see <c>ReadViewAsync</c>), for the risk report.
    /// </summary>
    /// <exception cref="GatewayUnavailableException">The broker cannot be reached.</exception>
    /// <exception cref="InvalidOperationException">A held position or a conversion pair has no quote: the account cannot be valued.</exception>
    public Task<TradingAccount> ReadAccountAsync(IBrokerGateway gateway, CancellationToken cancellationToken) =>
        ReadWholeAsync(gateway, atMarket: true, cancellationToken);

    /// <summary>
    /// The account of <paramref name="gateway"/> as a live strategy sees it: the gate's view, but every position keeps
    /// its own open price (the strategy reads its entries), with the balance set so the equity is still the broker's.
    /// </summary>
    /// <exception cref="GatewayUnavailableException">The broker cannot be reached.</exception>
    /// <exception cref="InvalidOperationException">A held position or a conversion pair has no quote: the account cannot be valued.</exception>
    public Task<TradingAccount> ReadStrategyViewAsync(IBrokerGateway gateway, CancellationToken cancellationToken) =>
        ReadWholeAsync(gateway, atMarket: false, cancellationToken);

    private async Task<TradingAccount> ReadWholeAsync(IBrokerGateway gateway, bool atMarket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var lane = _lanes.GetOrAdd(gateway.Name, static _ => new Lane());
        await lane.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReadViewAsync(gateway, lane, symbol: null, whole: true, atMarket, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lane.Lock.Release();
        }
    }

    /// <summary>
    /// The account as the gate sees it: a <see cref="TradingAccount"/> restored from the broker's positions, working
    /// orders and quotes. Its balance is the broker's equity and its positions are valued at the market (open price
    /// = the closing-side quote, no swap), so its equity is exactly the broker's: the loss limits measure the broker's
    /// figure, not a re-computation. Every symbol is valued with the broker's own specification (<see cref="BrokerSymbols"/>).
    /// </summary>
    /// <remarks>
    /// With no <paramref name="symbol"/> and not <paramref name="whole"/> (a request that only closes or cancels) the
    /// broker is not read at all: the gate lets such requests through without looking at the account.
    /// </remarks>
    private async Task<TradingAccount> ReadViewAsync(
        IBrokerGateway gateway, Lane lane, string? symbol, bool whole, bool atMarket, CancellationToken cancellationToken)
    {
        var info = gateway.Info;
        IReadOnlyList<Position> positions = [];
        IReadOnlyList<Order> orders = [];
        decimal equity = 0;
        if (symbol is not null || whole)
        {
            var snapshot = await gateway.GetAccountAsync(cancellationToken).ConfigureAwait(false);
            info = snapshot.Info;
            equity = double.IsFinite(snapshot.Equity)
                ? (decimal)snapshot.Equity
                : throw new InvalidOperationException("the broker reported no finite equity");
            positions = await gateway.GetPositionsAsync(null, cancellationToken).ConfigureAwait(false);
            orders = await gateway.GetOrdersAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // Every symbol the view holds is valued with its broker's specification.
        var symbols = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (symbol is not null)
        {
            symbols.Add(symbol);
        }

        symbols.UnionWith(positions.Select(p => p.Symbol));
        symbols.UnionWith(orders.Select(o => o.Symbol));
        SymbolCatalog catalog;
        try
        {
            catalog = await Symbols.CatalogAsync(gateway, symbols, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokerSymbolException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }

        var board = lane.Board(catalog);
        CopyStreamedQuotes(gateway, board);
        if (symbol is not null)
        {
            await QuoteAsync(gateway, board, symbol, cancellationToken).ConfigureAwait(false);
        }

        var held = new List<Position>(positions.Count);
        ulong nextTicket = 1;
        foreach (var position in positions)
        {
            nextTicket = Math.Max(nextTicket, position.Ticket + 1);
            if (await QuoteAsync(gateway, board, position.Symbol, cancellationToken).ConfigureAwait(false) is not { } id)
            {
                continue;
            }

            var quote = board.Get(id);
            held.Add(atMarket ? position with { PriceOpen = position.Type == PositionType.Buy ? quote.Bid : quote.Ask, Swap = 0, Commission = 0 } : position);
        }

        var working = new List<Order>(orders.Count);
        foreach (var order in orders)
        {
            nextTicket = Math.Max(nextTicket, order.Ticket + 1);
            if (board.TryGetId(order.Symbol, out _))
            {
                working.Add(order);
            }
        }

        var state = new AccountState
        {
            // A broker that reports no leverage (some contest servers) is taken as 1:1: the most cautious reading.
            Settings = new AccountSettings { Info = info.Leverage > 0 ? info : info with { Leverage = 1 } },
            Balance = equity,
            NextTicket = nextTicket,
            TimeMs = Now(),
            Positions = held,
            Orders = working,
        };
        var account = TradingAccount.Restore(gateway.Name, state, board);
        if (atMarket)
        {
            return account;
        }

        // Positions at their own open prices float: the balance takes up the difference, so the equity stays the broker's.
        var floating = 0m;
        foreach (var position in account.Positions)
        {
            floating += (decimal)account.FloatingProfit(position);
        }

        return TradingAccount.Restore(gateway.Name, state with { Balance = equity - floating }, board);
    }

    /// <summary>Requests that only close or cancel: the gate lets them through without looking at the account.</summary>
    private static bool ReducesOnly(TradeRequest request) =>
        request.Action is TradeAction.Remove or TradeAction.CloseBy || (request.Action == TradeAction.Deal && request.Position != 0);

    private static void CopyStreamedQuotes(IBrokerGateway gateway, QuoteBoard board)
    {
        var catalog = board.Symbols;
        for (var id = 0; id < catalog.Count; id++)
        {
            if (gateway.TryGetQuote(catalog[id].Name, out var tick) && tick.Bid > 0 && tick.Ask > 0)
            {
                board.Update(id, tick.Bid, tick.Ask, tick.TimeMs);
            }
        }
    }

    /// <summary>Makes sure <paramref name="symbol"/> is quoted on the board (asking the broker if nothing streamed yet); null for a symbol not on the board.</summary>
    /// <exception cref="InvalidOperationException">The broker has no usable quote for a catalogue symbol.</exception>
    private static async Task<int?> QuoteAsync(IBrokerGateway gateway, QuoteBoard board, string symbol, CancellationToken cancellationToken)
    {
        if (!board.TryGetId(symbol, out var id))
        {
            return null;
        }

        if (!board.HasQuote(id))
        {
            var tick = await gateway.GetQuoteAsync(symbol, cancellationToken).ConfigureAwait(false);
            if (!(tick.Bid > 0 && tick.Ask > 0))
            {
                throw new InvalidOperationException($"the broker has no bid and ask for {symbol}");
            }

            board.Update(id, tick.Bid, tick.Ask, tick.TimeMs);
        }

        return id;
    }

    private static GateDecision Refuse(TradeRequest request, string message) => new(false, RiskChecks.VenueState, message, request);

    private static TradeResult Refused(IBrokerGateway gateway, TradeRequest request, GateDecision decision, long now)
    {
        gateway.TryGetQuote(request.Symbol, out var quote);
        return decision.Refusal(request, quote.Bid, quote.Ask, now);
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>One account's serialisation and its quote board (kept, so the gate's per-account state stays bound to it).</summary>
    private sealed class Lane : IDisposable
    {
        private QuoteBoard? _board;

        public SemaphoreSlim Lock { get; } = new(1, 1);

        // Used under the lock. A new board only when the account's catalogue has grown (a symbol read from the broker
        // for the first time); the gate rebinds its per-account state to it.
        public QuoteBoard Board(SymbolCatalog catalog) =>
            _board is { } board && ReferenceEquals(board.Symbols, catalog) ? board : _board = new QuoteBoard(catalog);

        public void Dispose() => Lock.Dispose();
    }
}
