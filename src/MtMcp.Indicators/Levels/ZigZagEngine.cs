namespace MtMcp.Indicators;

/// <summary>
/// MetaTrader's ZigZag (the ZigZag.mq5 shipped with MT5) run causally, one bar at a time, with an update in place
/// of the forming bar. MetaTrader marks candidate highs and lows (a bar whose high is the highest of the last
/// <c>depth</c> bars, within the rules of <c>deviation</c> and <c>backstep</c>) and then links them into
/// alternating swings, repainting the last ones. A candidate can still be erased by the <c>backstep</c> bars after
/// it, so the linking here runs <c>backstep</c> bars behind the newest bar, on candidates that can no longer
/// change: the swings it reports are exactly those MetaTrader draws on the full history, known from the first bar
/// at which they are certain.
/// </summary>
internal sealed class ZigZagEngine
{
    private readonly int _depth;
    private readonly int _backstep;
    private readonly double _deviation;
    private readonly HighLowWindows _window;
    private readonly double[] _lowMap;
    private readonly double[] _highMap;
    private readonly double[] _lowMapBefore;
    private readonly double[] _highMapBefore;
    private readonly bool _undoable;
    private Core _core = Core.Empty;
    private Core _coreBefore;

    /// <param name="depth">Bars a candidate must be the extreme of.</param>
    /// <param name="deviation">How far (in price) the bar may be from the window's extreme and still clear the weaker candidates behind it.</param>
    /// <param name="backstep">Bars back over which a new candidate erases weaker ones.</param>
    /// <param name="undoable">Whether <see cref="UpdateLast"/> will be called; batch forms skip saving the state.</param>
    public ZigZagEngine(int depth, double deviation, int backstep, bool undoable)
    {
        _undoable = undoable;
        _depth = depth;
        _deviation = deviation;
        _backstep = backstep;
        _window = new HighLowWindows(undoable, depth);
        _lowMap = new double[backstep + 1];
        _highMap = new double[backstep + 1];
        _lowMapBefore = new double[backstep + 1];
        _highMapBefore = new double[backstep + 1];
    }

    /// <summary>Bars added.</summary>
    public int Count => _window.Count;

    /// <summary>
    /// Direction of the current leg: +1 up (its end so far, <see cref="Extreme"/>, is a high), −1 down; 0 before
    /// the first candidate.
    /// </summary>
    public int Direction => _core.Direction;

    /// <summary>The current leg's end so far (MetaTrader's last, still moving, ZigZag point); NaN before the first.</summary>
    public double Extreme => _core.Extreme;

    /// <summary>Bar index of <see cref="Extreme"/>; −1 before the first.</summary>
    public int ExtremeBar => _core.ExtremeBar;

    /// <summary>The last confirmed swing point, where the current leg started; NaN before the first.</summary>
    public double Pivot => _core.Pivot;

    /// <summary>Bar index of <see cref="Pivot"/>; −1 before the first.</summary>
    public int PivotBar => _core.PivotBar;

    /// <summary>The confirmed swing point before <see cref="Pivot"/>: the last complete swing runs from it to the pivot.</summary>
    public double PreviousPivot => _core.PreviousPivot;

    /// <summary>Bar index of <see cref="PreviousPivot"/>; −1 before the first.</summary>
    public int PreviousPivotBar => _core.PreviousPivotBar;

    /// <summary>Appends a bar.</summary>
    public void Add(double high, double low)
    {
        if (_undoable)
        {
            _coreBefore = _core;
            _lowMap.CopyTo(_lowMapBefore, 0);
            _highMap.CopyTo(_highMapBefore, 0);
        }

        _window.Add(high, low);
        Step(high, low);
    }

    /// <summary>Replaces the last bar; the first call before any <see cref="Add"/> adds.</summary>
    /// <exception cref="InvalidOperationException">The engine was created not undoable.</exception>
    public void UpdateLast(double high, double low)
    {
        if (!_undoable)
        {
            throw new InvalidOperationException("This ZigZag was created for a batch run and cannot replace its last bar.");
        }

        if (Count == 0)
        {
            Add(high, low);
            return;
        }

        _core = _coreBefore;
        _lowMapBefore.CopyTo(_lowMap, 0);
        _highMapBefore.CopyTo(_highMap, 0);
        _window.UpdateLast(high, low);
        Step(high, low);
    }

