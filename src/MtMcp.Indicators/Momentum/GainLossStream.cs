namespace MtMcp.Indicators;

/// <summary>
/// The streaming form of the oscillators built on Wilder's average gain and loss (RSI, CMO): O(1) per bar, equal
/// to the batch forms at every bar, including after <see cref="UpdateLast"/>.
/// </summary>
public abstract class GainLossStream : IStreamingIndicator
{
    private readonly int _period;
    private WilderGainLoss _state;
    private WilderGainLoss _stateBefore;

    private protected GainLossStream(int period)
    {
        Guard.Period(period, 2);
        _period = period;
        _state = new WilderGainLoss(period);
    }

    /// <inheritdoc />
    public abstract IndicatorInfo Info { get; }

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public bool IsReady => Count > _period;

    /// <inheritdoc />
    public void Add(in StreamBar bar)
    {
        _stateBefore = _state;
        Count++;
        _state.Add(bar.Real0);
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
        _state.Add(bar.Real0);
    }

    /// <inheritdoc />
    public double Value(int output) => IsReady ? Oscillator(_state.Gain, _state.Loss) : double.NaN;

    /// <summary>The oscillator of an average gain and loss.</summary>
    private protected abstract double Oscillator(double gain, double loss);
}
