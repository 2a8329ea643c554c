namespace MtMcp.Indicators;

/// <summary>
/// The streaming form of Wilder's directional movement system (PLUS_DM, MINUS_DM, PLUS_DI, MINUS_DI, DX, ADX,
/// ADXR): O(1) per bar, equal to the batch forms at every bar, including after <see cref="UpdateLast"/>.
/// </summary>
public abstract class DirectionalStream : IStreamingIndicator
{
    private readonly DirectionalLine _line;
    private readonly int _lookback;

    // ADXR: the ADX of the last period bars, once the ADX exists.
    private readonly SlidingWindow? _adx;
    private AverageDirectional _state;
    private AverageDirectional _stateBefore;
    private bool _pushedAdx;
    private double _value = double.NaN;

    private protected DirectionalStream(DirectionalLine line, int period, int minPeriod, int lookback)
    {
        Guard.Period(period, minPeriod);
        _line = line;
        _lookback = lookback;
        _state = new AverageDirectional(period);
        _adx = line == DirectionalLine.Adxr ? new SlidingWindow(period) : null;
    }

    /// <inheritdoc />
    public abstract IndicatorInfo Info { get; }

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public bool IsReady => Count > _lookback;

    /// <inheritdoc />
    public void Add(in StreamBar bar)
    {
        _stateBefore = _state;
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

        _state = _stateBefore;
        if (_pushedAdx)
        {
            _adx!.UndoPush();
        }

        Step(bar);
    }

    /// <inheritdoc />
    public double Value(int output) => _value;

    private void Step(in StreamBar bar)
    {
        _pushedAdx = false;
        var value = _state.Next(_line, bar.High, bar.Low, bar.Close);
        if (_adx is not null && Count > Adx.Lookback(_state.Movement.Period))
        {
            _adx.Push(value);
            _pushedAdx = true;
        }

        _value = !IsReady ? double.NaN : _adx is null ? value : Adxr.Value(_adx.Newest, _adx.Oldest);
    }
}
