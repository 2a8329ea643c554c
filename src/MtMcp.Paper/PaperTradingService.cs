using System.Threading.Channels;

namespace MtMcp.Paper;

/// <summary>
/// The paper trading venue: named simulated accounts, each a <see cref="TradingAccount"/> with its own quote board
/// (so a per-account spread markup applies), fed by one market feed and journaled after every step, so a crash
/// loses nothing that was acknowledged.
/// </summary>
/// <remarks>
/// <para>
/// Single writer: one lock serialises every step (a request, a tick, a balance operation) over all accounts; a step's
/// changes are committed to the journal before the call returns or the next tick is processed, then published to
/// subscribers. If a commit fails the account is reloaded from the journal, so memory never runs ahead of the disk.
/// </para>
/// <para>Thread-safe.</para>
/// </remarks>
[Mutable]
public sealed partial class PaperTradingService : IDisposable
{
    // Steps the venue takes on its own: fills on quotes, SL/TP, stop-outs, expiries, swaps.
    private static readonly TradeOrigin s_venue = new(AuditRecords.VenueActor, "venue");

    private readonly Lock _lock = new();
    private readonly ITradingJournal _journal;
    private readonly SymbolCatalog _symbols;
    private readonly IMarketFeed _feed;
    private readonly TimeProvider _time;
    private readonly ITradeGate _gate;
    private readonly Dictionary<string, PaperAccount> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Channel<AccountUpdate>> _subscribers = [];
    private readonly int[] _feedSymbolIds;
    private readonly Tick?[] _rawQuotes;
    private long _lastPosition;
    private bool _primed;

    /// <summary>Loads every journaled account and primes its quotes from the feed.</summary>
    /// <param name="journal">Where accounts are stored; the service owns it and disposes it.</param>
    /// <param name="symbols">The symbols the accounts trade (the feed's symbols must be among them).</param>
    /// <param name="feed">The market feed.</param>
    /// <param name="time">The clock (live feeds advance the accounts' clocks with it).</param>
    /// <param name="gate">The pre-trade risk gate every request passes; null = <see cref="OpenGate"/> (no limits: tests and tools only).</param>
    /// <exception cref="ArgumentException">The feed quotes a symbol the catalogue does not have.</exception>
    public PaperTradingService(ITradingJournal journal, SymbolCatalog symbols, IMarketFeed feed, TimeProvider time, ITradeGate? gate = null)
    {
        _journal = journal;
        _gate = gate ?? OpenGate.Instance;
        _monitor = _gate as IRiskMonitor;
        if (_monitor is not null)
        {
            _monitor.Breached += OnBreached;
        }

        _symbols = symbols;
        _feed = feed;
        _time = time;
        _feedSymbolIds = new int[feed.Symbols.Count];
        _rawQuotes = new Tick?[symbols.Count];
        var probe = new QuoteBoard(symbols);
        for (var i = 0; i < feed.Symbols.Count; i++)
        {
            if (!probe.TryGetId(feed.Symbols[i], out _feedSymbolIds[i]))
            {
                throw new ArgumentException($"The feed quotes {feed.Symbols[i]}, which is not in the symbol catalogue.", nameof(feed));
            }
        }

        foreach (var name in journal.ListAccounts())
        {
            var state = journal.Load(name) ?? throw new InvalidOperationException($"Paper account {name} is listed but cannot be loaded.");
            _accounts[name] = Open(name, state);
        }
    }

    /// <summary>Names of the paper accounts, in order.</summary>
    public IReadOnlyList<string> Accounts
    {
        get
        {
            lock (_lock)
            {
                return [.. _accounts.Keys.Order(StringComparer.OrdinalIgnoreCase)];
            }
        }
    }

    /// <summary>The lowest feed position every account has committed: where a restarted replay resumes.</summary>
    public long ResumePosition
    {
        get
        {
            lock (_lock)
            {
                return _accounts.Count == 0 ? 0 : _accounts.Values.Min(a => a.Cursor);
            }
        }
    }

    /// <summary>
    /// The feed position of an account's last committed step. A replay driver that acts at feed positions (a
    /// script, a strategy) must not act again for positions before it: that account already moved past them.
    /// </summary>
    /// <exception cref="KeyNotFoundException">There is no such account.</exception>
    public long CommittedPosition(string name)
    {
        lock (_lock)
        {
            return Get(name).Cursor;
        }
    }

    /// <summary>Creates the default account (<see cref="PaperAccounts.DefaultName"/>) when there is no account at all.</summary>
    public void EnsureDefaultAccount()
    {
        lock (_lock)
        {
            if (_accounts.Count == 0)
            {
                CreateLocked(PaperAccounts.DefaultName, PaperAccounts.DefaultSettings(), PaperAccounts.DefaultDeposit);
            }
        }
    }

