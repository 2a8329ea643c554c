namespace MtMcp.Indicators;

/// <summary>
/// The streaming form of the change-over-n-bars indicators (MOM, ROC, ROCP, ROCR, ROCR100): O(1) per bar, equal
/// to the batch forms at every bar, including after <see cref="UpdateLast"/>.
/// </summary>
public abstract class PriceChangeStream : IStreamingIndicator
{
    // The current value and the period values before it.
    private readonly SlidingWindow _window;

    private protected PriceChangeStream(int period)
    {
        Guard.Period(period, 1);
        _window = new SlidingWindow(period + 1);
    }

    /// <inheritdoc />
    public abstract IndicatorInfo Info { get; }

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public bool IsReady => _window.IsFull;

    /// <inheritdoc />
    public void Add(in StreamBar bar)
    {
        Count++;
        _window.Push(bar.Real0);
    }

    /// <inheritdoc />
    public void UpdateLast(in StreamBar bar)
    {
        if (Count == 0)
        {
            Add(bar);
            return;
        }

        _window.UndoPush();
        _window.Push(bar.Real0);
    }

    /// <inheritdoc />
    public double Value(int output) => IsReady ? Change(_window.Newest, _window.Oldest) : double.NaN;

    /// <summary>The indicator of the current value and the one <c>period</c> bars earlier.</summary>
    private protected abstract double Change(double current, double previous);
}
