namespace MtMcp.Indicators;

/// <summary>
/// Triangular moving average (TA-Lib TRIMA): weights rise linearly to the middle of the window and fall
/// again (1, 2, …, 2, 1), the same as an SMA of an SMA.
/// </summary>
public static class Trima
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "trima", "Triangular Moving Average", IndicatorGroup.OverlapStudies,
        [InputSeries.Real0], [ParameterInfo.TimePeriod(30)], [new OutputInfo("real", "Moving average")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>
    /// Writes the TRIMA of <paramref name="real"/> into <paramref name="output"/> from index <c>period − 1</c>
    /// on; earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <paramref name="real"/>.</exception>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output)
    {
        Guard.Period(period, 2);
        Guard.Output(real.Length, output);

        if (real.Length < period)
        {
            return;
        }

        var sums = Sums.Seed(real[..period], period);
        output[period - 1] = sums.Numerator * sums.Factor;
        var half = period >> 1;
        for (var i = period; i < real.Length; i++)
        {
            output[i] = sums.Next(real[i - period], real[i - half], real[i]);
        }
    }

    /// <summary>
    /// TA-Lib's O(1) update of the weighted sum: the rising half (<see cref="Add"/>) and the falling half
    /// (<see cref="Sub"/>) of the weights are kept as plain sums and shift by one value per bar.
    /// </summary>
    private struct Sums
    {
        public double Numerator;
        public double Sub;
        public double Add;
        public double Factor;
        public bool Odd;

        /// <summary>The sums over the first window, in TA-Lib's order.</summary>
        public static Sums Seed(ReadOnlySpan<double> window, int period)
        {
            var half = period >> 1;
            var sums = new Sums { Odd = period % 2 == 1 };

            // Weights sum to (h+1)² for an odd period, h·(h+1) for an even one (h = period / 2); in long,
            // as TA-Lib's int product overflows for long periods.
            sums.Factor = 1.0 / (sums.Odd ? (long)(half + 1) * (half + 1) : (long)half * (half + 1));
            var middle = sums.Odd ? half : half - 1;
            for (var i = middle; i >= 0; i--)
            {
                sums.Sub += window[i];
                sums.Numerator += sums.Sub;
            }

            for (var i = middle + 1; i < period; i++)
            {
                sums.Add += window[i];
                sums.Numerator += sums.Add;
            }

            return sums;
        }

        /// <summary>Shifts the window by one: <paramref name="leaving"/> drops out, <paramref name="middle"/> moves from the rising to the falling half, <paramref name="x"/> enters.</summary>
        public double Next(double leaving, double middle, double x)
        {
            Numerator -= Sub;
            Sub -= leaving;
            Sub += middle;
            if (Odd)
            {
                Numerator += Add;
                Add -= middle;
            }
            else
            {
                Add -= middle;
                Numerator += Add;
            }

            Add += x;
            Numerator += x;
            return Numerator * Factor;
        }
    }

    /// <summary>Streaming TRIMA: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly int _period;
        private readonly SlidingWindow _window;
        private readonly double[] _first;
        private Sums _sums;
        private Sums _beforeLast;
        private double _value = double.NaN;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
        public Stream(int period)
        {
            Guard.Period(period, 2);
            _period = period;
            _window = new SlidingWindow(period + 1);
            _first = new double[period];
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Trima.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count >= _period;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            _beforeLast = _sums;
            Count++;
            Step(bar.Real0);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _sums = _beforeLast;
            _window.UndoPush();
            Step(bar.Real0);
        }

        /// <inheritdoc />
        public double Value(int output) => _value;

        private void Step(double x)
        {
            _window.Push(x);
            if (Count < _period)
            {
                _first[Count - 1] = x;
                return;
            }

            if (Count == _period)
            {
                // The seed reads the first window in TA-Lib's order (middle outwards), so it keeps its own copy.
                _first[^1] = x;
                _sums = Sums.Seed(_first, _period);
                _value = _sums.Numerator * _sums.Factor;
                return;
            }

            // The window holds the last period + 1 values: [0] leaves, [period − half] is the middle.
            _value = _sums.Next(_window[0], _window[_period - (_period >> 1)], x);
        }
    }
}
