using System.Text;
using MtMcp.Backtesting;
using MtMcp.Paper;
using MtMcp.Strategies;

namespace MtMcp.Live;

/// <summary>
/// The live strategies: started and stopped on request, stored in a file of the data directory so a restart resumes the
/// running ones (warmed up again from <see cref="IBarHistory"/>). A strategy on a paper account is driven by every feed
/// tick of its symbol (<see cref="PaperTradingService.ObserveTicks"/>); one on a broker account by the broker's quotes,
/// on a thread of its own (<see cref="BrokerStrategyRun"/>), through the server's order path for that account.
/// </summary>
/// <remarks>
/// Thread-safe: one lock guards the records; each strategy's steps run under its own lock, so a broker strategy waiting
/// for its broker holds up neither the paper feed nor the other strategies. A strategy that throws is marked
/// <see cref="LiveStrategyState.Failed"/> with the error and stops; the feed and the other strategies go on. A broker
/// strategy whose broker cannot be read skips that step (recorded among its signals) and goes on; one whose account is
/// not connected when the server starts waits for it (<see cref="ResumeWaiting"/>).
/// </remarks>
[Mutable]
public sealed class LiveStrategyService : IDisposable
{
    /// <summary>The venue name of paper accounts.</summary>
    public const string PaperVenue = "paper";

    /// <summary>Magic number of the first strategy; the n-th started gets <c>MagicBase + n</c>.</summary>
    public const ulong MagicBase = 900_000_000;

    /// <summary>Default number of past bars a strategy warms up on when it starts.</summary>
    public const int DefaultWarmUpBars = 1000;

    /// <summary>
    /// Most bars a resumed strategy warms up on. It replays every bar since the first one it saw, so its indicators go
    /// through the same values in the same order (streaming sums round along their path) and it decides as if never
    /// stopped; a strategy that ran longer than this resumes on the last ones, which may differ in the last bits.
    /// </summary>
    public const int MaxResumeBars = 200_000;

    private readonly Lock _lock = new();
    private readonly PaperTradingService _paper;
    private readonly Func<string, IStrategyAccount?>? _brokers;
    private readonly LiveStrategyStore _store;
    private readonly TimeProvider _time;
    private readonly IBarHistory? _history;
    private readonly int _warmUpBars;
    private readonly Func<LiveStrategySpec, IStrategy> _factory;
    private readonly List<LiveStrategyRecord> _records;
    private readonly List<StrategyHost> _running = [];
    private readonly Dictionary<StrategyHost, BrokerStrategyRun> _runs = [];
    private readonly HashSet<string> _waiting = new(StringComparer.OrdinalIgnoreCase);
    private readonly IDisposable _observation;

    /// <summary>Loads the stored strategies and resumes the running ones.</summary>
    /// <param name="paper">The paper venue.</param>
    /// <param name="path">The file the strategies are stored in (e.g. <c>&lt;data-dir&gt;/paper/strategies.json</c>).</param>
    /// <param name="time">The clock of the start and stop times.</param>
    /// <param name="history">Past bars to warm up on; null = none (the strategies start cold).</param>
    /// <param name="factory">Makes a strategy instance from a spec; null = <see cref="CreateStrategy"/>.</param>
    /// <param name="warmUpBars">How many past bars a strategy warms up on.</param>
    /// <param name="brokers">
    /// The broker account an account name names while it is connected (a new instance per call), else null; null = paper
    /// accounts only.
    /// </param>
    /// <exception cref="InvalidDataException">The file is not a valid strategies file.</exception>
    public LiveStrategyService(
        PaperTradingService paper, string path, TimeProvider time, IBarHistory? history = null, Func<LiveStrategySpec, IStrategy>? factory = null,
        int warmUpBars = DefaultWarmUpBars, Func<string, IStrategyAccount?>? brokers = null)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfNegative(warmUpBars);
        _paper = paper;
        _brokers = brokers;
        _store = new LiveStrategyStore(path);
        _time = time;
        _history = history;
        _warmUpBars = warmUpBars;
        _factory = factory ?? CreateStrategy;
        _records = _store.Load();
        foreach (var record in _records)
        {
            if (record.State == LiveStrategyState.Running)
            {
                _waiting.Add(record.Id);
            }
        }

