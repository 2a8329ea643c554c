using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MtMcp.Indicators;

/// <summary>
/// Bollinger bands (TA-Lib BBANDS): a moving average of <c>ma_type</c> (the middle band) plus
/// <c>nb_dev_up</c> and minus <c>nb_dev_dn</c> population standard deviations of the last <c>time_period</c> values.
/// </summary>
public static class Bbands
{
    // Bars per block of the one-pass simple-average bands.
    private const int Block = 256;

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
    /// The bands around a simple average in one pass over blocks of bars: the running Σx and Σx² of a block first
    /// (serial, in the same order of operations as <see cref="Sma"/> and <see cref="Var"/>), then the means,
    /// variances, square roots and bands of the block vectorised, lane by lane the same operations; so the same bits
    /// as the two separately (and as the stream, which composes them).
    /// </summary>
    private static void ComputeSimple(
        ReadOnlySpan<double> real, int period, double nbDevUp, double nbDevDn, Span<double> upper, Span<double> middle, Span<double> lower)
    {
        Span<double> totals = stackalloc double[2 * Block];
        var sums = (Sum: 0.0, Squares: 0.0);
        for (var i = 0; i < period - 1; i++)
        {
            var x = real[i];
            sums.Sum += x;
            sums.Squares += x * x;
        }

        for (var start = period - 1; start < real.Length; start += Block)
        {
            var count = Math.Min(Block, real.Length - start);
            var sum = totals[..count];
            var squares = totals.Slice(Block, count);
            RunningSums(real[(start - period + 1)..(start + count)], ref sums, sum, squares);
            Bands(sum, squares, period, nbDevUp, nbDevDn, upper.Slice(start, count), middle.Slice(start, count), lower.Slice(start, count));
        }
    }

    /// <summary>
    /// Σx and Σx² of each window ending in a block: <paramref name="real"/> holds the period − 1 values before the
    /// block, then the block; <paramref name="sums"/> holds the sums of those period − 1 values and is advanced.
    /// </summary>
    private static void RunningSums(ReadOnlySpan<double> real, ref (double Sum, double Squares) sums, Span<double> sum, Span<double> squares)
    {
        var count = sum.Length;
        var history = real.Length - count;
        if (history < 0 || squares.Length != count)
        {
            throw new ArgumentException("The block does not match its values.", nameof(real));
        }

        // Unchecked references: bar j of the block is at history + j, the value leaving its window at j.
        ref var oldest = ref MemoryMarshal.GetReference(real);
        ref var newest = ref Unsafe.Add(ref oldest, history);
        ref var sumOut = ref MemoryMarshal.GetReference(sum);
        ref var squaresOut = ref MemoryMarshal.GetReference(squares);
        var (runningSum, runningSquares) = sums;
        unchecked
        {
            for (nint j = 0; j < count; j++)
            {
                var (x, leaving) = (Unsafe.Add(ref newest, j), Unsafe.Add(ref oldest, j));
                var total = runningSum + x;
                var totalSquares = runningSquares + (x * x);
                Unsafe.Add(ref sumOut, j) = total;
                Unsafe.Add(ref squaresOut, j) = totalSquares;
                runningSum = total - leaving;
                runningSquares = totalSquares - (leaving * leaving);
            }
        }

        sums = (runningSum, runningSquares);
    }

    /// <summary>
    /// The bands of a block from its windows' Σx and Σx²; the vector lanes round as the scalar form (variances below
    /// TA-Lib's epsilon give no deviation, as in <see cref="StdDev"/>).
    /// </summary>
    private static void Bands(
        ReadOnlySpan<double> sum, ReadOnlySpan<double> squares, int period, double nbDevUp, double nbDevDn, Span<double> upper, Span<double> middle, Span<double> lower)
    {
        var j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var (divisor, up, down, epsilon) = (Vector512.Create((double)period), Vector512.Create(nbDevUp), Vector512.Create(nbDevDn), Vector512.Create(MomentumMath.Epsilon));
            for (; j <= sum.Length - Vector512<double>.Count; j += Vector512<double>.Count)
            {
                var mean = Vector512.Create(sum[j..]) / divisor;
                var variance = (Vector512.Create(squares[j..]) / divisor) - (mean * mean);
                var deviation = Vector512.ConditionalSelect(Vector512.LessThan(variance, epsilon), Vector512<double>.Zero, Vector512.Sqrt(variance));
                mean.CopyTo(middle[j..]);
                (mean + (deviation * up)).CopyTo(upper[j..]);
                (mean - (deviation * down)).CopyTo(lower[j..]);
            }
        }

        for (; j < sum.Length; j++)
        {
            var mean = sum[j] / period;
            var deviation = StdDev.Of((squares[j] / period) - (mean * mean), 1.0);
            middle[j] = mean;
            upper[j] = mean + (deviation * nbDevUp);
            lower[j] = mean - (deviation * nbDevDn);
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
