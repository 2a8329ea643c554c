using System.Text;
using MtMcp.Backtesting;
using MtMcp.Paper;
using MtMcp.Strategies;

namespace MtMcp.Live;

/// <summary>
/// The strategies running on the paper accounts: started and stopped on request, driven by every feed tick of their
/// symbol (<see cref="PaperTradingService.ObserveTicks"/>), stored in a file of the data directory so a restart resumes
/// the running ones (warmed up again from <see cref="IBarHistory"/>).
/// </summary>
/// <remarks>
/// Thread-safe: one lock serialises the ticks and the requests. A strategy that throws is marked
/// <see cref="LiveStrategyState.Failed"/> with the error and stops; the feed and the other strategies go on.
/// </remarks>
[Mutable]
public sealed class LiveStrategyService : IDisposable
{
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
    private readonly LiveStrategyStore _store;
    private readonly TimeProvider _time;
    private readonly IBarHistory? _history;
    private readonly int _warmUpBars;
    private readonly Func<LiveStrategySpec, IStrategy> _factory;
    private readonly List<LiveStrategyRecord> _records;
    private readonly List<StrategyHost> _running = [];
    private readonly IDisposable _observation;

    /// <summary>Loads the stored strategies and resumes the running ones.</summary>
    /// <param name="paper">The paper venue the strategies trade on.</param>
    /// <param name="path">The file the strategies are stored in (e.g. <c>&lt;data-dir&gt;/paper/strategies.json</c>).</param>
    /// <param name="time">The clock of the start and stop times.</param>
    /// <param name="history">Past bars to warm up on; null = none (the strategies start cold).</param>
    /// <param name="factory">Makes a strategy instance from a spec; null = <see cref="CreateStrategy"/>.</param>
    /// <param name="warmUpBars">How many past bars a strategy warms up on.</param>
    /// <exception cref="InvalidDataException">The file is not a valid strategies file.</exception>
    public LiveStrategyService(
        PaperTradingService paper, string path, TimeProvider time, IBarHistory? history = null, Func<LiveStrategySpec, IStrategy>? factory = null,
        int warmUpBars = DefaultWarmUpBars)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfNegative(warmUpBars);
        _paper = paper;
        _store = new LiveStrategyStore(path);
        _time = time;
        _history = history;
        _warmUpBars = warmUpBars;
        _factory = factory ?? CreateStrategy;
        _records = _store.Load();
        var changed = false;
        for (var i = 0; i < _records.Count; i++)
        {
            if (_records[i].State != LiveStrategyState.Running)
            {
                continue;
            }

            try
            {
                _running.Add(NewHost(_records[i]));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException or StrategyException)
            {
                // Its account or symbol is gone, or its document no longer compiles: keep the record, say why.
                _records[i] = _records[i] with { State = LiveStrategyState.Failed, StoppedMs = Now(), Error = "Could not resume: " + e.Message };
                changed = true;
            }
        }

        if (changed)
        {
            _store.Save(_records);
        }

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
    /// <exception cref="KeyNotFoundException">There is no such paper account.</exception>
    /// <exception cref="ArgumentException">The symbol is not traded on the account, the lots are not positive, or the strategy or its parameters are invalid.</exception>
    /// <exception cref="StrategyException">The strategy document or a parameter value is invalid.</exception>
    public LiveStrategyStatus Start(LiveStrategySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Lots is { } lots && lots <= 0)
        {
            throw new ArgumentException($"Lots must be positive, not {lots}.", nameof(spec));
        }

