using System.Numerics;

namespace MtMcp.Indicators;

/// <summary>
/// Intraday momentum index (TA-Lib IMI): the RSI of bar bodies, <c>100·up / (up + down)</c>, where up sums
/// <c>close − open</c> of the rising bars and down <c>open − close</c> of the others over <c>time_period</c> bars.
/// As in TA-Lib, a window of bars without bodies gives NaN (0 / 0).
/// </summary>
/// <remarks>
/// TA-Lib re-sums the window every bar (no running sum, so no drift); batch and stream do the same, O(period) per bar.
/// </remarks>
public static class Imi
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "imi", "Intraday Momentum Index", IndicatorGroup.MomentumIndicators,
        [InputSeries.Open, InputSeries.Close], [ParameterInfo.TimePeriod(14)],
        [new OutputInfo("real", "IMI, 0 to 100")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Open, inputs.Close, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>
    /// Writes the IMI into <paramref name="output"/> from index <c>period − 1</c> on; earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        Guard.Period(period, 2);
        Guard.SameLength(open.Length, close);
        Guard.Output(open.Length, output);

        // Vectorised across bars: each lane sums its own window in TA-Lib's order, oldest first.
        var today = period - 1;
        if (Vector.IsHardwareAccelerated)
        {
            var hundred = new Vector<double>(100.0);
            for (; today <= open.Length - Vector<double>.Count; today += Vector<double>.Count)
            {
                var up = Vector<double>.Zero;
                var down = Vector<double>.Zero;
                for (var i = today - period + 1; i <= today; i++)
                {
                    var body = new Vector<double>(close[i..]) - new Vector<double>(open[i..]);
                    var rising = Vector.GreaterThan(body, Vector<double>.Zero);
                    up += Vector.ConditionalSelect(rising, body, Vector<double>.Zero);
                    down -= Vector.ConditionalSelect(rising, Vector<double>.Zero, body);
                }

                (hundred * (up / (up + down))).CopyTo(output[today..]);
            }
        }

        for (; today < open.Length; today++)
        {
            var up = 0.0;
            var down = 0.0;
            for (var i = today - period + 1; i <= today; i++)
            {
                Accumulate(close[i] - open[i], ref up, ref down);
            }

            output[today] = Value(up, down);
        }
    }

    // A rising body adds to up; any other adds its size to down (open − close = −body exactly). Adding the other
    // side's +0 instead of skipping it changes nothing, so this and the vector loop give TA-Lib's bits.
    private static void Accumulate(double body, ref double up, ref double down)
    {
        var rising = body > 0;
        up += MomentumMath.KeepIf(rising, body);
        down -= MomentumMath.KeepIf(!rising, body);
    }

    private static double Value(double up, double down) => 100.0 * (up / (up + down));

    /// <summary>Streaming IMI: O(period) per bar like the batch form, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly SlidingWindow _bodies;
        private double _value = double.NaN;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
        public Stream(int period)
        {
            Guard.Period(period, 2);
            _bodies = new SlidingWindow(period);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Imi.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => _bodies.IsFull;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _bodies.Push(bar.Close - bar.Open);
            Evaluate();
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _bodies.UndoPush();
            _bodies.Push(bar.Close - bar.Open);
            Evaluate();
        }

        /// <inheritdoc />
        public double Value(int output) => _value;

        private void Evaluate()
        {
            if (!_bodies.IsFull)
            {
                return;
            }

            var up = 0.0;
            var down = 0.0;
            for (var k = 0; k < _bodies.Count; k++)
            {
                Accumulate(_bodies[k], ref up, ref down);
            }

            _value = Imi.Value(up, down);
        }
    }
}
