using System.Globalization;

namespace MtMcp.Risk;

/// <summary>
/// Position sizing (risk.md §3) for one account: fixed fractional from a risk percentage and a stop, ATR-based stops,
/// fixed lots, and capped (fractional) Kelly. Volumes are rounded down to the symbol's volume step; the loss per lot
/// uses the loss-side tick value and includes the round-turn commission.
/// </summary>
/// <remarks>Reads the account's quotes; call it where the account is read (under the host's lock). Not thread-safe.</remarks>
[Mutable]
public sealed class PositionSizer
{
    private readonly TradingAccount _account;
    private readonly CurrencyConverter _converter;

    /// <summary>Creates a sizer for <paramref name="account"/> (its currency, commission schedule and quotes).</summary>
    public PositionSizer(TradingAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _account = account;
        _converter = new CurrencyConverter(account.Quotes.Symbols, account.Quotes);
    }

    /// <summary>
    /// Fixed fractional: risk <paramref name="riskPercent"/> % of equity between <paramref name="entry"/> and
    /// <paramref name="stopLoss"/>. Lots = floor(risk money / (stop ticks × tick value loss + commission per lot) / step) × step.
    /// </summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="riskPercent">Percent of equity to lose at the stop, (0, 100].</param>
    /// <param name="entry">Entry price.</param>
    /// <param name="stopLoss">Stop price, different from the entry.</param>
    /// <param name="equity">Equity to size from; null = the account's equity now.</param>
    /// <exception cref="ArgumentException">Unknown symbol, a non-positive price, entry = stop, or a risk percent outside (0, 100].</exception>
    /// <exception cref="InvalidOperationException">A quote needed to convert into the account currency is missing.</exception>
    public SizingResult FixedFractional(string symbol, double riskPercent, double entry, double stopLoss, double? equity = null)
    {
        var spec = Spec(symbol);
        if (!(riskPercent > 0 && riskPercent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(riskPercent), riskPercent, "The risk must be a percent of equity in (0, 100], typically 0.5 to 2.");
        }

        if (!(entry > 0 && stopLoss > 0) || spec.ToTicks(entry) == spec.ToTicks(stopLoss))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Entry {entry} and stop {stopLoss} must be positive prices at least one tick ({spec.TickSize}) apart."), nameof(stopLoss));
        }

