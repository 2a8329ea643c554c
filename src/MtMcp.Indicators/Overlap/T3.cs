using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MtMcp.Indicators;

/// <summary>
/// Tillson's T3 (TA-Lib T3): six EMAs in a chain combined as <c>GD(GD(GD(x)))</c> with the volume factor
/// <c>v</c>, where <c>GD = EMA·(1 + v) − EMA(EMA)·v</c>; each EMA is seeded with the SMA of its first inputs.
/// </summary>
public static class T3
{
    private const int Stages = 6;

    // Bars of the wavefront's fill and drain: EMA 6 runs five bars behind EMA 1.
    private const int Skew = Stages;

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
        /// writes the T3 of each value; the state lives in registers during the loop.
        /// </summary>
        public void Run(ReadOnlySpan<double> real, Span<double> output)
        {
            if (Sse2.IsSupported && real.Length >= Skew + Skew)
            {
                RunSkewed(real, output);
                return;
            }

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

        /// <summary>
        /// <see cref="Run"/> as a wavefront: EMA s runs s − 1 bars behind the first, so that the six updates of a step
        /// are independent and go in pairs through three two-lane vectors (EMA 1 and 2, 3 and 4, 5 and 6): three
        /// vector multiply pairs per bar instead of twelve scalar multiplies, each lane the scalar form's operations,
        /// so the same bits. The first and last bars, where the wavefront fills and drains, run as a staircase.
        /// </summary>
        private void RunSkewed(ReadOnlySpan<double> real, Span<double> output)
        {
            var n = real.Length;
            output = output[..n];
            var (k, m) = (Vector128.Create(_k), Vector128.Create(_oneMinusK));
            var (c1, c2, c3, c4) = (_c1, _c2, _c3, _c4);

            // Fill: stage s (row s; row 0 the input) over bars −1 … 4 (columns 0 … 5), as far as bar 5 − s.
            Span<double> grid = stackalloc double[(Stages + 1) * Skew];
            for (var s = 1; s <= Stages; s++)
            {
                grid[s * Skew] = _ema[s - 1];
            }

            real[..(Skew - 1)].CopyTo(grid[1..Skew]);
            Staircase(grid, fill: true);

            // Vectors (EMA 1, 2), (3, 4), (5, 6) at bars (t − 1, t − 2), (t − 3, t − 4), (t − 5, t − 6) before step t;
            // b2 and b3: the middle pair one and two steps before b (the T3 of bar t − 5 reads EMA 4 and 3 there).
            var a = Vector128.Create(grid[Skew + 5], grid[(2 * Skew) + 4]);
            var b = Vector128.Create(grid[(3 * Skew) + 3], grid[(4 * Skew) + 2]);
            var b2 = Vector128.Create(grid[(3 * Skew) + 2], grid[(4 * Skew) + 1]);
            var b3 = Vector128.Create(grid[(3 * Skew) + 1], grid[4 * Skew]);
            var c = Vector128.Create(grid[(5 * Skew) + 1], grid[6 * Skew]);
            for (var t = Skew - 1; t < n; t++)
            {
                var nextA = (k * Sse2.UnpackLow(Vector128.CreateScalarUnsafe(real[t]), a)) + (m * a);
                var nextB = (k * Sse2.Shuffle(a, b, 0b01)) + (m * b);
                var nextC = (k * Sse2.Shuffle(b, c, 0b01)) + (m * c);
                output[t - (Skew - 1)] = (c1 * nextC.GetElement(1)) + (c2 * c.GetElement(0)) + (c3 * b2.GetElement(1)) + (c4 * b3.GetElement(0));
                (a, b3, b2, b, c) = (nextA, b2, b, nextB, nextC);
            }

            // Drain: the stages over bars n − 6 … n − 1 (columns 0 … 5) from where the wavefront left them.
            grid.Clear();
            (grid[Skew + 5], grid[(2 * Skew) + 4]) = (a.GetElement(0), a.GetElement(1));
            (grid[(3 * Skew) + 3], grid[(4 * Skew) + 2]) = (b.GetElement(0), b.GetElement(1));
            (grid[(3 * Skew) + 2], grid[(4 * Skew) + 1]) = (b2.GetElement(0), b2.GetElement(1));
            grid[(3 * Skew) + 1] = b3.GetElement(0);
            (grid[(5 * Skew) + 1], grid[6 * Skew]) = (c.GetElement(0), c.GetElement(1));
            Staircase(grid, fill: false);
            for (var column = 1; column < Skew; column++)
            {
                output[n - Skew + column] = (c1 * grid[(6 * Skew) + column]) + (c2 * grid[(5 * Skew) + column])
                    + (c3 * grid[(4 * Skew) + column]) + (c4 * grid[(3 * Skew) + column]);
            }

            for (var s = 1; s <= Stages; s++)
            {
                _ema[s - 1] = grid[(s * Skew) + Skew - 1];
            }
        }
        /// <summary>
        /// Advances the stages on a grid of six bars (row s for EMA s, row 0 the input): when the wavefront
        /// <paramref name="fill"/>s, EMA s from the first bar to bar 5 − s; when it drains, from bar 6 − s to the last.
        /// </summary>
        private readonly void Staircase(Span<double> grid, bool fill)
        {
            for (var s = 1; s <= Stages; s++)
            {
                var (first, last) = fill ? (1, Skew - s) : (Skew + 1 - s, Skew - 1);
                for (var column = first; column <= last; column++)
                {
                    grid[(s * Skew) + column] = (_k * grid[((s - 1) * Skew) + column]) + (_oneMinusK * grid[(s * Skew) + column - 1]);
                }
            }
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
