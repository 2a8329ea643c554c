using System.Collections.Concurrent;
using System.Globalization;

namespace MtMcp.Risk;

/// <summary>
/// The pre-trade risk gate on the one order path (docs/risk.md): every request from every front end, strategy and
/// backtest is evaluated against the account's limits before it reaches the venue; refusals carry a stable code
/// from <see cref="RiskChecks"/>. Risk-reducing requests (closing, cancelling) always pass. Also the kill switch,
/// the repeated-execution breaker and the loss-limit tracker (start-of-day equity, equity peak).
/// </summary>
/// <remarks>
/// Thread-safe: per-account and per-actor state is locked; the configuration is swapped atomically on reload. Time is
/// the account's clock (<see cref="TradingAccount.TimeMs"/>), so backtests evaluate on simulated time.
/// </remarks>
[Mutable]
public sealed partial class PreTradeGate : ITradeGate, IKillSwitch, IRiskMonitor
{
    private const long MinuteMs = 60_000;
    private const long DayMs = 86_400_000;

    // Percentages within this of a limit count as at it: the money is double arithmetic on decimal prices.
    private const double Tolerance = 1e-9;

    // A loss limit used this much raises a warning (risk.md: alerts at 80 % and 100 %).
    private const double WarningShare = 0.8;

    private readonly ConcurrentDictionary<string, AccountRiskState> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ActorRiskState> _actors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _killedAccounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReturnSeriesProvider? _returns;
    private readonly Lock _configurationLock = new();
    private volatile RiskConfiguration _configuration;
    private volatile string? _globalKill;
    private long _version = 1;

    /// <summary>Creates a gate.</summary>
    /// <param name="configuration">The limits; null = <see cref="RiskConfiguration.Default"/> (the documented safe defaults).</param>
    /// <param name="returns">Return series for the correlation check; null = the check is skipped (no data to correlate).</param>
    public PreTradeGate(RiskConfiguration? configuration = null, IReturnSeriesProvider? returns = null)
    {
        _configuration = configuration ?? RiskConfiguration.Default;
        _returns = returns;
    }

    /// <summary>
    /// A limit was breached or reached 80 % (<see cref="RiskBreachEventArgs.Warning"/>), once per episode: daily loss,
    /// drawdown from the equity peak, or a repeated-execution breaker trip. Handlers must not call back into the
    /// account's step.
    /// </summary>
    public event EventHandler<RiskBreachEventArgs>? Breached;

    /// <summary>The configuration in force.</summary>
    public RiskConfiguration Configuration => _configuration;

    /// <summary>The version of the configuration in force: 1 at start, +1 per applied reload.</summary>
    public long ConfigurationVersion => Interlocked.Read(ref _version);

    /// <summary>
    /// Replaces the configuration with the one in <paramref name="json"/> (hot reload). A document with any error
    /// changes nothing and reports every error with its JSON path.
    /// </summary>
    public RiskReloadResult Reload(string json)
    {
        if (!RiskConfiguration.TryParse(json, out var configuration, out var errors))
        {
            return new RiskReloadResult(false, ConfigurationVersion, errors);
        }

        return new RiskReloadResult(true, Apply(configuration), []);
    }

    /// <summary>Puts <paramref name="configuration"/> in force; returns the new version.</summary>
    public long Apply(RiskConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        lock (_configurationLock)
        {
            _configuration = configuration;
            return Interlocked.Increment(ref _version);
        }
    }

    // ---- Kill switch ------------------------------------------------------------------------

    /// <inheritdoc/>
    public bool Engage(string? account, TradeOrigin origin, string reason)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var why = string.IsNullOrWhiteSpace(reason) ? "kill switch engaged by " + origin.Actor : reason;
        if (account is null)
        {
            return Interlocked.Exchange(ref _globalKill, why) is null;
        }

