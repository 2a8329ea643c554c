namespace MtMcp.Indicators;

/// <summary>
/// Exponential moving average (TA-Lib EMA): seeded with the SMA of the first <c>time_period</c> values, then
/// <c>ema += (x − ema) · k</c> with <c>k = 2 / (period + 1)</c>.
/// </summary>
public static class Ema
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "ema", "Exponential Moving Average", IndicatorGroup.OverlapStudies,
        [InputSeries.Real0], [ParameterInfo.TimePeriod(30)], [new OutputInfo("real", "Moving average")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>TA-Lib's smoothing factor for <paramref name="period"/>: <c>2 / (period + 1)</c>.</summary>
    public static double SmoothingFactor(int period) => 2.0 / (period + 1.0);

    /// <summary>
    /// Writes the EMA of <paramref name="real"/> into <paramref name="output"/> from index <c>period − 1</c> on;
    /// earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <paramref name="real"/>.</exception>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output)
    {
        Guard.Period(period, 2);
        Guard.Output(real.Length, output);
        Compute(real, period, SmoothingFactor(period), output);
    }

    /// <summary>
    /// The EMA with an explicit smoothing factor <paramref name="k"/> (TA-Lib's internal EMA, which MACDFIX and
    /// others call with fixed factors), still seeded with the SMA of the first <paramref name="period"/> values.
    /// </summary>
    internal static void Compute(ReadOnlySpan<double> real, int period, double k, Span<double> output)
    {
        if (real.Length < period)
        {
            return;
        }

        var sum = 0.0;
        for (var i = 0; i < period; i++)
        {
            sum += real[i];
        }

        var ema = sum / period;
        output[period - 1] = ema;
        for (var i = period; i < real.Length; i++)
        {
            ema = ((real[i] - ema) * k) + ema;
            output[i] = ema;
        }
    }

    /// <summary>
    /// The EMA recursion as a value: feed values one by one with <see cref="Next"/>. Copying the struct saves
    /// the state, which is how streams undo their forming bar and how DEMA/TEMA cascade EMAs in one pass.
    /// </summary>
    internal struct State
    {
        private readonly int _period;
        private readonly double _k;
        private int _count;
        private double _sum;

        public State(int period, double k)
        {
            _period = period;
            _k = k;
            Value = double.NaN;
        }

        /// <summary>The current EMA; NaN until <c>period</c> values were fed.</summary>
        public double Value { get; private set; }

        public readonly bool IsReady => _count >= _period;

        /// <summary>Feeds the next value; returns the new EMA (NaN during the seed).</summary>
        public double Next(double x)
        {
            if (_count >= _period)
            {
                return Value = ((x - Value) * _k) + Value;
            }

            // Same order as TA-Lib's seed: a running sum from the first value, divided once.
            _sum += x;
            _count++;
            return Value = _count == _period ? _sum / _period : double.NaN;
        }
    }

    /// <summary>
    /// Streaming EMA as a building block for composite streams (MACD, TRIX, ...), optionally with an explicit
    /// smoothing factor; O(1) per value, bit-identical to <see cref="Compute(ReadOnlySpan{double}, int, double, Span{double})"/>.
    /// </summary>
    internal sealed class ValueStream : IValueStream
    {
        private State _state;
        private State _beforeLast;
        private bool _any;

        public ValueStream(int period)
            : this(period, SmoothingFactor(period))
        {
        }

        public ValueStream(int period, double k)
        {
            _state = new State(period, k);
        }

        public bool IsReady => _state.IsReady;

        public double Value => _state.Value;

        public double Add(double value)
        {
            _any = true;
            _beforeLast = _state;
            return _state.Next(value);
        }

        public double UpdateLast(double value)
        {
            if (!_any)
            {
                return Add(value);
            }

            _state = _beforeLast;
            return _state.Next(value);
        }
    }

    /// <summary>Streaming EMA: O(1) per bar, bit-identical to <see cref="Compute(ReadOnlySpan{double}, int, Span{double})"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly ValueStream _ema;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
        public Stream(int period)
        {
            Guard.Period(period, 2);
            _ema = new ValueStream(period);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Ema.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => _ema.IsReady;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _ema.Add(bar.Real0);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _ema.UpdateLast(bar.Real0);
        }

        /// <inheritdoc />
        public double Value(int output) => _ema.Value;
    }
}
