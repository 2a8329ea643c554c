using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// The difference of a fast and a slow moving average of one series, absolute (APO) or as a percentage of
/// the slow one (PPO). TA-Lib swaps the periods when the fast one is the longer.
/// </summary>
internal static class PriceOscillator
{
    public static int Lookback(int fastPeriod, int slowPeriod, MaType maType) =>
        MovingAverage.Lookback(maType, Math.Max(fastPeriod, slowPeriod));

    public static void Compute(ReadOnlySpan<double> real, int fastPeriod, int slowPeriod, MaType maType, bool percent, Span<double> output)
    {
        CheckPeriods(fastPeriod, slowPeriod);
        Guard.Output(real.Length, output);
        (fastPeriod, slowPeriod) = (Math.Min(fastPeriod, slowPeriod), Math.Max(fastPeriod, slowPeriod));
        var lookback = Lookback(fastPeriod, slowPeriod, maType);
        if (real.Length <= lookback)
        {
            return;
        }

        var buffer = ArrayPool<double>.Shared.Rent(real.Length);
        try
        {
            var fast = buffer.AsSpan(0, real.Length);
            MovingAverage.Compute(maType, real, fastPeriod, fast);

            // The slow average goes straight into the output, then becomes the oscillator in place.
            MovingAverage.Compute(maType, real, slowPeriod, output);
            for (var i = lookback; i < real.Length; i++)
            {
                output[i] = Value(fast[i], output[i], percent);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    public static double Value(double fast, double slow, bool percent)
    {
        if (!percent)
        {
            return fast - slow;
        }

        // As TA-Lib: a slow average of (almost) 0 gives 0 instead of a division blow-up.
        return MomentumMath.IsZero(slow) ? 0.0 : ((fast - slow) / slow) * 100.0;
    }

    public static void CheckPeriods(int fastPeriod, int slowPeriod)
    {
        Guard.Period(fastPeriod, 2);
        Guard.Period(slowPeriod, 2);
    }
}

/// <summary>The streaming form shared by <see cref="Apo"/> and <see cref="Ppo"/>: O(1) per bar when the averages are.</summary>
public abstract class PriceOscillatorStream : IStreamingIndicator
{
    private readonly IValueStream _fast;
    private readonly IValueStream _slow;
    private readonly int _lookback;
    private readonly bool _percent;
    private double _value = double.NaN;

    private protected PriceOscillatorStream(int fastPeriod, int slowPeriod, MaType maType, bool percent)
    {
        PriceOscillator.CheckPeriods(fastPeriod, slowPeriod);
        _fast = MovingAverage.CreateStream(maType, Math.Min(fastPeriod, slowPeriod));
        _slow = MovingAverage.CreateStream(maType, Math.Max(fastPeriod, slowPeriod));
        _lookback = PriceOscillator.Lookback(fastPeriod, slowPeriod, maType);
        _percent = percent;
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
        Count++;
        Step(bar.Real0, replace: false);
    }

    /// <inheritdoc />
    public void UpdateLast(in StreamBar bar)
    {
        if (Count == 0)
        {
            Add(bar);
            return;
        }

        Step(bar.Real0, replace: true);
    }

    /// <inheritdoc />
    public double Value(int output) => _value;

    private void Step(double x, bool replace)
    {
        var fast = _fast.Feed(x, replace);
        var slow = _slow.Feed(x, replace);
        _value = IsReady ? PriceOscillator.Value(fast, slow, _percent) : double.NaN;
    }
}