    /// <summary>Creates a paper account with a first deposit (audited with <paramref name="origin"/>, default local).</summary>
    /// <exception cref="ArgumentException">The name is not allowed, already taken, or the settings or deposit are invalid.</exception>
    public void Create(string name, AccountSettings settings, decimal deposit, TradeOrigin? origin = null)
    {
        PaperAccounts.CheckName(name);
        ArgumentNullException.ThrowIfNull(settings);
        lock (_lock)
        {
            if (_accounts.ContainsKey(name))
            {
                throw new ArgumentException($"Paper account {name} already exists; reset or remove it first.", nameof(name));
            }

            CreateLocked(name, settings, deposit);
            _journal.AppendAudit([AccountAudit.Opened("create", name, settings, deposit, _accounts[name].Trading.TimeMs, origin ?? TradeOrigin.Local)]);
        }
    }

    /// <summary>
    /// Resets an account: every order, position and deal is removed and the balance starts again from
    /// <paramref name="deposit"/> (null = the account's first deposit), keeping its settings.
    /// </summary>
    /// <exception cref="KeyNotFoundException">There is no such account.</exception>
    public void Reset(string name, decimal? deposit = null, TradeOrigin? origin = null)
    {
        lock (_lock)
        {
            var account = Get(name);
            var firstDeposit = account.Trading.Deals(HistoryQuery.All).FirstOrDefault(d => d.Type == DealType.Balance)?.Profit ?? PaperAccounts.DefaultDeposit;
            CreateLocked(account.Trading.Name, account.Trading.Settings, deposit ?? firstDeposit);
            _journal.AppendAudit([AccountAudit.Opened(
                "reset", account.Trading.Name, account.Trading.Settings, deposit ?? firstDeposit, _accounts[account.Trading.Name].Trading.TimeMs, origin ?? TradeOrigin.Local)]);
        }
    }

    /// <summary>Removes an account and its journal (its audit records stay); false when there was none.</summary>
    public bool Remove(string name, TradeOrigin? origin = null)
    {
        lock (_lock)
        {
            if (!_accounts.Remove(name, out var account) || !_journal.Delete(name))
            {
                return false;
            }

            _journal.AppendAudit([AccountAudit.Removed(account.Trading.Name, account.Trading.TimeMs, origin ?? TradeOrigin.Local)]);
            return true;
        }
    }

    /// <summary>Deposits (positive) or withdraws (negative) money as a balance deal.</summary>
    /// <exception cref="KeyNotFoundException">There is no such account.</exception>
    public TradeResult Deposit(string name, decimal amount, string comment = "", TradeOrigin? origin = null)
    {
        var who = origin ?? TradeOrigin.Local;
        return Step(name, who, account =>
        {
            var result = account.Deposit(amount, comment);
            account.Changes.AddAudit(new AuditRecord("balance", account.TimeMs, account.Name, who.Actor, who.Channel, null,
                new CanonicalJson().Add("amount", amount).Add("comment", comment).Add("retcode", (long)result.Retcode).Add("message", result.Message).ToString()));
            return result;
        });
    }

    /// <summary>
    /// Sends a trade request to an account through the risk gate. A repeated client order id returns the first result
    /// without a new decision. A request the gate refuses never reaches the venue: its result is
    /// <see cref="TradeRetcode.Reject"/> with <see cref="TradeResult.RiskCheck"/> naming the check, and its client
    /// order id stays unused. Intent, decision and result are audited with the step.
    /// </summary>
    /// <exception cref="KeyNotFoundException">There is no such account.</exception>
    public TradeResult Send(string name, TradeRequest request, TradeOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var who = origin ?? TradeOrigin.Local;
        return Step(name, who, account =>
            request.ClientOrderId is { } id && account.TryGetClientOrderResult(id, out var first) ? first : SendLocked(account, request, who));
    }

    /// <summary>
    /// Closes every position of an account that matches <paramref name="filter"/>; one result per position. Closing
    /// only reduces risk, so the gate is not asked; every close is audited.
    /// </summary>
    /// <exception cref="KeyNotFoundException">There is no such account.</exception>
    public IReadOnlyList<TradeResult> CloseAll(string name, PositionFilter filter, TradeOrigin? origin = null) =>
        BulkStep(name, origin, "close_all", account => account.CloseAll(filter));

    /// <summary>Cancels every pending order of an account that matches <paramref name="filter"/>; one result per order (audited).</summary>
    /// <exception cref="KeyNotFoundException">There is no such account.</exception>
    public IReadOnlyList<TradeResult> CancelAll(string name, OrderFilter filter, TradeOrigin? origin = null) =>
        BulkStep(name, origin, "cancel_all", account => account.CancelAll(filter));

