namespace MtMcp.Backtesting;

/// <summary>
/// Builds bars of one timeframe from ticks, as the native backtest and the live strategy host both do: prices from the
/// bid, tick volume counted, spread the smallest seen in the bar (points). A bar closes when the first tick of a later bar
/// arrives, which is when a strategy sees it.
/// </summary>
/// <remarks>Not thread-safe. No allocation per tick.</remarks>
[Mutable]
public sealed class TickBars
{
    private readonly Timeframe _timeframe;
    private readonly double _point;
    private Bar _current;
    private long _startMs;
    private long _endMs;

    /// <summary>Creates the builder for <paramref name="timeframe"/> on a symbol whose point is <paramref name="point"/>.</summary>
    public TickBars(Timeframe timeframe, double point)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(point);
        _timeframe = timeframe;
        _point = point;
    }

    /// <summary>Whether a bar is in progress (at least one tick seen).</summary>
    public bool HasBar { get; private set; }

    /// <summary>The bar in progress (valid when <see cref="HasBar"/>).</summary>
    public Bar Current => _current;

    /// <summary>
    /// Continues the bar in progress from <paramref name="partial"/> (e.g. the history of the current bar before a
    /// restart), so later ticks extend it instead of starting it again.
    /// </summary>
    public void Seed(in Bar partial) => Begin(partial);

    /// <summary>
    /// Adds a tick. Returns true when it opens a new bar after a finished one, given in <paramref name="closed"/>.
    /// </summary>
    public bool Add(in Tick tick, out Bar closed)
    {
        // The bar's time range is known, so most ticks need no bar-open arithmetic (this runs on every tick).
        if (HasBar && tick.TimeMs >= _startMs && tick.TimeMs < _endMs)
        {
            _current = _current with
            {
                High = Math.Max(_current.High, tick.Bid),
                Low = Math.Min(_current.Low, tick.Bid),
                Close = tick.Bid,
                TickVolume = _current.TickVolume + 1,
                Spread = Math.Min(_current.Spread, (int)Math.Round((tick.Ask - tick.Bid) / _point)),
            };
            closed = default;
            return false;
        }

        closed = _current;
        var finished = HasBar;
        var open = _timeframe.BarOpenTime(tick.TimeMs / 1000);
        Begin(new Bar(open, tick.Bid, tick.Bid, tick.Bid, tick.Bid, 1, (int)Math.Round((tick.Ask - tick.Bid) / _point), 0));
        return finished;
    }

    private void Begin(in Bar bar)
    {
        _current = bar;
        _startMs = bar.Time * 1000;
        _endMs = _timeframe.NextBarOpenTime(bar.Time) * 1000;
        HasBar = true;
    }
}
