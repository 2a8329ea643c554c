namespace MtMcp.Indicators;

/// <summary>
/// The streaming form of the Hilbert-transform functions and MAMA: O(1) state per bar (plus TA-Lib's own
/// O(cycle) sums where the function has them); an update in place restores a copy of the state taken before
/// the last <see cref="Add"/> and replays the bar, so it is exact.
/// </summary>
/// <remarks>Not thread-safe: one writer at a time.</remarks>
public abstract class HilbertStream : IStreamingIndicator
{
    private readonly int _lookback;
    private readonly IStepper _stepper;

    private protected HilbertStream(IndicatorInfo info, int lookback, IStepper stepper)
    {
        Info = info;
        _lookback = lookback;
        _stepper = stepper;
    }

    /// <summary>Steps a state struct and keeps the copy taken before the last bar.</summary>
    private protected interface IStepper
    {
        void Add(double value);

        void ReplaceLast(double value);

        double Output(int output);
    }

    /// <inheritdoc />
    public IndicatorInfo Info { get; }

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public bool IsReady => Count > _lookback;

    /// <inheritdoc />
    public void Add(in StreamBar bar)
    {
        _stepper.Add(bar.Real0);
        Count++;
    }

    /// <inheritdoc />
    public void UpdateLast(in StreamBar bar)
    {
        if (Count == 0)
        {
            Add(bar);
            return;
        }

        _stepper.ReplaceLast(bar.Real0);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="output"/> is not an output index.</exception>
    public double Value(int output)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(output);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(output, Info.Outputs.Count);
        return IsReady ? _stepper.Output(output) : double.NaN;
    }

    private protected sealed class Stepper<T>(T initial) : IStepper
        where T : struct, IHilbertIndicator
    {
        private T _state = initial;
        private T _beforeLast;

        public void Add(double value)
        {
            _beforeLast = _state;
            _state.Step(value);
        }

        public void ReplaceLast(double value)
        {
            _state = _beforeLast;
            _state.Step(value);
        }

        public double Output(int output) => _state.Output(output);
    }
}
