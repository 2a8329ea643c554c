using System.Globalization;

namespace MtMcp.Domain;

public sealed partial record SymbolSpec
{
    /// <summary>Conventional pip: ten points for 3- and 5-digit quotes, otherwise one point.</summary>
    public double PipSize => Digits is 3 or 5 ? 10 * Point : Point;

    /// <summary>Whether the symbol is a currency pair (forex calc modes).</summary>
    public bool IsForex => CalcMode is SymbolCalcMode.Forex or SymbolCalcMode.ForexNoLeverage;

    /// <summary>Rounds <paramref name="price"/> to the symbol's tick grid.</summary>
    public double NormalizePrice(double price) => Math.Round(Math.Round(price / TickSize) * TickSize, Digits);

    /// <summary>The price as a whole number of ticks: the only safe way to compare prices.</summary>
    public long ToTicks(double price) => checked((long)Math.Round(price / TickSize));

    /// <summary>Formats a price with the symbol's digits, invariant culture.</summary>
    public string FormatPrice(double price) => price.ToString("F" + Digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether <paramref name="lots"/> is a valid order volume: within [VolumeMin, VolumeMax] and
    /// VolumeMin plus a whole number of VolumeSteps.
    /// </summary>
    public bool IsValidVolume(decimal lots) =>
        lots >= VolumeMin && lots <= VolumeMax && (lots - VolumeMin) % VolumeStep == 0;

    /// <summary>Rounds <paramref name="lots"/> down to the volume grid; 0 when below the minimum.</summary>
    public decimal FloorVolume(decimal lots)
    {
        if (lots < VolumeMin)
        {
            return 0m;
        }

        var steps = decimal.Floor((Math.Min(lots, VolumeMax) - VolumeMin) / VolumeStep);
        return VolumeMin + (steps * VolumeStep);
    }

    /// <summary>Whether the symbol is in a trade session at <paramref name="utc"/>.</summary>
    public bool IsTradable(DateTimeOffset utc) => InSession(TradeSessions, utc);

    /// <summary>Whether the symbol is quoted at <paramref name="utc"/>.</summary>
    public bool IsQuoted(DateTimeOffset utc) => InSession(QuoteSessions, utc);

    /// <summary>Whether margin or profit of <paramref name="calcMode"/> uses <see cref="TickPrice"/> (futures and CFD index modes).</summary>
    public static bool UsesTickPrice(SymbolCalcMode calcMode) =>
        calcMode is SymbolCalcMode.Futures or SymbolCalcMode.ExchFutures or SymbolCalcMode.CfdIndex;

    /// <summary>Every problem with this specification; empty when it is consistent.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add($"{Name}: {problem}");
            }
        }

        Check(!string.IsNullOrWhiteSpace(Name), "name is empty");
        Check(Digits is >= 0 and <= 8, $"digits {Digits} is outside 0..8");
        if (Digits is >= 0 and <= 8)
        {
            // The point, and a default tick size, exist only for valid digits.
            Check(TickSize > 0 && double.IsFinite(TickSize), $"tick size {TickSize} must be positive");
            Check(Math.Abs((TickSize / Point) - Math.Round(TickSize / Point)) < 1e-9, $"tick size {TickSize} is not a whole number of points {Point}");
        }

        Check(ContractSize > 0 && double.IsFinite(ContractSize), $"contract size {ContractSize} must be positive");
        Check(VolumeMin > 0, $"volume min {VolumeMin} must be positive");
        Check(VolumeStep > 0, $"volume step {VolumeStep} must be positive");
        Check(VolumeMax >= VolumeMin, $"volume max {VolumeMax} is below volume min {VolumeMin}");
        Check(VolumeLimit >= 0, $"volume limit {VolumeLimit} must not be negative");
        Check(StopsLevel >= 0 && FreezeLevel >= 0, "stops and freeze levels must not be negative");
        Check(IsCurrency(CurrencyBase) && IsCurrency(CurrencyProfit) && IsCurrency(CurrencyMargin), "currencies must be 3-letter codes");
        Check(!UsesTickPrice(CalcMode) || TickPrice > 0,
            $"calc mode {CalcMode} needs a positive tick price");
        foreach (var session in QuoteSessions.Concat(TradeSessions))
        {
            Check(session.FromMinute >= 0 && session.FromMinute <= session.ToMinute && session.ToMinute <= 1440,
                $"session {session.Day} {session.FromMinute}..{session.ToMinute} is outside 0..1440 minutes");
        }

        return problems;
    }

    private static bool IsCurrency(string code) => code.Length == 3 && code.All(char.IsAsciiLetterUpper);

    private static bool InSession(IReadOnlyList<TradingSession> sessions, DateTimeOffset utc)
    {
        if (sessions.Count == 0)
        {
            return true;
        }

        var day = utc.UtcDateTime.DayOfWeek;
        var minute = (utc.UtcDateTime.Hour * 60) + utc.UtcDateTime.Minute;
        foreach (var session in sessions)
        {
            if (session.Contains(day, minute))
            {
                return true;
            }
        }

        return false;
    }
}
