namespace MtMcp.Indicators;

/// <summary>Summation (TA-Lib SUM): the sum of the last <c>time_period</c> values.</summary>
public static class Sum
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "sum", "Summation", IndicatorGroup.MathOperators,
        [InputSeries.Real0], [ParameterInfo.TimePeriod(30)], [new OutputInfo("real", "Sum of the window")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>Writes the rolling sum of <paramref name="real"/> into <paramref name="output"/> from index <c>period − 1</c> on.</summary>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output)
    {
        // TA-Lib's order: add the newest, report, then drop the oldest.
        var sum = 0.0;
        for (var i = 0; i < period - 1 && i < real.Length; i++)
        {
            sum += real[i];
        }

        for (var i = period - 1; i < real.Length; i++)
        {
            var total = sum + real[i];
            output[i] = total;
            sum = total - real[i - period + 1];
        }
    }

    /// <summary>Streaming SUM: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly SlidingWindow _window;
        private double _sum;
        private double _sumBefore;
        private double _value = double.NaN;

        /// <summary>Creates the stream.</summary>
        public Stream(int period) => _window = new SlidingWindow(period);

        /// <inheritdoc />
        public IndicatorInfo Info => Sum.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => _window.IsFull;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            _sumBefore = _sum;
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

            _sum = _sumBefore;
            _window.UndoPush();
            Step(bar.Real0);
        }

        /// <inheritdoc />
        public double Value(int output) => _value;

        private void Step(double x)
        {
            _window.Push(x);
            if (!_window.IsFull)
            {
                _sum += x;
                return;
            }

            _value = _sum + x;
            _sum = _value - _window.Oldest;
        }
    }
}
