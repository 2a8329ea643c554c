using System.Runtime.Intrinsics;

namespace MtMcp.Indicators;

/// <summary>
/// Relative strength index (TA-Lib RSI): Wilder's average gain as a percentage of average gain plus average loss,
/// both seeded with the mean of the first <c>period</c> changes; 0 when nothing moved.
/// </summary>
public static class Rsi
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "rsi", "Relative Strength Index", IndicatorGroup.MomentumIndicators,
        [InputSeries.Real0], [ParameterInfo.TimePeriod(14)], [new OutputInfo("real", "RSI, 0 to 100")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period</c> (the first value needs <c>period</c> changes).</summary>
    public static int Lookback(int period) => period;

    /// <summary>
    /// Writes the RSI of <paramref name="real"/> into <paramref name="output"/> from index <c>period</c> on; earlier
    /// entries are left as they are. Equal to TA-Lib up to rounding (about 1e-15 relative, see <see cref="LinearBlocks"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
    /// <exception cref="ArgumentException">The output is shorter than the input.</exception>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output)
    {
        Guard.Period(period, 2);
        Guard.Output(real.Length, output);

        if (real.Length <= period)
        {
            return;
        }

        var state = new WilderGainLoss(period);
        for (var i = 0; i <= period; i++)
        {
            state.Add(real[i]);
        }

        var averages = (state.Gain, state.Loss);
        output[period] = Value(averages.Gain, averages.Loss);

        // A group of blocks at a time (see LinearBlocks): the changes into the output, then replaced by the RSI.
        const int Group = 4 * LinearBlocks.Length;
        for (var start = period + 1; start < real.Length; start += Group)
        {
            var end = Math.Min(start + Group, real.Length);
            for (var i = start; i < end; i++)
            {
                output[i] = real[i] - real[i - 1];
            }

            averages = Smooth(output[start..end], averages, period);
        }
    }

    /// <summary>
    /// The RSI as one serial chain in TA-Lib's exact order, bit for bit. STOCHRSI needs it: where the RSI barely
    /// moves over its window, the stochastic of it is made of the RSI's last bits, which the blocked
    /// <see cref="Compute"/> changes by rounding.
    /// </summary>
    internal static void ComputeSerial(ReadOnlySpan<double> real, int period, Span<double> output)
    {
        Guard.Period(period, 2);
        Guard.Output(real.Length, output);

        var state = new WilderGainLoss(period);
        for (var i = 0; i < real.Length; i++)
        {
            state.Add(real[i]);
            if (i >= period)
            {
                output[i] = Value(state.Gain, state.Loss);
            }
        }
    }

    /// <summary>
    /// Replaces the changes in <paramref name="values"/> (up to four blocks of <see cref="LinearBlocks.Length"/> from a
    /// block boundary) with the RSI, continuing Wilder's averages from <paramref name="averages"/>; returns the
    /// averages carried to the next block. Four whole blocks run side by side; each bar takes TA-Lib's step
    /// (<see cref="WilderGainLoss"/>'s) from the bar before it.
    /// </summary>
    private static (double Gain, double Loss) Smooth(Span<double> values, (double Gain, double Loss) averages, int period)
    {
        const int B = LinearBlocks.Length;
        var a = (period - 1.0) / period;
        var b = 1.0 / period;
        var decay = LinearBlocks.Decay(a);
        if (values.Length == 4 * B)
        {
            Span<double> v0 = values[..B], v1 = values.Slice(B, B), v2 = values.Slice(2 * B, B), v3 = values.Slice(3 * B, B);
            var (g0, g1, g2, g3, l0, l1, l2, l3) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
            for (var j = 0; j < B; j++)
            {
                g0 = LinearBlocks.Local(g0, a, Up(v0[j]) * b);
                l0 = LinearBlocks.Local(l0, a, Down(v0[j]) * b);
                g1 = LinearBlocks.Local(g1, a, Up(v1[j]) * b);
                l1 = LinearBlocks.Local(l1, a, Down(v1[j]) * b);
                g2 = LinearBlocks.Local(g2, a, Up(v2[j]) * b);
                l2 = LinearBlocks.Local(l2, a, Down(v2[j]) * b);
                g3 = LinearBlocks.Local(g3, a, Up(v3[j]) * b);
                l3 = LinearBlocks.Local(l3, a, Down(v3[j]) * b);
            }

            // Pass 2 with the four blocks as the lanes of one vector: the same operations per lane as one chain
            // (IEEE arithmetic is exact per lane), at a quarter of the divisions that bound the scalar loop.
            var gain = Vector256.Create(averages.Gain, 0, 0, 0);
            var loss = Vector256.Create(averages.Loss, 0, 0, 0);
            gain = gain.WithElement(1, LinearBlocks.Carry(g0, decay, gain[0]));
            loss = loss.WithElement(1, LinearBlocks.Carry(l0, decay, loss[0]));
            gain = gain.WithElement(2, LinearBlocks.Carry(g1, decay, gain[1]));
            loss = loss.WithElement(2, LinearBlocks.Carry(l1, decay, loss[1]));
            gain = gain.WithElement(3, LinearBlocks.Carry(g2, decay, gain[2]));
            loss = loss.WithElement(3, LinearBlocks.Carry(l2, decay, loss[2]));
            var next = (LinearBlocks.Carry(g3, decay, gain[3]), LinearBlocks.Carry(l3, decay, loss[3]));

            var zero = Vector256<double>.Zero;
            var lessOne = Vector256.Create(period - 1.0);
            var divisor = Vector256.Create((double)period);
            var hundred = Vector256.Create(100.0);
            var epsilon = Vector256.Create(MomentumMath.Epsilon);
            for (var j = 0; j < B; j++)
            {
                var change = Vector256.Create(v0[j], v1[j], v2[j], v3[j]);
                gain = ((gain * lessOne) + Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(change, zero), change, zero)) / divisor;
                loss = ((loss * lessOne) - Vector256.ConditionalSelect(Vector256.LessThan(change, zero), change, zero)) / divisor;
                var sum = gain + loss;
                var flat = Vector256.GreaterThan(sum, -epsilon) & Vector256.LessThan(sum, epsilon);
                var rsi = Vector256.ConditionalSelect(flat, zero, hundred * (gain / sum));
                v0[j] = rsi[0];
                v1[j] = rsi[1];
                v2[j] = rsi[2];
                v3[j] = rsi[3];
            }

            return next;
        }

        // Fewer than four whole blocks: one at a time with the same carries, so a prefix gives the same bits.
        for (var start = 0; start < values.Length; start += B)
        {
            var v = values.Slice(start, Math.Min(B, values.Length - start));
            var (gain, loss) = averages;
            if (v.Length == B)
            {
                var (localGain, localLoss) = (0.0, 0.0);
                for (var j = 0; j < B; j++)
                {
                    localGain = LinearBlocks.Local(localGain, a, Up(v[j]) * b);
                    localLoss = LinearBlocks.Local(localLoss, a, Down(v[j]) * b);
                }

                averages = (LinearBlocks.Carry(localGain, decay, gain), LinearBlocks.Carry(localLoss, decay, loss));
            }

            for (var j = 0; j < v.Length; j++)
            {
                v[j] = Step(ref gain, ref loss, v[j], period);
            }
        }

        return averages;
    }

    // One bar of Wilder's averages in WilderGainLoss's order, then the RSI.
    private static double Step(ref double gain, ref double loss, double change, int period)
    {
        gain = ((gain * (period - 1)) + Up(change)) / period;
        loss = ((loss * (period - 1)) + Down(change)) / period;
        return Value(gain, loss);
    }

    // A zero change counts as a gain of 0, as in TA-Lib.
    private static double Up(double change) => MomentumMath.KeepIf(change >= 0, change);

    private static double Down(double change) => -MomentumMath.KeepIf(change < 0, change);

    /// <summary>RSI of an average gain and loss: <c>100·gain / (gain + loss)</c>, 0 when both are 0.</summary>
    internal static double Value(double gain, double loss)
    {
        var sum = gain + loss;
        return MomentumMath.IsZero(sum) ? 0.0 : 100.0 * (gain / sum);
    }

    /// <summary>Streaming RSI: O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : GainLossStream
    {
        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
        public Stream(int period)
            : base(period)
        {
        }

        /// <inheritdoc />
        public override IndicatorInfo Info => Rsi.Info;

        /// <inheritdoc />
        private protected override double Oscillator(double gain, double loss) => Rsi.Value(gain, loss);
    }
}
