namespace MtMcp.Indicators;

/// <summary>
/// Chande momentum oscillator (TA-Lib CMO): <c>100·(gain − loss) / (gain + loss)</c> of Wilder's average gain and
/// loss, seeded as the RSI's (TA-Lib smooths them; Chande's original sums them); 0 when nothing moved.
/// </summary>
public static class Cmo
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "cmo", "Chande Momentum Oscillator", IndicatorGroup.MomentumIndicators,
        [InputSeries.Real0], [ParameterInfo.TimePeriod(14)], [new OutputInfo("real", "CMO, −100 to 100")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period</c> (the first value needs <c>period</c> changes).</summary>
    public static int Lookback(int period) => period;

    /// <summary>
    /// Writes the CMO of <paramref name="real"/> into <paramref name="output"/> from index <c>period</c> on; earlier
    /// entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
    /// <exception cref="ArgumentException">The output is shorter than the input.</exception>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output)
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

    /// <summary>CMO of an average gain and loss: <c>100·(gain − loss) / (gain + loss)</c>, 0 when both are 0.</summary>
    internal static double Value(double gain, double loss)
    {
        var sum = gain + loss;
        return MomentumMath.IsZero(sum) ? 0.0 : 100.0 * ((gain - loss) / sum);
    }

    /// <summary>Streaming CMO: O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : GainLossStream
    {
        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
        public Stream(int period)
            : base(period)
        {
        }

        /// <inheritdoc />
        public override IndicatorInfo Info => Cmo.Info;

        /// <inheritdoc />
        private protected override double Oscillator(double gain, double loss) => Cmo.Value(gain, loss);
    }
}