        lock (_lock)
        {
            var sequence = _records.Count + 1;
            var record = new LiveStrategyRecord(
                $"{IdName(spec.Strategy)}-{sequence}", MagicBase + (ulong)sequence, spec, LiveStrategyState.Running, Now(), null, 0, null);
            var host = NewHost(record);
            _records.Add(record);
            _store.Save(_records);
            _running.Add(host);
            Changed?.Invoke(record.Id);
            return StatusLocked(record);
        }
    }

    /// <summary>
    /// Stops a strategy (a stopped one stays stopped); with <paramref name="flatten"/> also closes its positions and
    /// cancels its pending orders, audited with <paramref name="origin"/>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">There is no such strategy.</exception>
    public LiveStrategyStatus Stop(string id, bool flatten, TradeOrigin? origin = null)
    {
        lock (_lock)
        {
            var index = IndexOf(id);
            var record = _records[index];
            _running.RemoveAll(h => h.Record.Id == record.Id);
            if (record.State == LiveStrategyState.Running)
            {
                record = _records[index] = record with { State = LiveStrategyState.Stopped, StoppedMs = Now() };
                _store.Save(_records);
            }

            if (flatten)
            {
                var who = origin ?? new TradeOrigin(record.Id, "strategy:" + StrategyHost.StrategyName(record.Spec.Strategy));
                _paper.CancelAll(record.Spec.Account, new OrderFilter(Magic: record.Magic), who);
                _paper.CloseAll(record.Spec.Account, new PositionFilter(Magic: record.Magic), who);
            }

            Changed?.Invoke(record.Id);
            return StatusLocked(record);
        }
    }

    /// <summary>The status of strategy <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">There is no such strategy.</exception>
    public LiveStrategyStatus Status(string id)
    {
        lock (_lock)
        {
            return StatusLocked(_records[IndexOf(id)]);
        }
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
        lock (_lock)
        {
            return [.. _records.Select(StatusLocked)];
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _observation.Dispose();
        lock (_lock)
        {
            _running.Clear();
        }
    }

    private void OnTick(FeedTick tick)
    {
        lock (_lock)
        {
            var changed = false;
            for (var i = _running.Count - 1; i >= 0; i--)
            {
                var host = _running[i];
                if (!host.Spec.Name.Equals(tick.Symbol, StringComparison.Ordinal))
                {
                    continue;
                }

                var sent = host.SignalsSent;
                try
                {
                    if (!host.WarmedUp)
                    {
                        WarmUp(host, tick.Tick);
                    }

                    host.OnFeedTick(tick.Tick);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A broken strategy must not stop the feed or the other strategies.
                    _running.RemoveAt(i);
                    Replace(host.Record with { State = LiveStrategyState.Failed, StoppedMs = Now(), Error = e.Message });
                    changed = true;
                    Changed?.Invoke(host.Record.Id);
                    continue;
                }

                if (host.SignalsSent != sent)
                {
                    Changed?.Invoke(host.Record.Id);
                }

                if (host.LastOrderBar != host.Record.LastOrderBar || host.FirstBar != host.Record.FirstBar)
                {
                    host.Record = host.Record with { LastOrderBar = host.LastOrderBar, FirstBar = host.FirstBar };
                    Replace(host.Record);
                    changed = true;
                }
            }

            if (changed)
            {
                _store.Save(_records);
            }
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

    private StrategyHost NewHost(LiveStrategyRecord record)
    {
        var spec = _paper.Read(record.Spec.Account, a => a.Quotes.TryGetId(record.Spec.Symbol, out var id) ? a.Quotes.Spec(id) : null)
            ?? throw new ArgumentException($"Symbol {record.Spec.Symbol} is not traded on paper account {record.Spec.Account}.", nameof(record));
        return new StrategyHost(record, _factory(record.Spec), _paper, spec);
    }

    private LiveStrategyStatus StatusLocked(LiveStrategyRecord record)
    {
        var host = _running.Find(h => h.Record.Id == record.Id);
        var magic = record.Magic;
        try
        {
            return _paper.Read(record.Spec.Account, account =>
            {
                var positions = account.Positions.Where(p => p.Magic == magic).ToList();
                var deals = account.Deals(new HistoryQuery(long.MinValue, long.MaxValue, Magic: magic));
                return new LiveStrategyStatus(
                    host?.Record ?? record, host?.BarCount ?? 0, positions, positions.Sum(account.FloatingProfit),
                    deals.Sum(d => d.Profit + d.Swap + d.Commission), deals.Count, host?.Signals ?? []);
            });
        }
        catch (KeyNotFoundException)
        {
            // The account was removed: the strategy has nothing left to show.
            return new LiveStrategyStatus(record, host?.BarCount ?? 0, [], 0, 0, 0, host?.Signals ?? []);
        }
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
