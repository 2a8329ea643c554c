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
public sealed partial class PreTradeGate : ITradeGate, IKillSwitch
{
    private const long MinuteMs = 60_000;
    private const long DayMs = 86_400_000;

    // Percentages within this of a limit count as at it: the money is double arithmetic on decimal prices.
    private const double Tolerance = 1e-9;

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

    /// <summary>A loss limit was breached (once per breach). Handlers must not call back into the account's step.</summary>
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
        var equity = account.Snapshot().Equity;
        RiskBreachEventArgs? breach;
        AccountRiskStatus status;
        lock (state)
        {
            breach = Observe(state, limits, account, equity);
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

        Raise(breach);
        return status;
    }

    // ---- Committed steps -------------------------------------------------------------------

    /// <inheritdoc/>
    public void OnCommitted(TradingAccount account, AccountChanges changes)
    {
        ArgumentNullException.ThrowIfNull(account);
        var limits = _configuration.For(account.Name);
        var state = StateFor(account);
        var equity = account.Snapshot().Equity;
        RiskBreachEventArgs? breach;
        lock (state)
        {
            breach = Observe(state, limits, account, equity);
        }

        Raise(breach);
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

    /// <summary>Rolls the day, raises the peak, and latches breaches; returns a breach that just happened.</summary>
    private static RiskBreachEventArgs? Observe(AccountRiskState state, RiskLimits limits, TradingAccount account, double equity)
    {
        var now = account.TimeMs;
        var dayStart = DayStart(now, limits, account);
        if (!state.Started || dayStart > state.DayStartMs)
        {
            state.DayStartMs = dayStart;
            state.DayReference = limits.DailyLossReference == DailyLossReference.Equity ? equity : Math.Max((double)(account.Balance + account.Credit), equity);
            state.DailyBreached = false;
            state.DayOrders = 0;
        }

        if (!state.Started)
        {
            state.Started = true;
            state.Peak = equity;
        }

        state.Peak = Math.Max(state.Peak, equity);
        state.LastEquity = equity;

        RiskBreachEventArgs? breach = null;
        var dailyLoss = Percent(state.DayReference - equity, state.DayReference);
        if (!state.DailyBreached && limits.MaxDailyLossPercent > 0 && dailyLoss > limits.MaxDailyLossPercent + Tolerance)
        {
            state.DailyBreached = true;
            breach = new RiskBreachEventArgs(account.Name, RiskChecks.DailyLossLimit, dailyLoss, limits.MaxDailyLossPercent, limits.FlattenOnBreach, now);
        }

        var drawdown = Percent(state.Peak - equity, state.Peak);
        if (!state.DrawdownBreached && limits.MaxDrawdownPercent > 0 && drawdown > limits.MaxDrawdownPercent + Tolerance)
        {
            state.DrawdownBreached = true;
            breach = new RiskBreachEventArgs(account.Name, RiskChecks.MaxDrawdown, drawdown, limits.MaxDrawdownPercent, limits.FlattenOnBreach, now);
        }

        return breach;
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

    private void Raise(RiskBreachEventArgs? breach)
    {
        if (breach is not null)
        {
            Breached?.Invoke(this, breach);
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
