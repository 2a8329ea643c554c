namespace MtMcp.Indicators;

/// <summary>
/// The streaming form of AROON and AROONOSC: the bars since the highest high and the lowest low of the last
/// <c>period + 1</c> bars, amortised O(1) per bar (a rescan only when an extreme leaves the window), O(1) for
/// <see cref="UpdateLast"/>; equal to the batch forms at every bar.
/// </summary>
public abstract class AroonStream : IStreamingIndicator
{
    private readonly WindowExtreme.Rolling<WindowExtreme.Highest> _highest;
    private readonly WindowExtreme.Rolling<WindowExtreme.Lowest> _lowest;

    private protected AroonStream(int period)
    {
        Guard.Period(period, 2);
        Period = period;
        _highest = new WindowExtreme.Rolling<WindowExtreme.Highest>(period + 1);
        _lowest = new WindowExtreme.Rolling<WindowExtreme.Lowest>(period + 1);
    }

    /// <inheritdoc />
    public abstract IndicatorInfo Info { get; }

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public bool IsReady => Count > Period;

    /// <summary>The period.</summary>
    private protected int Period { get; }

    /// <inheritdoc />
    public void Add(in StreamBar bar)
    {
        Count++;
        _highest.Add(bar.High);
        _lowest.Add(bar.Low);
    }

    /// <inheritdoc />
    public void UpdateLast(in StreamBar bar)
    {
        if (Count == 0)
        {
            Add(bar);
            return;
        }

        _highest.UpdateLast(bar.High);
        _lowest.UpdateLast(bar.Low);
    }

    /// <inheritdoc />
    public double Value(int output) => IsReady ? Line(output, _highest.Age, _lowest.Age) : double.NaN;

    /// <summary>Output <paramref name="output"/> given the bars since the highest high and since the lowest low.</summary>
    private protected abstract double Line(int output, int highAge, int lowAge);
}
