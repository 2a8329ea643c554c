namespace MtMcp.Indicators;

/// <summary>
/// Linearly weighted moving average (TA-Lib WMA): the newest of the last <c>time_period</c> values weighs
/// <c>period</c>, the oldest 1, divided by <c>period·(period + 1)/2</c>.
/// </summary>
public static class Wma
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "wma", "Weighted Moving Average", IndicatorGroup.OverlapStudies,
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
    /// Writes the WMA of <paramref name="real"/> into <paramref name="output"/> from index <c>period − 1</c> on;
    /// earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <paramref name="real"/>.</exception>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output)
    {
        Guard.Period(period, 2);
        Guard.Output(real.Length, output);
        SlidingKernel.Compute(new Sums(period), real, period, output);
    }

    /// <summary>
    /// TA-Lib's O(1) update: the weighted sum loses the plain sum of the window (each value's weight drops by one)
    /// and gains the newest value at full weight. Same operations, same order.
    /// </summary>
    private struct Sums(int period) : ISlidingKernel
    {
        // In long: TA-Lib's int product overflows beyond a period of 46 340.
        private readonly double _divider = (long)period * (period + 1) / 2;
        private double _weighted;
        private double _plain;
        private double _trailing;
        private int _count;

        public void Add(double x)
        {
            _plain += x;
            _weighted += x * ++_count;
        }

        public double Step(double newest, double oldest)
        {
            _plain += newest;
            _plain -= _trailing;
            _weighted += newest * period;
            _trailing = oldest;
            var value = _weighted / _divider;
            _weighted -= _plain;
            return value;
        }
    }

    /// <summary>Streaming WMA: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private SlidingKernelStream<Sums> _kernel;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
        public Stream(int period)
        {
            Guard.Period(period, 2);
            _kernel = new(period, new Sums(period));
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Wma.Info;

        /// <inheritdoc />
        public int Count => _kernel.Count;

        /// <inheritdoc />
        public bool IsReady => _kernel.IsReady;

        /// <inheritdoc />
        public void Add(in StreamBar bar) => _kernel.Add(bar.Real0);

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar) => _kernel.UpdateLast(bar.Real0);

        /// <inheritdoc />
        public double Value(int output) => _kernel.Value;
    }
}
