using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>
/// Tillson's T3 (TA-Lib T3): six EMAs in a chain combined as <c>GD(GD(GD(x)))</c> with the volume factor
/// <c>v</c>, where <c>GD = EMA·(1 + v) − EMA(EMA)·v</c>; each EMA is seeded with the SMA of its first inputs.
/// </summary>
public static class T3
{
    private const int Stages = 6;

    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "t3", "Triple Exponential Moving Average (T3)", IndicatorGroup.OverlapStudies,
        [InputSeries.Real0],
        [
            ParameterInfo.TimePeriod(5),
            ParameterInfo.Real("v_factor", 0.7, 0, 1, "Volume factor: 0 gives a triple EMA, 1 the most responsive curve", "volume_factor", "vfactor"),
        ],
        [new OutputInfo("real", "Moving average")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), p.Real(1), outputs),
        p => new Stream(p.Int(0), p.Real(1)));

    /// <summary>Bars without a value at the start: <c>6·(period − 1)</c>.</summary>
    public static int Lookback(int period) => Stages * (period - 1);

    /// <summary>
    /// Writes the T3 of <paramref name="real"/> into <paramref name="output"/> from index <see cref="Lookback"/>
    /// on; earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000 or <paramref name="vFactor"/> outside 0…1.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <paramref name="real"/>.</exception>
    public static void Compute(ReadOnlySpan<double> real, int period, double vFactor, Span<double> output)
    {
        CheckParameters(period, vFactor);
        Guard.Output(real.Length, output);

        var chain = new Chain(period, vFactor);
        var lookback = Lookback(period);
        if (real.Length <= lookback)
        {
            return;
        }

        for (var i = 0; i < lookback; i++)
        {
            chain.Next(real[i]);
        }

        // The last seed completes at the lookback; from there on every EMA just advances.
        output[lookback] = chain.Next(real[lookback]);
        chain.Run(real[(lookback + 1)..], output[(lookback + 1)..]);
    }

    private static void CheckParameters(int period, double vFactor)
    {
        Guard.Period(period, 2);

        if (!(vFactor is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(vFactor), vFactor, "vFactor must be from 0 to 1.");
        }
    }

    /// <summary>The six chained EMAs and the output weights; a copy saves the state.</summary>
    private struct Chain : IChain
    {
        private readonly int _period;
        private readonly double _k;
        private readonly double _oneMinusK;
        private readonly double _c1;
        private readonly double _c2;
        private readonly double _c3;
        private readonly double _c4;
        private Values _ema;
        private double _seedSum;
        private int _seedCount;
        private int _ready;

        public Chain(int period, double vFactor)
        {
            _period = period;
            _k = 2.0 / (period + 1.0);
            _oneMinusK = 1.0 - _k;

            // GD applied three times expands to c1·e6 + c2·e5 + c3·e4 + c4·e3 (TA-Lib's constants and order).
            var v2 = vFactor * vFactor;
            _c1 = -(v2 * vFactor);
            _c2 = 3.0 * (v2 - _c1);
            _c3 = (-6.0 * v2) - (3.0 * (vFactor - _c1));
            _c4 = 1.0 + (3.0 * vFactor) - _c1 + (3.0 * v2);
        }

        public readonly bool IsReady => _ready == Stages;

        /// <summary>Feeds the next value; returns the T3, NaN during the warm-up.</summary>
        public double Next(double x)
        {
            if (_ready == Stages)
            {
                return Advance(x);
            }

            // While seeding, the ready EMAs advance, each feeding the next; the first EMA not ready yet adds the value to its
            // seed, which starts with the first value of the EMA before it.
            var input = x;
            for (var s = 0; s < _ready; s++)
            {
                input = _ema[s] = (_k * input) + (_oneMinusK * _ema[s]);
            }

            _seedSum += input;
            if (++_seedCount < _period)
            {
                return double.NaN;
            }

            _ema[_ready] = _seedSum / _period;
            if (++_ready < Stages)
            {
                _seedSum = _ema[_ready - 1];
                _seedCount = 1;
                return double.NaN;
            }

            return Output();
        }

        /// <summary>Feeds the next value once every EMA is seeded.</summary>
        public double Advance(double x)
        {
            var value = 0.0;
            Run(new ReadOnlySpan<double>(in x), new Span<double>(ref value));
            return value;
        }

        /// <summary>
        /// Advances every EMA over <paramref name="real"/> with TA-Lib's <c>k·x + (1 − k)·e</c> down the chain and
        /// writes the T3 of each value; the state lives in locals (registers) during the loop.
        /// </summary>
        public void Run(ReadOnlySpan<double> real, Span<double> output)
        {
            var (k, m) = (_k, _oneMinusK);
            var (c1, c2, c3, c4) = (_c1, _c2, _c3, _c4);
            var (e1, e2, e3, e4, e5, e6) = (_ema[0], _ema[1], _ema[2], _ema[3], _ema[4], _ema[5]);
            for (var i = 0; i < real.Length; i++)
            {
                e1 = (k * real[i]) + (m * e1);
                e2 = (k * e1) + (m * e2);
                e3 = (k * e2) + (m * e3);
                e4 = (k * e3) + (m * e4);
                e5 = (k * e4) + (m * e5);
                e6 = (k * e5) + (m * e6);
                output[i] = (c1 * e6) + (c2 * e5) + (c3 * e4) + (c4 * e3);
            }

            (_ema[0], _ema[1], _ema[2], _ema[3], _ema[4], _ema[5]) = (e1, e2, e3, e4, e5, e6);
        }

        private readonly double Output() => (_c1 * _ema[5]) + (_c2 * _ema[4]) + (_c3 * _ema[3]) + (_c4 * _ema[2]);
    }

    [InlineArray(Stages)]
    private struct Values
    {
        private double _element;
    }

    /// <summary>Streaming T3: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private ChainStream<Chain> _chain;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000 or <paramref name="vFactor"/> outside 0…1.</exception>
        public Stream(int period, double vFactor)
        {
            CheckParameters(period, vFactor);
            _chain = new(new Chain(period, vFactor));
        }

        /// <inheritdoc />
        public IndicatorInfo Info => T3.Info;

        /// <inheritdoc />
        public int Count => _chain.Count;

        /// <inheritdoc />
        public bool IsReady => _chain.IsReady;

        /// <inheritdoc />
        public void Add(in StreamBar bar) => _chain.Add(bar.Real0);

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar) => _chain.UpdateLast(bar.Real0);

        /// <inheritdoc />
        public double Value(int output) => _chain.Value;
    }
}
