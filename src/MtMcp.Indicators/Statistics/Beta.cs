namespace MtMcp.Indicators;

/// <summary>
/// Beta (TA-Lib BETA): the least-squares slope of the bar-to-bar returns of <c>real1</c> on those of
/// <c>real0</c> over the last <c>time_period</c> returns. A return from a price within 1e-14 of zero counts as 0,
/// and a window whose <c>real0</c> returns do not vary gives 0, as in TA-Lib.
/// </summary>
public static class Beta
{
    // TA-Lib's TA_EPSILON: magnitudes below it count as zero.
    private const double Epsilon = 1e-14;

    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "beta", "Beta", IndicatorGroup.StatisticFunctions,
        [InputSeries.Real0, InputSeries.Real1], [ParameterInfo.TimePeriod(5, min: 1)],
        [new OutputInfo("real", "Slope of real1's returns on real0's returns")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, inputs.Real1, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period</c> (the first bar has no return).</summary>
    public static int Lookback(int period) => period;

    /// <summary>Writes the rolling beta of <paramref name="real1"/> on <paramref name="real0"/> into <paramref name="output"/> from index <c>period</c> on.</summary>
    /// <exception cref="ArgumentException">The inputs differ in length.</exception>
    public static void Compute(ReadOnlySpan<double> real0, ReadOnlySpan<double> real1, int period, Span<double> output)
    {
        ElementWise.CheckInput(real0.Length, real1.Length, nameof(real1));
        var sums = default(Sums);
        for (var i = 1; i < period && i < real0.Length; i++)
        {
            sums.Add(Return(real0[i], real0[i - 1]), Return(real1[i], real1[i - 1]));
        }

        // Add the newest returns, report, then drop the oldest (recomputed from the same prices, so bit-identical).
        for (var i = period; i < real0.Length; i++)
        {
            sums.Add(Return(real0[i], real0[i - 1]), Return(real1[i], real1[i - 1]));
            output[i] = sums.Beta(period);
            var oldest = i - period + 1;
            sums.Remove(Return(real0[oldest], real0[oldest - 1]), Return(real1[oldest], real1[oldest - 1]));
        }
    }

    private static double Return(double price, double previous) =>
        previous > -Epsilon && previous < Epsilon ? 0.0 : (price - previous) / previous;

    /// <summary>Running Σx², Σxy, Σx, Σy of the returns in the window.</summary>
    private struct Sums
    {
        private double _sumXX;
        private double _sumXY;
        private double _sumX;
        private double _sumY;

        public void Add(double x, double y)
        {
            _sumXX += x * x;
            _sumXY += x * y;
            _sumX += x;
            _sumY += y;
        }

        public void Remove(double x, double y)
        {
            _sumXX -= x * x;
            _sumXY -= x * y;
            _sumX -= x;
            _sumY -= y;
        }

        public readonly double Beta(int period)
        {
            var n = (double)period;
            var divisor = (n * _sumXX) - (_sumX * _sumX);
            return divisor > -Epsilon && divisor < Epsilon ? 0.0 : ((n * _sumXY) - (_sumX * _sumY)) / divisor;
        }
    }

    /// <summary>Streaming BETA: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly SlidingWindow _returnsX;
        private readonly SlidingWindow _returnsY;
        private State _state;
        private State _before;
        private double _value = double.NaN;

        /// <summary>Creates the stream.</summary>
        public Stream(int period)
        {
            _returnsX = new SlidingWindow(period);
            _returnsY = new SlidingWindow(period);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Beta.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => _returnsX.IsFull;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            _before = _state;
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

            if (Count > 1)
            {
                _returnsX.UndoPush();
                _returnsY.UndoPush();
            }

            _state = _before;
            Step(bar.Real0, bar.Real1);
        }

        /// <inheritdoc />
        public double Value(int output) => _value;

        private void Step(double x, double y)
        {
            if (Count > 1)
            {
                var returnX = Return(x, _state.LastX);
                var returnY = Return(y, _state.LastY);
                _returnsX.Push(returnX);
                _returnsY.Push(returnY);
                _state.Sums.Add(returnX, returnY);
                if (_returnsX.IsFull)
                {
                    _value = _state.Sums.Beta(_returnsX.Capacity);
                    _state.Sums.Remove(_returnsX.Oldest, _returnsY.Oldest);
                }
            }

            _state.LastX = x;
            _state.LastY = y;
        }

        private struct State
        {
            public Sums Sums;
            public double LastX;
            public double LastY;
        }
    }
}
