namespace MtMcp.Backtesting;

/// <summary>The largest drop of an equity series from its running high, fed one value at a time (no stored series).</summary>
internal struct EquityDrawdown
{
    private double _high;

    public EquityDrawdown() => _high = double.NegativeInfinity;

    /// <summary>The largest drop, in money.</summary>
    public double Money { get; private set; }

    /// <summary>That drop in % of the high it fell from.</summary>
    public double Pct { get; private set; }

    public void Add(double equity)
    {
        _high = Math.Max(_high, equity);
        if (_high - equity > Money)
        {
            Money = _high - equity;
            Pct = Money / _high * 100;
        }
    }
}
