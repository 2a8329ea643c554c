using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// Bollinger bands (TA-Lib BBANDS): a moving average of <c>ma_type</c> (the middle band) plus
/// <c>nb_dev_up</c> and minus <c>nb_dev_dn</c> population standard deviations of the last <c>time_period</c> values.
/// </summary>
public static class Bbands
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "bbands", "Bollinger Bands", IndicatorGroup.OverlapStudies,
        [InputSeries.Real0],
        [
            ParameterInfo.TimePeriod(5),
            ParameterInfo.Real("nb_dev_up", 2, -3e37, 3e37, "Standard deviations above the middle band", "dev_up", "deviations_up"),
            ParameterInfo.Real("nb_dev_dn", 2, -3e37, 3e37, "Standard deviations below the middle band", "dev_down", "deviations_down"),
            ParameterInfo.MovingAverage("ma_type", MaType.Sma, "Type of moving average of the middle band", "type"),
        ],
        [
            new OutputInfo("real_upper_band", "Middle band + nb_dev_up standard deviations"),
            new OutputInfo("real_middle_band", "Moving average"),
            new OutputInfo("real_lower_band", "Middle band − nb_dev_dn standard deviations"),
        ]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Ma(3)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.Real0.Length;
            Compute(inputs.Real0, p.Int(0), p.Real(1), p.Real(2), p.Ma(3), outputs[..n], outputs[n..(2 * n)], outputs[(2 * n)..]);
        },
        p => new Stream(p.Int(0), p.Real(1), p.Real(2), p.Ma(3)));

    /// <summary>
    /// Bars without a value at the start: the moving average's lookback, or <c>period − 1</c> if longer (MAMA,
    /// whose lookback is 32 whatever the period).
    /// </summary>
    /// <remarks>
    /// For MAMA with a period above 33, TA-Lib reports the MA's lookback but starts at <c>period − 1</c> and pairs
    /// each deviation with the average of an earlier bar; here every band belongs to its own bar.
    /// </remarks>
    public static int Lookback(int period, MaType maType) => Math.Max(MovingAverage.Lookback(maType, period), StdDev.Lookback(period));

    /// <summary>
    /// Writes the three bands of <paramref name="real"/> from <see cref="Lookback"/> on; earlier entries are left
    /// as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000, a multiplier is not finite, or <paramref name="maType"/> is not an <see cref="MaType"/>.</exception>
    /// <exception cref="ArgumentException">An output is shorter than <paramref name="real"/>.</exception>
    public static void Compute(
        ReadOnlySpan<double> real, int period, double nbDevUp, double nbDevDn, MaType maType,
        Span<double> upper, Span<double> middle, Span<double> lower)
    {
        CheckParameters(period, nbDevUp, nbDevDn);
        Guard.Output(real.Length, upper);
        Guard.Output(real.Length, middle);
        Guard.Output(real.Length, lower);

        var lookback = Lookback(period, maType);
        if (real.Length <= lookback)
        {
            return;
        }

        if (maType == MaType.Sma)
        {
            ComputeSimple(real, period, nbDevUp, nbDevDn, upper, middle, lower);
            return;
        }

        Average(real, period, maType, lookback, middle);

        // As TA-Lib, the deviation's running sums start where its first window ends at the MA's first value;
        // the upper band holds it until the bands are formed.
        var start = DeviationStart(period, maType);
        StdDev.Compute(real[start..], period, 1.0, upper[start..]);
        for (var i = lookback; i < real.Length; i++)
        {
            var deviation = upper[i];
            var average = middle[i];
            upper[i] = average + (deviation * nbDevUp);
            lower[i] = average - (deviation * nbDevDn);
        }
    }

    /// <summary>
    /// The bands around a simple average in one pass: the running Σx and Σx² give both the mean and the variance,
    /// in the same order of operations as <see cref="Sma"/> and <see cref="Var"/>, so the same bits as the two
    /// separately (and as the stream, which composes them).
    /// </summary>
    private static void ComputeSimple(
        ReadOnlySpan<double> real, int period, double nbDevUp, double nbDevDn, Span<double> upper, Span<double> middle, Span<double> lower)
    {
        // Slicing every output to the input's length lets the JIT drop the bounds checks in the loop.
        var n = real.Length;
        upper = upper[..n];
        middle = middle[..n];
        lower = lower[..n];
        var sum = 0.0;
        var sumSquares = 0.0;
        for (var i = 0; i < period - 1; i++)
        {
            var x = real[i];
            sum += x;
            sumSquares += x * x;
        }

        for (var i = period - 1; i < real.Length; i++)
        {
            var newest = real[i];
            var oldest = real[i - period + 1];
            var total = sum + newest;
            var totalSquares = sumSquares + (newest * newest);
            var mean = total / period;
            var deviation = StdDev.Of((totalSquares / period) - (mean * mean), 1.0);
            sum = total - oldest;
            sumSquares = totalSquares - (oldest * oldest);
            middle[i] = mean;
            upper[i] = mean + (deviation * nbDevUp);
            lower[i] = mean - (deviation * nbDevDn);
        }
    }

    /// <summary>The moving average from <paramref name="lookback"/> on, leaving earlier entries alone.</summary>
    private static void Average(ReadOnlySpan<double> real, int period, MaType maType, int lookback, Span<double> middle)
    {
        if (MovingAverage.Lookback(maType, period) == lookback)
        {
            MovingAverage.Compute(maType, real, period, middle);
            return;
        }

        // MAMA starts before the deviation window is full; its earlier values go to a scratch buffer.
        var scratch = ArrayPool<double>.Shared.Rent(real.Length);
        try
        {
            MovingAverage.Compute(maType, real, period, scratch);
            scratch.AsSpan(lookback, real.Length - lookback).CopyTo(middle[lookback..]);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    private static void CheckParameters(int period, double nbDevUp, double nbDevDn)
    {
        Guard.Period(period, 2);

        if (!double.IsFinite(nbDevUp))
        {
            throw new ArgumentOutOfRangeException(nameof(nbDevUp), nbDevUp, "nbDevUp must be a finite number.");
        }

        if (!double.IsFinite(nbDevDn))
        {
            throw new ArgumentOutOfRangeException(nameof(nbDevDn), nbDevDn, "nbDevDn must be a finite number.");
        }
    }

    /// <summary>The bar the standard deviation's window starts at, so that its first value lands on the first band.</summary>
    private static int DeviationStart(int period, MaType maType) => Lookback(period, maType) - StdDev.Lookback(period);

    /// <summary>Streaming Bollinger bands: O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly double _nbDevUp;
        private readonly double _nbDevDn;
        private readonly int _lookback;
        private readonly int _deviationStart;
        private readonly IValueStream _average;
        private readonly StdDev.Stream _deviation;
        private double _upper = double.NaN;
        private double _middle = double.NaN;
        private double _lower = double.NaN;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000, a multiplier is not finite, or <paramref name="maType"/> is not an <see cref="MaType"/>.</exception>
        public Stream(int period, double nbDevUp, double nbDevDn, MaType maType)
        {
            CheckParameters(period, nbDevUp, nbDevDn);
            _nbDevUp = nbDevUp;
            _nbDevDn = nbDevDn;
            _lookback = Lookback(period, maType);
            _deviationStart = DeviationStart(period, maType);
            _average = MovingAverage.CreateStream(maType, period);
            _deviation = new StdDev.Stream(period, 1.0);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Bbands.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _average.Add(bar.Real0);
            if (Count > _deviationStart)
            {
                _deviation.Add(bar);
            }

            Update();
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _average.UpdateLast(bar.Real0);
            if (Count > _deviationStart)
            {
                _deviation.UpdateLast(bar);
            }

            Update();
        }

        /// <inheritdoc />
        public double Value(int output) => output switch
        {
            0 => _upper,
            1 => _middle,
            _ => _lower,
        };

        private void Update()
        {
            if (!IsReady)
            {
                return;
            }

            var deviation = _deviation.Value(0);
            _middle = _average.Value;
            _upper = _middle + (deviation * _nbDevUp);
            _lower = _middle - (deviation * _nbDevDn);
        }
    }
}
