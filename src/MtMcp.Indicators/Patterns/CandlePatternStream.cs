namespace MtMcp.Indicators;

/// <summary>
/// The streaming form of a candlestick pattern (each pattern's nested <c>Stream</c>): O(1) per bar, equal to
/// the batch form at every bar, including after <see cref="UpdateLast"/> replaces the forming bar.
/// </summary>
/// <remarks>
/// Keeps the last lookback + 2 bars in a ring written twice over, so they always form one contiguous run the
/// pattern's averages and rule read like the batch series; the pattern's rolling totals (and own ranges) at the
/// last bar; and a copy of the totals and hikkake set-up from before the last bar, which an update in
/// place restores before re-running that bar.
/// Not thread-safe.
/// </remarks>
public abstract class CandlePatternStream : IStreamingIndicator
{
    private readonly CandlePattern _pattern;
    private readonly double _penetration;
    private readonly int _width;
    private readonly double[] _open;
    private readonly double[] _high;
    private readonly double[] _low;
    private readonly double[] _close;
    private readonly double[] _totals;
    private readonly double[] _totalsBefore;
    private PatternMemory _memory;
    private PatternMemory _memoryBefore;
    private double _value = double.NaN;

    /// <exception cref="ArgumentOutOfRangeException">A penetration that is not a number from 0 to 3e37.</exception>
    private protected CandlePatternStream(CandlePattern pattern, double penetration)
    {
        pattern.CheckPenetration(penetration);
        _pattern = pattern;
        _penetration = penetration;

        // A roll reaches one bar further back than the longest average: lookback + 1 bars before the newest.
        _width = pattern.Lookback + 2;
        _open = new double[2 * _width];
        _high = new double[2 * _width];
        _low = new double[2 * _width];
        _close = new double[2 * _width];
        _totals = new double[pattern.Averages.Length];
        _totalsBefore = new double[pattern.Averages.Length];
    }

    /// <inheritdoc />
    public IndicatorInfo Info => _pattern.Info;

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public bool IsReady => Count > _pattern.Lookback;

    /// <inheritdoc />
    public void Add(in StreamBar bar)
    {
        _totals.CopyTo(_totalsBefore, 0);
        _memoryBefore = _memory;
        Count++;
        Step(bar);
    }

    /// <inheritdoc />
    public void UpdateLast(in StreamBar bar)
    {
        if (Count == 0)
        {
            Add(bar);
            return;
        }

        _totalsBefore.CopyTo(_totals, 0);
        _memory = _memoryBefore;
        Step(bar);
    }

    /// <summary>The signal at the last bar: ±100 (±80 or ±200 where TA-Lib has them) or 0; NaN during warm-up.</summary>
    public double Value(int output) => _value;

    private void Step(in StreamBar bar)
    {
        var index = Count - 1;
        var slot = index % _width;
        _open[slot] = _open[slot + _width] = bar.Open;
        _high[slot] = _high[slot + _width] = bar.High;
        _low[slot] = _low[slot + _width] = bar.Low;
        _close[slot] = _close[slot + _width] = bar.Close;

        // Positions slot + 1 .. slot + width hold the last width bars, oldest first.
        var candles = new CandleSeries(
            _open.AsSpan(slot + 1, _width), _high.AsSpan(slot + 1, _width), _low.AsSpan(slot + 1, _width), _close.AsSpan(slot + 1, _width));
        var window = new CandleWindow(candles, _pattern.Scales, _totals, 1, _penetration, ref _memory);
        window.MoveTo(_width - 1, index, 0);
        var signal = _pattern.Advance(candles, window, _totals);
        _value = index >= _pattern.Lookback ? signal : double.NaN;
    }
}