        ResumeWaiting();
        _observation = paper.ObserveTicks(OnTick);
    }

    /// <summary>
    /// Raised with a strategy's id when its status changed beyond prices: it started, stopped or failed, or it sent an
    /// order (a new signal). Fills the venue makes on its own (a stop loss, a pending order) are the account's updates
    /// (<see cref="PaperTradingService.Subscribe"/>), found by <see cref="IdOf"/>.
    /// </summary>
    /// <remarks>Raised on the thread that made the change, under the service's lock: a handler only queues the id.</remarks>
    public event Action<string>? Changed;

    /// <summary>The default strategy factory: an inline document, else <c>builtin:NAME</c> (the strategy-language built-ins).</summary>
    /// <exception cref="ArgumentException">An unknown built-in, or a reference that is not <c>builtin:NAME</c>.</exception>
    /// <exception cref="StrategyException">The document is not valid.</exception>
    public static IStrategy CreateStrategy(LiveStrategySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Document is { } document)
        {
            return new LanguageStrategy(StrategyDocument.Parse(document));
        }

        return spec.Strategy.StartsWith("builtin:", StringComparison.OrdinalIgnoreCase)
            ? new LanguageStrategy(StrategyResolver.Builtin(spec.Strategy))
            : throw new ArgumentException($"Strategy '{spec.Strategy}' is not builtin:NAME; give an inline document instead.", nameof(spec));
    }

    /// <summary>
    /// Starts a strategy: it trades from the first tick of its symbol on, after warming up on past bars. Its orders carry
    /// its magic number and its id as the audit actor.
    /// </summary>
    /// <returns>The new strategy's status (its id is <c>Record.Id</c>).</returns>
    /// <exception cref="KeyNotFoundException">There is no such account.</exception>
    /// <exception cref="ArgumentException">The symbol is not traded on the account, the lots are not positive, or the strategy or its parameters are invalid.</exception>
    /// <exception cref="StrategyException">The strategy document or a parameter value is invalid.</exception>
    /// <exception cref="GatewayUnavailableException">The broker account cannot be reached to stream the symbol.</exception>
    public LiveStrategyStatus Start(LiveStrategySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Lots is { } lots && lots <= 0)
        {
            throw new ArgumentException($"Lots must be positive, not {lots}.", nameof(spec));
        }

        var account = _brokers?.Invoke(spec.Account);
        spec = spec with { Venue = account?.Venue ?? PaperVenue };
        account ??= new PaperStrategyAccount(_paper, spec.Account);
        var run = Subscribe(spec, account);
        try
        {
            LiveStrategyRecord record;
            StrategyHost host;
            lock (_lock)
            {
                var sequence = _records.Count + 1;
                record = new LiveStrategyRecord(
                    $"{IdName(spec.Strategy)}-{sequence}", MagicBase + (ulong)sequence, spec, LiveStrategyState.Running, Now(), null, 0, null);
                host = NewHost(record, account);
                _records.Add(record);
                _store.Save(_records);
                Register(host, run);
                run = null;
                Changed?.Invoke(record.Id);
            }

            return StatusOf(record, host);
        }
        finally
        {
            run?.Dispose();
        }
    }

    /// <summary>
    /// Stops a strategy (a stopped one stays stopped) once its step in progress ended; with <paramref name="flatten"/>
    /// also closes its positions and cancels its pending orders, audited with <paramref name="origin"/>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">There is no such strategy.</exception>
    /// <exception cref="GatewayUnavailableException">Flattening: the broker cannot be reached (the strategy is stopped all the same).</exception>
    public LiveStrategyStatus Stop(string id, bool flatten, TradeOrigin? origin = null)
    {
        LiveStrategyRecord record;
        StrategyHost? host;
        lock (_lock)
        {
            var index = IndexOf(id);
            record = _records[index];
            host = _running.Find(h => h.Record.Id == record.Id);
            if (host is not null)
            {
                Retire(host);
            }

            _waiting.Remove(record.Id);
            if (record.State == LiveStrategyState.Running)
            {
                record = _records[index] = record with { State = LiveStrategyState.Stopped, StoppedMs = Now() };
                _store.Save(_records);
            }

            Changed?.Invoke(record.Id);
        }

        if (host is not null)
        {
            // Waits for a step in progress (a broker's answer): once Stop returns, the strategy sends nothing more.
            lock (host.Steps)
            {
                host.Stopped = true;
            }
        }

        if (flatten)
        {
            var who = origin ?? new TradeOrigin(record.Id, "strategy:" + StrategyHost.StrategyName(record.Spec.Strategy));
            AccountOf(record.Spec)?.Flatten(record.Magic, who);
        }

        return StatusOf(record, host);
    }

    /// <summary>The status of strategy <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">There is no such strategy.</exception>
    public LiveStrategyStatus Status(string id)
    {
        LiveStrategyRecord record;
        StrategyHost? host;
        lock (_lock)
        {
            record = _records[IndexOf(id)];
            host = _running.Find(h => h.Record.Id == record.Id);
        }

        return StatusOf(record, host);
    }

    /// <summary>The id of the strategy whose orders carry <paramref name="magic"/>; null when none does.</summary>
    public string? IdOf(ulong magic)
    {
        if (magic <= MagicBase)
        {
            return null;
        }

        lock (_lock)
        {
            // Magic numbers are handed out in order: the n-th strategy has MagicBase + n.
            var index = magic - MagicBase - 1;
            return index < (ulong)_records.Count && _records[(int)index].Magic == magic ? _records[(int)index].Id : null;
        }
    }

    /// <summary>The status of every strategy ever started, oldest first.</summary>
    public IReadOnlyList<LiveStrategyStatus> List()
    {
        List<(LiveStrategyRecord, StrategyHost?)> all;
        lock (_lock)
        {
            all = [.. _records.Select(r => (r, _running.Find(h => h.Record.Id == r.Id)))];
        }

        return [.. all.Select(e => StatusOf(e.Item1, e.Item2))];
    }

    /// <summary>
    /// Resumes the running strategies whose broker account was not connected until now (the server calls it as accounts
    /// connect). A strategy that can no longer run (its symbol or document is gone) is marked failed with the reason.
    /// </summary>
    public void ResumeWaiting()
    {
        List<LiveStrategyRecord> waiting;
        lock (_lock)
        {
            waiting = _waiting.Count == 0 ? [] : _records.FindAll(r => _waiting.Contains(r.Id));
        }

        foreach (var record in waiting)
        {
            BrokerStrategyRun? run = null;
            try
            {
                if (AccountOf(record.Spec) is not { } account)
                {
                    continue;
                }

                // Subscribing waits for the broker: outside the lock.
                run = Subscribe(record.Spec, account);
                lock (_lock)
                {
                    // Stopped while this one subscribed: it stays stopped.
                    if (_waiting.Remove(record.Id))
                    {
                        Register(NewHost(record, account), run);
                        run = null;
                        Changed?.Invoke(record.Id);
                    }
                }
            }
            catch (GatewayUnavailableException)
            {
                // Connected a moment ago, gone again: the next call tries again.
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException or StrategyException)
            {
                // Its account or symbol is gone, or its document no longer compiles: keep the record, say why.
                lock (_lock)
                {
                    // Unless stopped in the meantime.
                    var current = _records[IndexOf(record.Id)];
                    if (current.State == LiveStrategyState.Running)
                    {
                        _waiting.Remove(record.Id);
                        Replace(current with { State = LiveStrategyState.Failed, StoppedMs = Now(), Error = "Could not resume: " + e.Message });
                        _store.Save(_records);
                    }
                }
            }
            finally
            {
                run?.Dispose();
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _observation.Dispose();
        lock (_lock)
        {
            foreach (var run in _runs.Values)
            {
                run.Dispose();
            }

            _runs.Clear();
            _running.Clear();
        }
    }

    // The paper feed's tick: the paper strategies of its symbol step inside it, so their orders fill at that tick.
    private void OnTick(FeedTick tick)
    {
        lock (_lock)
        {
            var changed = false;
            for (var i = _running.Count - 1; i >= 0; i--)
            {
                var host = _running[i];
                if (_runs.ContainsKey(host) || !host.Spec.Name.Equals(tick.Symbol, StringComparison.Ordinal))
                {
                    continue;
                }

                StepOutcome outcome;
                lock (host.Steps)
                {
                    outcome = Step(host, tick.Tick);
                }

                changed |= AfterStepLocked(host, outcome);
            }

            if (changed)
            {
                _store.Save(_records);
            }
        }
    }

    // A broker quote, on the strategy's own thread: the step may wait for the broker, holding only the strategy's lock.
    private void OnBrokerQuote(StrategyHost host, Tick tick)
    {
        StepOutcome outcome;
        lock (host.Steps)
        {
            if (host.Stopped)
            {
                return;
            }

            outcome = Step(host, tick);
        }

        lock (_lock)
        {
            if (_running.Contains(host) && AfterStepLocked(host, outcome))
            {
                _store.Save(_records);
            }
        }
    }

    /// <summary>One tick of a host, under its lock.</summary>
    private StepOutcome Step(StrategyHost host, in Tick tick)
    {
        var sent = host.SignalsSent;
        try
        {
            if (!host.WarmedUp)
            {
                WarmUp(host, tick);
            }

            host.OnFeedTick(tick);
        }
        catch (GatewayUnavailableException e)
        {
            // The broker could not be read mid-step: this tick's decisions are lost, the strategy goes on.
            host.StepSkipped(tick.TimeMs, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A broken strategy must not stop the feed or the other strategies.
            host.Stopped = true;
            return new StepOutcome(true, e.Message);
        }

        return new StepOutcome(host.SignalsSent != sent, null);
    }

    /// <summary>Records what a step changed; true when the records must be saved.</summary>
    private bool AfterStepLocked(StrategyHost host, StepOutcome outcome)
    {
        if (outcome.Failure is { } failure)
        {
            Retire(host);
            Replace(host.Record with { State = LiveStrategyState.Failed, StoppedMs = Now(), Error = failure });
            Changed?.Invoke(host.Record.Id);
            return true;
        }

        if (outcome.Signalled)
        {
            Changed?.Invoke(host.Record.Id);
        }

        if (host.LastOrderBar != host.Record.LastOrderBar || host.FirstBar != host.Record.FirstBar)
        {
            host.Record = host.Record with { LastOrderBar = host.LastOrderBar, FirstBar = host.FirstBar };
            Replace(host.Record);
            return true;
        }

        return false;
    }

    private void Retire(StrategyHost host)
    {
        _running.Remove(host);
        if (_runs.Remove(host, out var run))
        {
            run.Dispose();
        }
    }

    private void WarmUp(StrategyHost host, in Tick first)
    {
        var spec = host.Record.Spec;
        var currentBar = spec.Timeframe.BarOpenTime(first.TimeMs / 1000);
        if (_history is null || _warmUpBars == 0)
        {
            host.SkipWarmUp();
            return;
        }

        // A resumed strategy replays everything since its first bar; a new one takes the last bars before now.
        var firstBar = host.Record.FirstBar;
        host.WarmUp(firstBar > 0
            ? _history.Bars(spec.Symbol, spec.Timeframe, firstBar, currentBar, MaxResumeBars)
            : _history.Bars(spec.Symbol, spec.Timeframe, null, currentBar, _warmUpBars + 1), currentBar);
    }

    /// <summary>The account a strategy trades: paper, or its broker account while connected (null otherwise).</summary>
    private IStrategyAccount? AccountOf(LiveStrategySpec spec) =>
        spec.Venue.Equals(PaperVenue, StringComparison.Ordinal) ? new PaperStrategyAccount(_paper, spec.Account) : _brokers?.Invoke(spec.Account);

    private StrategyHost NewHost(LiveStrategyRecord record, IStrategyAccount account) =>
        new(record, _factory(record.Spec), account, account.Spec(record.Spec.Symbol));

    /// <summary>A broker account's quotes of the strategy's symbol, queued until <see cref="Register"/>; null for paper.</summary>
    private static BrokerStrategyRun? Subscribe(LiveStrategySpec spec, IStrategyAccount account) =>
        spec.Venue.Equals(PaperVenue, StringComparison.Ordinal) ? null : new BrokerStrategyRun(account, spec.Symbol);

    /// <summary>Adds a running host (and starts the thread of a broker one); under the lock.</summary>
    private void Register(StrategyHost host, BrokerStrategyRun? run)
    {
        _running.Add(host);
        if (run is not null)
        {
            _runs.Add(host, run);
            run.Begin(host, OnBrokerQuote);
        }
    }

    private LiveStrategyStatus StatusOf(LiveStrategyRecord record, StrategyHost? host)
    {
        // Signals first, the account after: a status that shows a signal also shows what it did at the venue.
        var signals = host?.RecentSignals ?? [];
        var bars = host?.BarCount ?? 0;
        var book = StrategyBook.Empty;
        string? unavailable = null;
        try
        {
            book = AccountOf(record.Spec)?.Book(record.Magic, record.StartedMs)
                ?? throw new GatewayUnavailableException($"Broker account {record.Spec.Account} is not connected.");
        }
        catch (KeyNotFoundException)
        {
            // The paper account was removed: the strategy has nothing left to show.
        }
        catch (GatewayUnavailableException e)
        {
            unavailable = e.Message;
        }

        return new LiveStrategyStatus(
            record, bars, book.Positions, book.FloatingProfit, book.RealizedProfit, book.Deals, signals, unavailable);
    }

    private void Replace(LiveStrategyRecord record) => _records[IndexOf(record.Id)] = record;

    private int IndexOf(string id)
    {
        var index = _records.FindIndex(r => r.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? index
            : throw new KeyNotFoundException($"There is no strategy '{id}'; the strategies are: {string.Join(", ", _records.Select(r => r.Id))}.");
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    // The id starts with the strategy's name, in the characters account names allow, so it reads well in the audit trail.
    private static string IdName(string reference)
    {
        var name = StrategyHost.StrategyName(reference);
        var id = new StringBuilder(Math.Min(name.Length, 24));
        foreach (var c in name)
        {
            if (id.Length == 24)
            {
                break;
            }

            id.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }

        return id.Length == 0 ? "strategy" : id.ToString();
    }
}

/// <summary>What one step did: it sent an order (or was skipped), or the strategy failed with <see cref="Failure"/>.</summary>
internal readonly record struct StepOutcome(bool Signalled, string? Failure);
