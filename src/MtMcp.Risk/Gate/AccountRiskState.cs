namespace MtMcp.Risk;

/// <summary>What the gate tracks per account: day start, equity peak, breaches, order counts, and scratch space.</summary>
/// <remarks>Guarded by locking the instance.</remarks>
internal sealed class AccountRiskState
{
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
    }

    public void ClearExposure()
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
}
