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
    /// earlier entries are left as they are. Equal to TA-Lib up to rounding (about 1e-15 relative, see
    /// <see cref="LinearBlocks"/>).
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

        var ema = output[period - 1] = Seed(real, period);
        Smooth(real[period..], ema, SmoothingFactor(period), output[period..]);
    }

    /// <summary>
    /// The EMA with an explicit smoothing factor <paramref name="k"/> (TA-Lib's internal EMA, which MACDFIX and
    /// others call with fixed factors), still seeded with the SMA of the first <paramref name="period"/> values, as
    /// one serial chain in TA-Lib's exact order. Composites use it: differences of EMAs (MACD, APO, TRIX) magnify
    /// the rounding that the blocked <see cref="Compute(ReadOnlySpan{double}, int, Span{double})"/> allows.
    /// </summary>
    internal static void Compute(ReadOnlySpan<double> real, int period, double k, Span<double> output)
    {
        if (real.Length < period)
        {
            return;
        }

        var ema = output[period - 1] = Seed(real, period);
        for (var i = period; i < real.Length; i++)
        {
            output[i] = ema = Step(ema, real[i], k);
        }
    }

    // TA-Lib's seed: a running sum from the first value, divided once.
    private static double Seed(ReadOnlySpan<double> real, int period)
    {
        var sum = 0.0;
        for (var i = 0; i < period; i++)
        {
            sum += real[i];
        }

        return sum / period;
    }

    /// <summary>
    /// Continues the EMA from <paramref name="ema"/> over <paramref name="real"/>. One chain is bound by the latency
    /// of its three operations per bar, so the bars run in fixed blocks of <see cref="LinearBlocks.Length"/>, four
    /// side by side (see <see cref="LinearBlocks"/>); each bar still takes TA-Lib's step from the bar before it.
    /// </summary>
    private static void Smooth(ReadOnlySpan<double> real, double ema, double k, Span<double> output)
    {
        const int B = LinearBlocks.Length;
        var a = 1.0 - k;
        var decay = LinearBlocks.Decay(a);
        var i = 0;
        for (; i + (4 * B) <= real.Length; i += 4 * B)
        {
            ReadOnlySpan<double> x0 = real.Slice(i, B), x1 = real.Slice(i + B, B), x2 = real.Slice(i + (2 * B), B), x3 = real.Slice(i + (3 * B), B);
            var (l0, l1, l2, l3) = (0.0, 0.0, 0.0, 0.0);
            for (var j = 0; j < B; j++)
            {
                l0 = LinearBlocks.Local(l0, a, k * x0[j]);
                l1 = LinearBlocks.Local(l1, a, k * x1[j]);
                l2 = LinearBlocks.Local(l2, a, k * x2[j]);
                l3 = LinearBlocks.Local(l3, a, k * x3[j]);
            }

            var e0 = ema;
            var e1 = LinearBlocks.Carry(l0, decay, e0);
            var e2 = LinearBlocks.Carry(l1, decay, e1);
            var e3 = LinearBlocks.Carry(l2, decay, e2);
            ema = LinearBlocks.Carry(l3, decay, e3);

            Span<double> o0 = output.Slice(i, B), o1 = output.Slice(i + B, B), o2 = output.Slice(i + (2 * B), B), o3 = output.Slice(i + (3 * B), B);
            for (var j = 0; j < B; j++)
            {
                o0[j] = e0 = Step(e0, x0[j], k);
                o1[j] = e1 = Step(e1, x1[j], k);
                o2[j] = e2 = Step(e2, x2[j], k);
                o3[j] = e3 = Step(e3, x3[j], k);
            }
        }

        // The rest block by block with the same carries, so any prefix of the series gives the same bits.
        for (; i < real.Length; i += B)
        {
            var x = real.Slice(i, Math.Min(B, real.Length - i));
            var o = output.Slice(i, x.Length);
            var e = ema;
            for (var j = 0; j < x.Length; j++)
            {
                o[j] = e = Step(e, x[j], k);
            }

            if (x.Length == B)
            {
                var local = 0.0;
                for (var j = 0; j < B; j++)
                {
                    local = LinearBlocks.Local(local, a, k * x[j]);
                }

                ema = LinearBlocks.Carry(local, decay, ema);
            }
        }
    }

    // TA-Lib's order: the distance to the new value, scaled, added back.
    private static double Step(double ema, double x, double k) => ((x - ema) * k) + ema;

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

    /// <summary>Streaming EMA: O(1) per bar, equal to <see cref="Compute(ReadOnlySpan{double}, int, Span{double})"/> up to rounding.</summary>
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
