namespace MtMcp.Indicators;

/// <summary>
/// Pearson's correlation coefficient (TA-Lib CORREL) of <c>real0</c> and <c>real1</c> over the last
/// <c>time_period</c> bars, from −1 to 1; 0 where either series is flat over the window, as in TA-Lib.
/// </summary>
public static class Correl
{
    // TA-Lib's TA_EPSILON: a variance product below it counts as zero.
    private const double Epsilon = 1e-14;

    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "correl", "Pearson's Correlation Coefficient (r)", IndicatorGroup.StatisticFunctions,
        [InputSeries.Real0, InputSeries.Real1], [ParameterInfo.TimePeriod(30, min: 1)],
        [new OutputInfo("real", "Correlation coefficient, −1 to 1")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, inputs.Real1, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>Writes the rolling correlation of <paramref name="real0"/> and <paramref name="real1"/> into <paramref name="output"/> from index <c>period − 1</c> on.</summary>
    /// <exception cref="ArgumentException">The inputs differ in length.</exception>
    public static void Compute(ReadOnlySpan<double> real0, ReadOnlySpan<double> real1, int period, Span<double> output)
    {
        ElementWise.CheckInput(real0.Length, real1.Length, nameof(real1));
        if (real0.Length < period)
        {
            return;
        }

        var sums = default(Sums);
        for (var i = 0; i < period; i++)
        {
            sums.Add(real0[i], real1[i]);
        }

        output[period - 1] = sums.Correlation(period);

        // TA-Lib's order from here on: drop the oldest pair, then add the newest.
        for (var i = period; i < real0.Length; i++)
        {
            sums.Remove(real0[i - period], real1[i - period]);
            sums.Add(real0[i], real1[i]);
            output[i] = sums.Correlation(period);
        }
    }

    /// <summary>Running Σx, Σy, Σxy, Σx², Σy² of the window.</summary>
    private struct Sums
    {
        private double _sumX;
        private double _sumY;
        private double _sumXY;
        private double _sumX2;
        private double _sumY2;

        public void Add(double x, double y)
        {
            _sumX += x;
            _sumX2 += x * x;
            _sumXY += x * y;
            _sumY += y;
            _sumY2 += y * y;
        }

        public void Remove(double x, double y)
        {
            _sumX -= x;
            _sumX2 -= x * x;
            _sumXY -= x * y;
            _sumY -= y;
            _sumY2 -= y * y;
        }

        public readonly double Correlation(int period)
        {
            var varianceProduct = (_sumX2 - (_sumX * _sumX / period)) * (_sumY2 - (_sumY * _sumY / period));
            return varianceProduct < Epsilon ? 0.0 : (_sumXY - (_sumX * _sumY / period)) / Math.Sqrt(varianceProduct);
        }
    }

    /// <summary>Streaming CORREL: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly SlidingWindow _x;
        private readonly SlidingWindow _y;
        private Sums _sums;
        private Sums _sumsBefore;
        private double _value = double.NaN;

        /// <summary>Creates the stream.</summary>
        public Stream(int period)
        {
            _x = new SlidingWindow(period);
            _y = new SlidingWindow(period);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Correl.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => _x.IsFull;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            _sumsBefore = _sums;
            Count++;
            Step(bar.Real0, bar.Real1);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _sums = _sumsBefore;
            _x.UndoPush();
            _y.UndoPush();
            Step(bar.Real0, bar.Real1);
        }

        /// <inheritdoc />
        public double Value(int output) => _value;

        private void Step(double x, double y)
        {
            var full = _x.IsFull;
            var droppedX = _x.Push(x);
            var droppedY = _y.Push(y);
            if (full)
            {
                _sums.Remove(droppedX, droppedY);
            }

            _sums.Add(x, y);
            if (_x.IsFull)
            {
                _value = _sums.Correlation(_x.Capacity);
            }
        }
    }
}
