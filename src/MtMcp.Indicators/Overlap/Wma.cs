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
        MomentumGuard.Period(period, 2);
        MomentumGuard.Output(real.Length, output);

        // TA-Lib's O(1) update: the weighted sum loses the plain sum of the window (each value's weight drops
        // by one) and gains the newest value at full weight. Same operations, same order.
        // In long: TA-Lib's int product overflows beyond a period of 46 340.
        double divider = (long)period * (period + 1) / 2;
        var weighted = 0.0;
        var plain = 0.0;
        for (var i = 0; i < period - 1 && i < real.Length; i++)
        {
            plain += real[i];
            weighted += real[i] * (i + 1);
        }

        var trailing = 0.0;
        for (var i = period - 1; i < real.Length; i++)
        {
            var x = real[i];
            plain += x;
            plain -= trailing;
            weighted += x * period;
            trailing = real[i - period + 1];
            output[i] = weighted / divider;
            weighted -= plain;
        }
    }

    /// <summary>Streaming WMA: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly int _period;
        private readonly double _divider;
        private readonly RollingWindow _window;
        private Sums _sums;
        private Sums _beforeLast;
        private double _value = double.NaN;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
        public Stream(int period)
        {
            MomentumGuard.Period(period, 2);
            _period = period;
            _divider = (long)period * (period + 1) / 2;
            _window = new RollingWindow(period);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Wma.Info;

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
                _sums.Plain += x;
                _sums.Weighted += x * Count;
                return;
            }

            _sums.Plain += x;
            _sums.Plain -= _sums.Trailing;
            _sums.Weighted += x * _period;
            _sums.Trailing = _window.Oldest;
            _value = _sums.Weighted / _divider;
            _sums.Weighted -= _sums.Plain;
        }

        private struct Sums
        {
            public double Weighted;
            public double Plain;
            public double Trailing;
        }
    }
}
