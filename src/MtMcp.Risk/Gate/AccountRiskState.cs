using System.Runtime.CompilerServices;

namespace MtMcp.Risk;

/// <summary>What the gate tracks per account: day start, equity peak, breaches, order counts, and scratch space.</summary>
/// <remarks>Guarded by locking the instance.</remarks>
internal sealed class AccountRiskState
{
    // A power of two: the identity hash is masked into a slot.
    private const int IdSlots = 64;

    // Symbol name → id by string identity: positions and orders carry the catalogue's own name strings, so the
    // per-position lookup is an identity hash, not a case-insensitive string hash. Direct-mapped, so it stays small.
    private readonly (string? Name, int Id)[] _ids = new (string?, int)[IdSlots];

    // Conversion rates (profit currency → account currency, paying side) valid for one evaluation: the quotes do
    // not move while the gate evaluates, and a symbol's rate is needed by several checks.
    private double[] _payRates = [];
    private int[] _rateEpochs = [];
    private int _epoch;

    // Return correlations by symbol id pair, valid while the return series keep their version.
    private readonly Dictionary<long, double> _correlations = [];
    private long _correlationVersion = long.MinValue;

    public AccountRiskState(QuoteBoard quotes) => Bind(quotes);

    public QuoteBoard Quotes { get; private set; } = null!;

    public CurrencyConverter Converter { get; private set; } = null!;

    // Resulting volume per symbol id and direction, rebuilt for each evaluation.
    public double[] LongLots { get; private set; } = [];

    public double[] ShortLots { get; private set; } = [];

    public int[] Touched { get; private set; } = [];

    public bool[] IsTouched { get; private set; } = [];

    public int TouchedCount { get; set; }

    public bool Started { get; set; }

    public long DayStartMs { get; set; } = long.MinValue;

    public double DayReference { get; set; }

    public bool DailyBreached { get; set; }

    public double Peak { get; set; }

    public bool DrawdownBreached { get; set; }

    public double LastEquity { get; set; }

    /// <summary>Whether the daily loss reached 80 % of its limit today (warned once per day).</summary>
    public bool DailyWarned { get; set; }

    /// <summary>Whether the drawdown reached 80 % of its limit since the last new peak.</summary>
    public bool DrawdownWarned { get; set; }

    /// <summary>The peak as last handed to the host for storage.</summary>
    public double StoredPeak { get; set; } = double.NaN;

    /// <summary>The day start as last handed to the host for storage.</summary>
    public long StoredDayStartMs { get; set; } = long.MinValue;

    /// <summary>The latches (<see cref="Flags"/>) as last handed to the host for storage.</summary>
    public int StoredFlags { get; set; } = -1;

    /// <summary>The four latches as bits, to see cheaply whether one changed since the state was stored.</summary>
    public int Flags => (DailyBreached ? 1 : 0) | (DrawdownBreached ? 2 : 0) | (DailyWarned ? 4 : 0) | (DrawdownWarned ? 8 : 0);

    public RateWindow Minute { get; } = new();

    public int DayOrders { get; set; }

    /// <summary>Points the state at a (new) quote board: a restored account gets a new one.</summary>
    public void Bind(QuoteBoard quotes)
    {
        Quotes = quotes;
        Converter = new CurrencyConverter(quotes.Symbols, quotes);
        var n = quotes.Symbols.Count;
        LongLots = new double[n];
        ShortLots = new double[n];
        Touched = new int[n];
        IsTouched = new bool[n];
        TouchedCount = 0;
        Array.Clear(_ids);
        _payRates = new double[n];
        _rateEpochs = new int[n];
        _epoch = 1;
        _correlations.Clear();
        _correlationVersion = long.MinValue;
    }

    /// <summary>Finds the id of <paramref name="symbol"/> (case-insensitively, as the board does).</summary>
    public bool TryGetId(string symbol, out int id)
    {
        ref var slot = ref _ids[RuntimeHelpers.GetHashCode(symbol) & (IdSlots - 1)];
        if (ReferenceEquals(slot.Name, symbol))
        {
            id = slot.Id;
            return true;
        }

        if (!Quotes.TryGetId(symbol, out id))
        {
            return false;
        }

        slot = (symbol, id);
        return true;
    }

    /// <summary>Starts an evaluation: forgets the previous one's exposure and conversion rates.</summary>
    public void BeginEvaluation()
    {
        ClearExposure();
        if (_epoch == int.MaxValue)
        {
            Array.Clear(_rateEpochs);
            _epoch = 0;
        }

        _epoch++;
    }

    /// <summary>How many <paramref name="currency"/> one unit of symbol <paramref name="id"/>'s profit currency costs now.</summary>
    /// <exception cref="InvalidOperationException">A conversion pair has no quote.</exception>
    public double PayRate(int id, string currency)
    {
        if (_rateEpochs[id] != _epoch)
        {
            _payRates[id] = Converter.Rate(Quotes.Spec(id).CurrencyProfit, currency, ConversionSide.Pay);
            _rateEpochs[id] = _epoch;
        }

        return _payRates[id];
    }

    /// <summary>The cached correlation of symbols <paramref name="a"/> and <paramref name="b"/> at the series' <paramref name="version"/>.</summary>
    public bool TryGetCorrelation(int a, int b, long version, out double rho)
    {
        if (version != _correlationVersion)
        {
            _correlations.Clear();
            _correlationVersion = version;
        }

        return _correlations.TryGetValue(PairKey(a, b), out rho);
    }

    public void SetCorrelation(int a, int b, double rho) => _correlations[PairKey(a, b)] = rho;

    public void AddExposure(int id, bool isLong, double lots)
    {
        if (!IsTouched[id])
        {
            IsTouched[id] = true;
            Touched[TouchedCount++] = id;
        }

        if (isLong)
        {
            LongLots[id] += lots;
        }
        else
        {
            ShortLots[id] += lots;
        }
    }

    private void ClearExposure()
    {
        for (var i = 0; i < TouchedCount; i++)
        {
            var id = Touched[i];
            LongLots[id] = 0;
            ShortLots[id] = 0;
            IsTouched[id] = false;
        }

        TouchedCount = 0;
    }

    private long PairKey(int a, int b) => a < b ? ((long)a * LongLots.Length) + b : ((long)b * LongLots.Length) + a;
}
