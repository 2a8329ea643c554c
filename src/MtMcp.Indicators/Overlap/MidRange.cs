namespace MtMcp.Indicators;

/// <summary>
/// The streaming core of MIDPOINT and MIDPRICE: <c>(highest + lowest) / 2</c> over a sliding window, with the
/// same <see cref="RollingExtreme{TOrder}"/> steps as their batch form, so the values equal it.
/// </summary>
internal sealed class MidRange
{
    private readonly SlidingWindow _highs;
    private readonly SlidingWindow _lows;
    private RollingExtreme<Highest> _highest = new();
    private RollingExtreme<Lowest> _lowest = new();
    private RollingExtreme<Highest> _highestBefore;
    private RollingExtreme<Lowest> _lowestBefore;

    /// <summary>Creates the core; without <paramref name="separateLow"/> the lows are the highs (one series).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
    public MidRange(int period, bool separateLow)
    {
        Guard.Period(period, 2);
        _highs = new SlidingWindow(period);
        _lows = separateLow ? new SlidingWindow(period) : _highs;
    }

    public int Count { get; private set; }

    public bool IsReady => _highs.IsFull;

    public double Value { get; private set; } = double.NaN;

    public void Add(double high, double low)
    {
        _highestBefore = _highest;
        _lowestBefore = _lowest;
        Count++;
        Step(high, low);
    }

    public void UpdateLast(double high, double low)
    {
        if (Count == 0)
        {
            Add(high, low);
            return;
        }

        _highest = _highestBefore;
        _lowest = _lowestBefore;
        _highs.UndoPush();
        if (_lows != _highs)
        {
            _lows.UndoPush();
        }

        Step(high, low);
    }

    private void Step(double high, double low)
    {
        _highs.Push(high);
        if (_lows != _highs)
        {
            _lows.Push(low);
        }

        if (!IsReady)
        {
            return;
        }

        var first = Count - _highs.Capacity;
        _highest.Step(_highs.Values, first);
        _lowest.Step(_lows.Values, first);
        Value = (_highest.Value + _lowest.Value) / 2.0;
    }
}
