namespace MtMcp.Indicators;

/// <summary>
/// The highest high and lowest low over the last <c>period</c> bars for one or more periods, streamed with an
/// update in place of the forming bar. Uses the same <see cref="RollingExtreme{TOrder}"/> steps as the batch
/// forms run over the input spans, so stream and batch agree bit for bit.
/// </summary>
internal sealed class HighLowWindows
{
    private readonly SlidingWindow _highs;
    private readonly SlidingWindow _lows;
    private readonly int[] _periods;
    private readonly RollingExtreme<Highest>[] _max;
    private readonly RollingExtreme<Lowest>[] _min;
    private readonly RollingExtreme<Highest>[] _maxBefore;
    private readonly RollingExtreme<Lowest>[] _minBefore;
    private readonly bool _undoable;

    /// <param name="periods">The window lengths.</param>
    public HighLowWindows(params int[] periods)
        : this(undoable: true, periods)
    {
    }

    /// <param name="undoable">Whether <see cref="UpdateLast"/> will be called; batch forms skip saving the state.</param>
    /// <param name="periods">The window lengths.</param>
    public HighLowWindows(bool undoable, params int[] periods)
    {
        _undoable = undoable;
        _periods = periods;
        var capacity = periods.Max();
        _highs = new SlidingWindow(capacity);
        _lows = new SlidingWindow(capacity);
        _max = [.. periods.Select(_ => new RollingExtreme<Highest>())];
        _min = [.. periods.Select(_ => new RollingExtreme<Lowest>())];
        _maxBefore = new RollingExtreme<Highest>[periods.Length];
        _minBefore = new RollingExtreme<Lowest>[periods.Length];
    }

    /// <summary>Bars added (an update in place does not count).</summary>
    public int Count { get; private set; }

    /// <summary>The highest high of the last <c>periods[k]</c> bars; NaN until that many bars were added.</summary>
    public double Highest(int k) => Count >= _periods[k] ? _max[k].Value : double.NaN;

    /// <summary>The lowest low of the last <c>periods[k]</c> bars; NaN until that many bars were added.</summary>
    public double Lowest(int k) => Count >= _periods[k] ? _min[k].Value : double.NaN;

    /// <summary>The midpoint <c>(highest + lowest) / 2</c> of period <paramref name="k"/>: Donchian's middle, Ichimoku's lines.</summary>
    public double Midpoint(int k) => (Highest(k) + Lowest(k)) / 2;

    /// <summary>Appends a bar.</summary>
    public void Add(double high, double low)
    {
        if (_undoable)
        {
            Array.Copy(_max, _maxBefore, _max.Length);
            Array.Copy(_min, _minBefore, _min.Length);
        }

        Count++;
        Step(high, low);
    }

    /// <summary>Replaces the last bar; the first call before any <see cref="Add"/> adds.</summary>
    /// <exception cref="InvalidOperationException">The windows were created not undoable.</exception>
    public void UpdateLast(double high, double low)
    {
        if (!_undoable)
        {
            throw new InvalidOperationException("These windows were created for a batch run and cannot replace their last bar.");
        }

        if (Count == 0)
        {
            Add(high, low);
            return;
        }

        Array.Copy(_maxBefore, _max, _max.Length);
        Array.Copy(_minBefore, _min, _min.Length);
        _highs.UndoPush();
        _lows.UndoPush();
        Step(high, low);
    }

    /// <summary>Appends, or replaces the last bar when <paramref name="replace"/> is set.</summary>
    public void Feed(double high, double low, bool replace)
    {
        if (replace)
        {
            UpdateLast(high, low);
        }
        else
        {
            Add(high, low);
        }
    }

    private void Step(double high, double low)
    {
        _highs.Push(high);
        _lows.Push(low);
        for (var k = 0; k < _periods.Length; k++)
        {
            var period = _periods[k];
            if (Count >= period)
            {
                var first = Count - period;
                _max[k].Step(_highs.Values[^period..], first);
                _min[k].Step(_lows.Values[^period..], first);
            }
        }
    }
}