        return _killedAccounts.TryAdd(account, why);
    }

    /// <inheritdoc/>
    public bool Release(string? account, TradeOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return account is null ? Interlocked.Exchange(ref _globalKill, null) is not null : _killedAccounts.TryRemove(account, out _);
    }

    /// <inheritdoc/>
    public bool IsEngaged(string account) => _globalKill is not null || _killedAccounts.ContainsKey(account);

    /// <summary>Whether the global kill switch is engaged.</summary>
    public bool IsGloballyEngaged => _globalKill is not null;

    // ---- Repeated-execution breaker and drawdown latch (admin only) --------------------------

    /// <summary>Actors the repeated-execution breaker disabled, with the reason.</summary>
    public IReadOnlyDictionary<string, string> DisabledActors
    {
        get
        {
            var disabled = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (actor, state) in _actors)
            {
                lock (state)
                {
                    if (state.Disabled)
                    {
                        disabled[actor] = state.DisabledReason;
                    }
                }
            }

            return disabled;
        }
    }

    /// <summary>Re-enables an actor the breaker disabled; only an admin may (RTS 6 Art. 15(3)).</summary>
    /// <returns>True when the actor was disabled.</returns>
    /// <exception cref="UnauthorizedAccessException"><paramref name="admin"/> is false.</exception>
    public bool ReenableActor(string actor, bool admin)
    {
        RequireAdmin(admin, "re-enable an actor the repeated-execution breaker disabled");
        if (!_actors.TryGetValue(actor, out var state))
        {
            return false;
        }

        lock (state)
        {
            var was = state.Disabled;
            state.Disabled = false;
            state.DisabledReason = "";
            state.ClearExecutions();
            return was;
        }
    }

    /// <summary>
    /// Clears a drawdown breach of <paramref name="account"/> and restarts the peak from its last seen equity; only an
    /// admin may (risk.md §4: re-enable by a human only).
    /// </summary>
    /// <returns>True when the account was blocked by its drawdown.</returns>
    /// <exception cref="UnauthorizedAccessException"><paramref name="admin"/> is false.</exception>
    public bool ResetDrawdown(string account, bool admin)
    {
        RequireAdmin(admin, "reset a drawdown breach");
        if (!_accounts.TryGetValue(account, out var state))
        {
            return false;
        }

        lock (state)
        {
            var was = state.DrawdownBreached;
            state.DrawdownBreached = false;
            state.Peak = state.LastEquity;
            return was;
        }
    }

    // ---- Status ----------------------------------------------------------------------------

    /// <summary>The loss-limit and rate figures of <paramref name="account"/> now, for reports and alerts.</summary>
    public AccountRiskStatus Status(TradingAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var limits = _configuration.For(account.Name);
        var state = StateFor(account);
        var equity = account.Equity();
        List<RiskBreachEventArgs>? breaches = null;
        AccountRiskStatus status;
        lock (state)
        {
            Observe(state, limits, account, equity, ref breaches);
            status = new AccountRiskStatus
            {
                Account = account.Name,
                Equity = equity,
                DayStartMs = state.DayStartMs,
                DayReference = state.DayReference,
                DailyLossPercent = Percent(state.DayReference - equity, state.DayReference),
                DailyLossBlocked = state.DailyBreached,
                Peak = state.Peak,
                DrawdownPercent = Percent(state.Peak - equity, state.Peak),
                DrawdownBlocked = state.DrawdownBreached,
                OrdersLastMinute = state.Minute.CountAfter(account.TimeMs - MinuteMs),
                OrdersToday = state.DayOrders,
                KillSwitch = IsEngaged(account.Name),
                Limits = limits,
            };
        }

        Raise(breaches);
        return status;
    }

    // ---- Committed steps -------------------------------------------------------------------

    /// <inheritdoc/>
    public void OnCommitted(TradingAccount account, AccountChanges changes)
    {
        ArgumentNullException.ThrowIfNull(account);
        var limits = _configuration.For(account.Name);
        var state = StateFor(account);
        var equity = account.Equity();
        List<RiskBreachEventArgs>? breaches = null;
        lock (state)
        {
            Observe(state, limits, account, equity, ref breaches);
        }

        Raise(breaches);
    }

    private AccountRiskState StateFor(TradingAccount account)
    {
        var state = _accounts.GetOrAdd(account.Name, static (_, quotes) => new AccountRiskState(quotes), account.Quotes);
        if (!ReferenceEquals(state.Quotes, account.Quotes))
        {
            lock (state)
            {
                if (!ReferenceEquals(state.Quotes, account.Quotes))
                {
                    state.Bind(account.Quotes);
                }
            }
        }

        return state;
    }

    private ActorRiskState ActorFor(string actor) => _actors.GetOrAdd(actor, static _ => new ActorRiskState());

    /// <summary>
    /// Rolls the day, raises the peak, and latches warnings (80 % of a limit) and breaches; adds what just happened to
    /// <paramref name="events"/> (allocated only then).
    /// </summary>
    private static void Observe(AccountRiskState state, RiskLimits limits, TradingAccount account, double equity, ref List<RiskBreachEventArgs>? events)
    {
        var now = account.TimeMs;
        var dayStart = DayStart(now, limits, account);
        if (!state.Started || dayStart > state.DayStartMs)
        {
            state.DayStartMs = dayStart;
            state.DayReference = limits.DailyLossReference == DailyLossReference.Equity ? equity : Math.Max((double)(account.Balance + account.Credit), equity);
            state.DailyBreached = false;
            state.DailyWarned = false;
            state.DayOrders = 0;
        }

        if (!state.Started)
        {
            state.Started = true;
            state.Peak = equity;
        }

        if (equity > state.Peak)
        {
            // A new peak starts a new drawdown episode: its 80 % warning may come again.
            state.Peak = equity;
            state.DrawdownWarned = false;
        }

        state.LastEquity = equity;
        var dailyLoss = Percent(state.DayReference - equity, state.DayReference);
        (state.DailyWarned, state.DailyBreached) = Latch(
            state.DailyWarned, state.DailyBreached, RiskChecks.DailyLossLimit, dailyLoss, limits.MaxDailyLossPercent, "Today's loss from", state.DayReference, ref events);
        var drawdown = Percent(state.Peak - equity, state.Peak);
        (state.DrawdownWarned, state.DrawdownBreached) = Latch(
            state.DrawdownWarned, state.DrawdownBreached, RiskChecks.MaxDrawdown, drawdown, limits.MaxDrawdownPercent, "The drawdown from the equity peak", state.Peak, ref events);

        (bool Warned, bool Breached) Latch(bool warned, bool breached, string check, double value, double limit, string what, double from, ref List<RiskBreachEventArgs>? events)
        {
            if (limit <= 0 || breached)
            {
                return (warned, breached);
            }

            if (value > limit + Tolerance)
            {
                (events ??= []).Add(new RiskBreachEventArgs(account.Name, check, value, limit, limits.FlattenOnBreach, now)
                {
                    Message = string.Create(CultureInfo.InvariantCulture,
                        $"{what} {Money(from)} to {Money(equity)} is {value:0.###} %, beyond the limit of {limit} %: new risk is blocked{(limits.FlattenOnBreach ? " and the account is flattened" : "")}."),
                });
                return (true, true);
            }

            if (!warned && value >= (WarningShare * limit) - Tolerance)
            {
                (events ??= []).Add(new RiskBreachEventArgs(account.Name, check, value, limit, false, now)
                {
                    Warning = true,
                    Message = string.Create(CultureInfo.InvariantCulture, $"{what} {Money(from)} to {Money(equity)} is {value:0.###} %, at {value / limit * 100:0.#} % of the limit of {limit} %."),
                });
                return (true, false);
            }

            return (warned, breached);
        }
    }

    private static long DayStart(long timeMs, RiskLimits limits, TradingAccount account)
    {
        var offset = limits.DayBoundary == DayBoundary.Server ? (long)account.Settings.ServerTimeOffset.TotalMilliseconds : 0;
        var local = timeMs + offset;
        var days = local / DayMs;
        if (local % DayMs < 0)
        {
            days--; // floor, also before 1970
        }

        return (days * DayMs) - offset;
    }

    private static double Percent(double part, double whole) => whole > 0 ? part / whole * 100 : 0;

    private void Raise(List<RiskBreachEventArgs>? events)
    {
        if (events is null)
        {
            return;
        }

        foreach (var e in events)
        {
            Breached?.Invoke(this, e);
        }
    }

    private static void RequireAdmin(bool admin, string action)
    {
        if (!admin)
        {
            throw new UnauthorizedAccessException(string.Create(CultureInfo.InvariantCulture, $"Only an admin may {action}."));
        }
    }
}