    private int Slot(int bar) => bar % _lowMap.Length;

    private void Step(double high, double low)
    {
        var bar = Count - 1;
        var slot = Slot(bar);
        _lowMap[slot] = double.NaN;
        _highMap[slot] = double.NaN;
        if (bar >= _depth)
        {
            // MetaTrader starts marking at bar `depth`.
            _lowMap[slot] = MarkLow(bar, low);
            _highMap[slot] = MarkHigh(bar, high);
        }

        var settled = bar - _backstep;
        if (settled >= _depth)
        {
            Link(settled, _lowMap[Slot(settled)], _highMap[Slot(settled)]);
        }
    }

    /// <summary>The low candidate of <paramref name="bar"/> (NaN for none), erasing weaker ones behind it.</summary>
    private double MarkLow(int bar, double low)
    {
        var lowest = _window.Lowest(0);
        if (lowest == _core.LastLowest)
        {
            // The window's low has not changed: no new candidate.
            return double.NaN;
        }

        _core.LastLowest = lowest;
        if (low - lowest > _deviation)
        {
            return double.NaN;
        }

        for (var back = 1; back <= _backstep && bar - back >= _depth; back++)
        {
            ref var earlier = ref _lowMap[Slot(bar - back)];
            if (earlier > lowest)
            {
                earlier = double.NaN;
            }
        }

        return low == lowest ? low : double.NaN;
    }

    /// <summary>The high candidate of <paramref name="bar"/> (NaN for none), erasing weaker ones behind it.</summary>
    private double MarkHigh(int bar, double high)
    {
        var highest = _window.Highest(0);
        if (highest == _core.LastHighest)
        {
            return double.NaN;
        }

        _core.LastHighest = highest;
        if (highest - high > _deviation)
        {
            return double.NaN;
        }

        for (var back = 1; back <= _backstep && bar - back >= _depth; back++)
        {
            ref var earlier = ref _highMap[Slot(bar - back)];
            if (earlier < highest)
            {
                earlier = double.NaN;
            }
        }

        return high == highest ? high : double.NaN;
    }

    /// <summary>MetaTrader's final pass for one settled bar: extend the current leg or start the next one.</summary>
    private void Link(int bar, double low, double high)
    {
        var hasLow = !double.IsNaN(low);
        var hasHigh = !double.IsNaN(high);
        switch (_core.Direction)
        {
            case 0:
                // The first candidate starts the first leg; a bar that is both takes the low, as MetaTrader does.
                if (hasLow)
                {
                    _core.MoveExtreme(-1, low, bar);
                }
                else if (hasHigh)
                {
                    _core.MoveExtreme(1, high, bar);
                }

                break;
            case < 0:
                if (hasLow && !hasHigh && low < _core.Extreme)
                {
                    _core.MoveExtreme(-1, low, bar);
                }
                else if (hasHigh && !hasLow)
                {
                    _core.Turn(high, bar);
                }

                break;
            default:
                if (hasHigh && !hasLow && high > _core.Extreme)
                {
                    _core.MoveExtreme(1, high, bar);
                }
                else if (hasLow && !hasHigh)
                {
                    _core.Turn(low, bar);
                }

                break;
        }
    }

    /// <summary>Every scalar of the state, so one copy saves it.</summary>
    private struct Core
    {
        public static Core Empty => new()
        {
            LastLowest = double.NaN,
            LastHighest = double.NaN,
            Extreme = double.NaN,
            ExtremeBar = -1,
            Pivot = double.NaN,
            PivotBar = -1,
            PreviousPivot = double.NaN,
            PreviousPivotBar = -1,
        };

        public double LastLowest;
        public double LastHighest;
        public int Direction;
        public double Extreme;
        public int ExtremeBar;
        public double Pivot;
        public int PivotBar;
        public double PreviousPivot;
        public int PreviousPivotBar;

        public void MoveExtreme(int direction, double price, int bar)
        {
            Direction = direction;
            Extreme = price;
            ExtremeBar = bar;
        }

        /// <summary>The leg's end is confirmed as a swing point; a new leg starts towards <paramref name="price"/>.</summary>
        public void Turn(double price, int bar)
        {
            PreviousPivot = Pivot;
            PreviousPivotBar = PivotBar;
            Pivot = Extreme;
            PivotBar = ExtremeBar;
            MoveExtreme(-Direction, price, bar);
        }
    }
}