        var money = (equity ?? _account.Snapshot().Equity) * riskPercent / 100;
        // Whole ticks: prices live on the tick grid, and a double difference of 1.2 − 1.198 is 199.99999… ticks.
        double stopTicks = Math.Abs(spec.ToTicks(entry) - spec.ToTicks(stopLoss));
        var tickValue = TradeMath.TickValue(spec, Currency, _converter, ConversionSide.Pay);
        var commission = RoundTurnCommission(spec, entry, stopLoss);
        var lossPerLot = (stopTicks * tickValue) + commission;
        var raw = money / lossPerLot;
        var result = new SizingResult
        {
            Volume = 0,
            RiskMoney = money,
            StopTicks = stopTicks,
            TickValueLoss = tickValue,
            CommissionPerLot = commission,
            LossPerLot = lossPerLot,
            RawVolume = raw,
        };
        return OnGrid(spec, result, raw, string.Create(CultureInfo.InvariantCulture,
            $"The stop is too wide for the risk budget: {Math.Round(money, 2)} {Currency} buys {raw:0.####} lots at {Math.Round(lossPerLot, 2)} {Currency} per lot, below {spec.Name}'s minimum volume {spec.VolumeMin}."));
    }

    /// <summary>
    /// ATR-based: the stop is <paramref name="atrMultiple"/> × <paramref name="atr"/> from the entry (below for a buy,
    /// above for a sell), then fixed fractional.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive ATR or multiple.</exception>
    public SizingResult AtrBased(string symbol, bool isBuy, double riskPercent, double entry, double atr, double atrMultiple = 2)
    {
        if (!(atr > 0 && atrMultiple > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(atr), atr, "The ATR and its multiple must be positive (a multiple of 1.5 to 3 is usual).");
        }

        var spec = Spec(symbol);
        var distance = atr * atrMultiple;
        var stop = spec.NormalizePrice(isBuy ? entry - distance : entry + distance);
        return FixedFractional(symbol, riskPercent, entry, stop);
    }

    /// <summary>Fixed lots, rounded down to the volume grid and checked against the symbol's minimum and maximum.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Non-positive lots.</exception>
    public SizingResult FixedLots(string symbol, decimal lots)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lots);
        var spec = Spec(symbol);
        return OnGrid(spec, new SizingResult { Volume = 0, RawVolume = (double)lots }, (double)lots,
            string.Create(CultureInfo.InvariantCulture, $"{lots} lots is below {spec.Name}'s minimum volume {spec.VolumeMin}."));
    }

    /// <summary>
    /// Capped Kelly: the binary Kelly fraction f* = p − (1 − p) / b, scaled by <paramref name="kellyFraction"/>
    /// (¼ to ½ is usual) and capped at <paramref name="maxRiskPercent"/>, is the share of equity risked at the stop
    /// (then fixed fractional). Kelly is an upper bound, never a model's self-estimated licence to size up.
    /// </summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="winProbability">p, in (0, 1).</param>
    /// <param name="payoffRatio">b = average win / average loss, positive.</param>
    /// <param name="kellyFraction">c in (0, 1].</param>
    /// <param name="maxRiskPercent">The cap, percent of equity.</param>
    /// <param name="entry">Entry price.</param>
    /// <param name="stopLoss">Stop price.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter outside its range.</exception>
    public SizingResult Kelly(string symbol, double winProbability, double payoffRatio, double kellyFraction, double maxRiskPercent, double entry, double stopLoss)
    {
        if (!(winProbability > 0 && winProbability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(winProbability), winProbability, "The win probability must be in (0, 1).");
        }

        if (!(payoffRatio > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(payoffRatio), payoffRatio, "The payoff ratio (average win / average loss) must be positive.");
        }

        if (!(kellyFraction > 0 && kellyFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(kellyFraction), kellyFraction, "The Kelly fraction must be in (0, 1]; ¼ to ½ is usual.");
        }

        var full = KellyFraction(winProbability, payoffRatio);
        var percent = Math.Min(full * kellyFraction * 100, maxRiskPercent);
        if (percent <= 0)
        {
            return new SizingResult { Volume = 0, Problem = string.Create(CultureInfo.InvariantCulture, $"No edge: the Kelly fraction p − q/b is {full:0.####} for p = {winProbability}, b = {payoffRatio}; do not trade.") };
        }

        return FixedFractional(symbol, percent, entry, stopLoss);
    }

    /// <summary>The binary Kelly fraction f* = p − (1 − p) / b (negative: no edge).</summary>
    public static double KellyFraction(double winProbability, double payoffRatio) => winProbability - ((1 - winProbability) / payoffRatio);

    /// <summary>Wilder's average true range of the last <paramref name="period"/> bars (seeded by the mean of the first TRs); NaN when too short.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or the period is not positive.</exception>
    public static double AverageTrueRange(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period = 14)
    {
        if (high.Length != low.Length || high.Length != close.Length)
        {
            throw new ArgumentException("High, low and close must have the same length.", nameof(close));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        if (high.Length < period + 1)
        {
            return double.NaN;
        }

        double atr = 0;
        for (var i = 1; i < high.Length; i++)
        {
            var tr = Math.Max(high[i] - low[i], Math.Max(Math.Abs(high[i] - close[i - 1]), Math.Abs(low[i] - close[i - 1])));
            atr = i <= period ? atr + (tr / period) : (((period - 1) * atr) + tr) / period;
        }

        return atr;
    }

    private string Currency => _account.Settings.Info.Currency;

    /// <summary>Commission of opening one lot at the entry and closing it at the stop (both sides the schedule charges).</summary>
    private double RoundTurnCommission(SymbolSpec spec, double entry, double exit)
    {
        var schedule = _account.Settings.Commission;
        var digits = _account.Settings.Info.CurrencyDigits;
        var open = CommissionCalculator.Commission(schedule, spec, isEntry: true, 1m, entry, Currency, _converter, digits);
        var close = CommissionCalculator.Commission(schedule, spec, isEntry: false, 1m, exit, Currency, _converter, digits);
        return -(double)(open + close);
    }

    private static SizingResult OnGrid(SymbolSpec spec, SizingResult result, double raw, string tooSmall)
    {
        // Beyond decimal's range only in absurd inputs; the symbol's maximum applies long before.
        var lots = raw >= (double)spec.VolumeMax ? spec.VolumeMax : (decimal)raw;
        var volume = spec.FloorVolume(lots);
        return volume <= 0
            ? result with { Volume = 0, Problem = tooSmall }
            : result with { Volume = volume, Capped = raw > (double)spec.VolumeMax };
    }

    private SymbolSpec Spec(string symbol) =>
        _account.Quotes.TryGetId(symbol, out var id)
            ? _account.Quotes.Spec(id)
            : throw new ArgumentException($"Unknown symbol {symbol}: it is not in the account's symbol catalogue.", nameof(symbol));
}
