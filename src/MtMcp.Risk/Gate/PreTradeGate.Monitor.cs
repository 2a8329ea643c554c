using System.Globalization;
using System.Text.Json;

namespace MtMcp.Risk;

public sealed partial class PreTradeGate
{
    // The stored peak follows the live one in steps of this share (1 bp): a crash can lose at most that much of the
    // peak, and a trending account does not write its row on every tick.
    private const double PeakStoreStep = 1e-4;

    /// <inheritdoc/>
    /// <remarks>
    /// O(1) and allocation-free on most quotes: the account's running equity estimate is compared with the peak and
    /// with 80 % of the loss limits; only a new peak, a quote near a limit or a new day costs an exact valuation.
    /// </remarks>
    public bool OnQuote(TradingAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var limits = _configuration.For(account.Name);
        var state = StateFor(account);
        var estimate = account.EstimatedEquity;
        List<RiskBreachEventArgs>? breaches = null;
        bool due;
        lock (state)
        {
            if (state.Started && estimate <= state.Peak && !NearLimit(state, limits, estimate) && DayStart(account.TimeMs, limits, account) <= state.DayStartMs)
            {
                return false;
            }

            Observe(state, limits, account, account.Equity(), ref breaches);
            due = IsStoreDue(state);
        }

        Raise(breaches);
        return due;
    }

    /// <inheritdoc/>
    public string? TakeState(TradingAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!_accounts.TryGetValue(account.Name, out var state))
        {
            return null;
        }

        lock (state)
        {
            if (!state.Started || !IsStoreDue(state))
            {
                return null;
            }

            state.StoredPeak = state.Peak;
            state.StoredDayStartMs = state.DayStartMs;
            state.StoredFlags = state.Flags;
            return new CanonicalJson()
                .Add("v", 1L)
                .Add("peak", state.Peak)
                .Add("day_start_ms", state.DayStartMs)
                .Add("day_reference", state.DayReference)
                .Add("daily_breached", state.DailyBreached)
                .Add("drawdown_breached", state.DrawdownBreached)
                .Add("daily_warned", state.DailyWarned)
                .Add("drawdown_warned", state.DrawdownWarned)
                .ToString();
        }
    }

    /// <inheritdoc/>
    /// <remarks>Null forgets the account's state (a new or reset account starts its peak again).</remarks>
    public void RestoreState(TradingAccount account, string? state)
    {
        ArgumentNullException.ThrowIfNull(account);
        var risk = StateFor(account);
        lock (risk)
        {
            if (state is null)
            {
                risk.Started = false;
                risk.DayStartMs = long.MinValue;
                (risk.DailyBreached, risk.DrawdownBreached, risk.DailyWarned, risk.DrawdownWarned) = (false, false, false, false);
                (risk.StoredPeak, risk.StoredDayStartMs, risk.StoredFlags) = (double.NaN, long.MinValue, -1);
                return;
            }

            try
            {
                using var document = JsonDocument.Parse(state);
                var root = document.RootElement;
                if (root.GetProperty("v").GetInt64() != 1)
                {
                    throw new ArgumentException($"The stored risk state of account {account.Name} has version {root.GetProperty("v")}; this build reads version 1.", nameof(state));
                }

                risk.Peak = root.GetProperty("peak").GetDouble();
                risk.LastEquity = risk.Peak;
                risk.DayStartMs = root.GetProperty("day_start_ms").GetInt64();
                risk.DayReference = root.GetProperty("day_reference").GetDouble();
                risk.DailyBreached = root.GetProperty("daily_breached").GetBoolean();
                risk.DrawdownBreached = root.GetProperty("drawdown_breached").GetBoolean();
                risk.DailyWarned = root.GetProperty("daily_warned").GetBoolean();
                risk.DrawdownWarned = root.GetProperty("drawdown_warned").GetBoolean();
                risk.Started = true;
                (risk.StoredPeak, risk.StoredDayStartMs, risk.StoredFlags) = (risk.Peak, risk.DayStartMs, risk.Flags);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The stored risk state of account {account.Name} cannot be read ({e.Message}): {state}"), nameof(state), e);
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Per symbol the larger direction's notional (as the leverage check counts it: pending orders not included), in
    /// the account currency at the current quotes, summed per class; the cap is the class's under the profile in force.
    /// A symbol that cannot be valued (no quote for it or its conversion pair) is listed under <c>unvalued</c>.
    /// </remarks>
    public string? DescribeExposure(TradingAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var limits = _configuration.For(account.Name);
        var state = StateFor(account);
        var currency = account.Settings.Info.Currency;
        var equity = account.Equity();
        var classes = new SortedDictionary<string, (double Exposure, int Cap)>(StringComparer.Ordinal);
        var unvalued = new SortedSet<string>(StringComparer.Ordinal);
        lock (state)
        {
            state.BeginEvaluation();
            var quotes = state.Quotes;
            foreach (var position in account.Positions)
            {
                if (state.TryGetId(position.Symbol, out var id))
                {
                    state.AddExposure(id, position.Type == PositionType.Buy, (double)position.Volume);
                }
            }

            for (var i = 0; i < state.TouchedCount; i++)
            {
                var id = state.Touched[i];
                var spec = quotes.Spec(id);
                var assetClass = LeverageCaps.ClassOf(spec, limits.Profile);
                var key = LeverageCaps.KeyOf(assetClass);
                try
                {
                    if (!quotes.HasQuote(id))
                    {
                        unvalued.Add(spec.Name);
                        continue;
                    }

                    var q = quotes.Get(id);
                    var exposure = Math.Max(state.LongLots[id] * q.Ask, state.ShortLots[id] * q.Bid) * spec.ContractSize * state.PayRate(id, currency);
                    var sum = classes.TryGetValue(key, out var seen) ? seen.Exposure : 0;
                    classes[key] = (sum + exposure, limits.Leverage.CapFor(assetClass));
                }
                catch (InvalidOperationException)
                {
                    unvalued.Add(spec.Name);
                }
            }
        }

        var byClass = new CanonicalJson();
        foreach (var (key, (exposure, cap)) in classes)
        {
            byClass.Add(key, new CanonicalJson().Add("exposure", exposure).Add("cap", (long)cap));
        }

        return new CanonicalJson()
            .Add("equity", equity)
            .Add("currency", currency)
            .Add("profile", ProfileName(limits.Profile))
            .Add("classes", byClass)
            .Add("unvalued", string.Join(",", unvalued))
            .ToString();
    }

    /// <summary>Whether the estimate is within reach of a loss limit's warning level: then the exact equity decides.</summary>
    private static bool NearLimit(AccountRiskState state, RiskLimits limits, double estimate)
    {
        // Below the warning level: the estimate's cached conversion rates can lag the exact valuation a little.
        const double Screen = WarningShare - 0.05;
        return (limits.MaxDrawdownPercent > 0 && Percent(state.Peak - estimate, state.Peak) >= Screen * limits.MaxDrawdownPercent)
            || (limits.MaxDailyLossPercent > 0 && Percent(state.DayReference - estimate, state.DayReference) >= Screen * limits.MaxDailyLossPercent);
    }

    private static bool IsStoreDue(AccountRiskState state) =>
        state.Flags != state.StoredFlags
        || state.DayStartMs != state.StoredDayStartMs
        || double.IsNaN(state.StoredPeak)
        || state.Peak > state.StoredPeak + (Math.Abs(state.StoredPeak) * PeakStoreStep)
        || state.Peak < state.StoredPeak;
}
