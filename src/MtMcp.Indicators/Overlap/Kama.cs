namespace MtMcp.Indicators;

/// <summary>
/// Kaufman adaptive moving average (TA-Lib KAMA): an EMA whose factor follows the efficiency ratio
/// <c>|x − x[−period]| / Σ|Δx|</c> between the 2-bar (fast) and 30-bar (slow) EMA factors, squared.
/// </summary>
public static class Kama
{
    // TA-Lib fixes the fast and slow ends at 2 and 30 bars.
    private const double SlowFactor = 2.0 / (30.0 + 1.0);
    private const double FactorRange = (2.0 / (2.0 + 1.0)) - SlowFactor;

    // TA-Lib's TA_IS_ZERO threshold.
    private const double Epsilon = 1e-14;

    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "kama", "Kaufman Adaptive Moving Average", IndicatorGroup.OverlapStudies,
        [InputSeries.Real0], [ParameterInfo.TimePeriod(30)], [new OutputInfo("real", "Moving average")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period</c> (the efficiency ratio needs <c>period + 1</c> values).</summary>
    public static int Lookback(int period) => period;

    /// <summary>
    /// Writes the KAMA of <paramref name="real"/> into <paramref name="output"/> from index <c>period</c> on;
    /// earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <paramref name="real"/>.</exception>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output)
    {
        Guard.Period(period, 2);
        Guard.Output(real.Length, output);

        if (real.Length <= period)
        {
            return;
        }

        // Total path length over the first window, then the first KAMA starts from the previous value.
        var path = 0.0;
        for (var i = 0; i < period; i++)
        {
            path += Math.Abs(real[i] - real[i + 1]);
        }

        var kama = Next(real[period - 1], real[period], real[period] - real[0], path);
        output[period] = kama;
        for (var i = period + 1; i < real.Length; i++)
        {
            path -= Math.Abs(real[i - period - 1] - real[i - period]);
            path += Math.Abs(real[i] - real[i - 1]);
            kama = Next(kama, real[i], real[i] - real[i - period], path);
            output[i] = kama;
        }
    }

    private static double Next(double kama, double x, double change, double path)
    {
        var efficiency = path <= change || (path > -Epsilon && path < Epsilon) ? 1.0 : Math.Abs(change / path);
        var factor = (efficiency * FactorRange) + SlowFactor;
        factor *= factor;

        // kama·(1 − factor) + x·factor: one fused step on the serial chain instead of TA-Lib's subtract, multiply
        // and add (the same value up to rounding).
        return Math.FusedMultiplyAdd(kama, 1.0 - factor, x * factor);
    }

    /// <summary>Streaming KAMA: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly int _period;
        private readonly SlidingWindow _window;
        private (double Path, double Kama) _state = (0.0, double.NaN);
        private (double Path, double Kama) _beforeLast;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
        public Stream(int period)
        {
            Guard.Period(period, 2);
            _period = period;
            _window = new SlidingWindow(period + 2);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Kama.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > _period;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            _beforeLast = _state;
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

            _state = _beforeLast;
            _window.UndoPush();
            Step(bar.Real0);
        }

        /// <inheritdoc />
        public double Value(int output) => _state.Kama;

        private void Step(double x)
        {
            _window.Push(x);
            var n = _window.Count;
            if (Count == 1)
            {
                return;
            }

            // The window's last entries: [n − 1] = x, [n − 2] = the previous value; while full, [0] and [1]
            // are the step that leaves the path.
            var previous = _window[n - 2];
            if (Count <= _period)
            {
                _state.Path += Math.Abs(previous - x);
                return;
            }

            if (Count == _period + 1)
            {
                _state.Path += Math.Abs(previous - x);
                _state.Kama = Next(previous, x, x - _window[0], _state.Path);
                return;
            }

            _state.Path -= Math.Abs(_window[0] - _window[1]);
            _state.Path += Math.Abs(x - previous);
            _state.Kama = Next(_state.Kama, x, x - _window[1], _state.Path);
        }
    }
}