    /// <summary>Validates a request without sending it and reports the account after it.</summary>
    /// <exception cref="KeyNotFoundException">There is no such account.</exception>
    public OrderCheckResult Check(string name, TradeRequest request) => Read(name, account => account.Check(request));

    /// <summary>Reads an account under the lock (snapshot, positions, orders, history); the reader must not keep the account.</summary>
    /// <exception cref="KeyNotFoundException">There is no such account.</exception>
    public T Read<T>(string name, Func<TradingAccount, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_lock)
        {
            var account = Get(name);
            AdvanceLiveClock(account);
            return read(account.Trading);
        }
    }

    /// <summary>
    /// Subscribes to the account updates of every account, from now on. Updates are never dropped; dispose the
    /// subscription to stop receiving them.
    /// </summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateUnbounded<AccountUpdate>(new UnboundedChannelOptions { SingleReader = true });
        lock (_lock)
        {
            _subscribers.Add(channel);
        }

        return new Subscription(this, channel);
    }

    /// <summary>
    /// Runs the feed into the accounts until cancelled or the feed ends (a replay), resuming after
    /// <see cref="ResumePosition"/>.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!_primed)
        {
            PrimeQuotes();
        }

        await foreach (var tick in _feed.ReadAsync(ResumePosition, cancellationToken).ConfigureAwait(false))
        {
            Process(tick);
        }
    }

    /// <summary>
    /// Sets every account's quotes to the feed's quotes at the resume position (what they saw when they last
    /// committed), without triggering anything. <see cref="RunAsync"/> calls it unless it already ran; call it yourself
    /// before driving <see cref="Process"/> directly, or to answer requests before the feed runs.
    /// </summary>
    public void PrimeQuotes()
    {
        var quotes = _feed.QuotesAt(ResumePosition);
        lock (_lock)
        {
            _primed = true;
            foreach (var tick in quotes)
            {
                var id = _feedSymbolIds[FeedIndex(tick.Symbol)];
                _rawQuotes[id] = tick.Tick;
                foreach (var account in _accounts.Values)
                {
                    account.Update(id, tick.Tick);
                }

                _lastPosition = Math.Max(_lastPosition, tick.Position);
            }
        }
    }

    /// <summary>
    /// Processes one feed tick: every account sees the quote (with its markup) and reacts (pending orders, SL/TP,
    /// trailing stops, expiry, rollover, stop-out); what changed is journaled and published before this returns.
    /// Accounts that already committed a later position only take the quote.
    /// </summary>
    public void Process(in FeedTick tick)
    {
        var id = _feedSymbolIds[FeedIndex(tick.Symbol)];
        lock (_lock)
        {
            _lastPosition = tick.Position;
            _rawQuotes[id] = tick.Tick;
            foreach (var account in _accounts.Values)
            {
                account.Update(id, tick.Tick);
                if (tick.Position > account.Cursor)
                {
                    account.Trading.OnQuote(id);
                    CommitLocked(account, s_venue, _monitor is not null && _monitor.OnQuote(account.Trading));
                }
            }

            HandleBreachesLocked();
        }

        NotifyTick(tick);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_monitor is not null)
        {
            _monitor.Breached -= OnBreached;
        }

        lock (_lock)
        {
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryComplete();
            }

            _subscribers.Clear();
            _journal.Dispose();
        }
    }

    private T Step<T>(string name, TradeOrigin origin, Func<TradingAccount, T> step)
    {
        lock (_lock)
        {
            var account = Get(name);
            AdvanceLiveClock(account);
            var result = step(account.Trading);
            CommitLocked(account, origin);
            HandleBreachesLocked();
            return result;
        }
    }

    private IReadOnlyList<TradeResult> BulkStep(string name, TradeOrigin? origin, string kind, Func<TradingAccount, IReadOnlyList<TradeResult>> step)
    {
        var who = origin ?? TradeOrigin.Local;
        return Step(name, who, account =>
        {
            account.Changes.AddAudit(new AuditRecord(kind, account.TimeMs, account.Name, who.Actor, who.Channel, null, "{}"));
            var results = step(account);
            foreach (var result in results)
            {
                account.Changes.AddAudit(AuditRecords.Result(account.Name, result, who));
            }

            return results;
        });
    }

    private static TradeResult Refused(TradingAccount account, TradeRequest request, GateDecision decision)
    {
        var quote = account.Quotes.TryGetId(request.Symbol, out var id) && account.Quotes.HasQuote(id) ? account.Quotes.Get(id) : default;
        return decision.Refusal(request, quote.Bid, quote.Ask, account.TimeMs);
    }

    private void AdvanceLiveClock(PaperAccount account)
    {
        if (_feed.IsLive)
        {
            account.Trading.AdvanceTime(_time.GetUtcNow().ToUnixTimeMilliseconds());
        }
    }

    private void CreateLocked(string name, AccountSettings settings, decimal deposit)
    {
        var board = new QuoteBoard(_symbols);
        var timeMs = _feed.IsLive ? _time.GetUtcNow().ToUnixTimeMilliseconds() : LatestQuoteTimeMs();
        var trading = new TradingAccount(name, settings, board, deposit, timeMs);
        _monitor?.RestoreState(trading, null);
        var state = trading.ToState() with { Cursor = _lastPosition };
        _journal.Save(name, state);
        trading.Changes.Clear();
        _accounts[name] = WithCurrentQuotes(new PaperAccount(trading, board) { Cursor = _lastPosition });
    }

    private PaperAccount Open(string name, AccountState state)
    {
        var board = new QuoteBoard(_symbols);
        var trading = TradingAccount.Restore(name, state, board);
        _monitor?.RestoreState(trading, state.RiskState);
        return new PaperAccount(trading, board) { Cursor = state.Cursor };
    }

    private long LatestQuoteTimeMs()
    {
        long latest = 0;
        foreach (var tick in _rawQuotes)
        {
            latest = Math.Max(latest, tick?.TimeMs ?? 0);
        }

        return latest;
    }

    private PaperAccount WithCurrentQuotes(PaperAccount account)
    {
        for (var id = 0; id < _rawQuotes.Length; id++)
        {
            if (_rawQuotes[id] is { } tick)
            {
                account.Update(id, tick);
            }
        }

        return account;
    }

    // riskStateDue: the gate asked to store its state of the account (it is also taken with any other change).
    private void CommitLocked(PaperAccount account, TradeOrigin origin, bool riskStateDue = false)
    {
        var changes = account.Trading.Changes;
        if (changes.IsEmpty && !riskStateDue)
        {
            return;
        }

        if (_monitor is not null)
        {
            // The step's own equity (a deposit, a profitable close) can be a new peak: store it with the step.
            if (!riskStateDue)
            {
                _monitor.OnQuote(account.Trading);
            }

            changes.RiskState = _monitor.TakeState(account.Trading);
        }

        if (changes.IsEmpty)
        {
            return;
        }

        AuditRecords.AddTransactions(account.Trading.Name, changes, origin);
        AddExposure(account.Trading, origin);
        changes.Cursor = Math.Max(_lastPosition, account.Cursor);
        try
        {
            _journal.Commit(account.Trading.Name, changes);
        }
        catch
        {
            // Memory must never run ahead of the journal: go back to what is stored.
            var stored = _journal.Load(account.Trading.Name);
            if (stored is not null)
            {
                _accounts[account.Trading.Name] = WithCurrentQuotes(Open(account.Trading.Name, stored));
            }

            throw;
        }

        account.Cursor = changes.Cursor;
        _gate.OnCommitted(account.Trading, changes);
        Publish(new AccountUpdate(account.Trading.Name, [.. changes.Transactions], changes.Balance, changes.TimeMs));
        changes.Clear();
    }

    private void Publish(AccountUpdate update)
    {
        foreach (var channel in _subscribers)
        {
            channel.Writer.TryWrite(update);
        }
    }

    private PaperAccount Get(string name) =>
        _accounts.TryGetValue(name, out var account)
            ? account
            : throw new KeyNotFoundException($"There is no paper account named {name}; the accounts are: {string.Join(", ", _accounts.Keys.Order(StringComparer.OrdinalIgnoreCase))}.");

    private int FeedIndex(string symbol)
    {
        var symbols = _feed.Symbols;
        for (var i = 0; i < symbols.Count; i++)
        {
            if (ReferenceEquals(symbols[i], symbol) || symbols[i].Equals(symbol, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"The feed sent a tick for {symbol}, which it does not list.", nameof(symbol));
    }

    private void Unsubscribe(Channel<AccountUpdate> channel)
    {
        lock (_lock)
        {
            _subscribers.Remove(channel);
            channel.Writer.TryComplete();
        }
    }

    /// <summary>A subscription to account updates; dispose it to stop them.</summary>
    [Mutable]
    public sealed class Subscription : IDisposable
    {
        private readonly PaperTradingService _service;
        private readonly Channel<AccountUpdate> _channel;

        internal Subscription(PaperTradingService service, Channel<AccountUpdate> channel)
        {
            _service = service;
            _channel = channel;
        }

        /// <summary>The updates, in commit order.</summary>
        public ChannelReader<AccountUpdate> Updates => _channel.Reader;

        /// <inheritdoc/>
        public void Dispose() => _service.Unsubscribe(_channel);
    }
}
