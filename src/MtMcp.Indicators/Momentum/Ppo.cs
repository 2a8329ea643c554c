namespace MtMcp.Indicators;

/// <summary>Percentage price oscillator (TA-Lib PPO): (fast average − slow average) / slow average × 100; 0 where the slow average is 0.</summary>
public static class Ppo
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "ppo", "Percentage Price Oscillator", IndicatorGroup.MomentumIndicators,
        [InputSeries.Real0],
        [
            ParameterInfo.Integer("fast_period", 12, 2, 100_000, "Bars of the fast moving average", "fast"),
            ParameterInfo.Integer("slow_period", 26, 2, 100_000, "Bars of the slow moving average", "slow"),
            ParameterInfo.MovingAverage("ma_type", MaType.Sma, "Type of both moving averages", "ma"),
        ],
        [new OutputInfo("real", "Fast average minus slow average, in percent of the slow average")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(1), p.Ma(2)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), p.Int(1), p.Ma(2), outputs),
        p => new Stream(p.Int(0), p.Int(1), p.Ma(2)));

    /// <summary>Bars without a value at the start: the lookback of the longer average.</summary>
    public static int Lookback(int fastPeriod, int slowPeriod, MaType maType) => PriceOscillator.Lookback(fastPeriod, slowPeriod, maType);

    /// <summary>
    /// Writes the PPO of <paramref name="real"/> into <paramref name="output"/> from the lookback on; earlier
    /// entries are left as they are. The periods are swapped when <paramref name="fastPeriod"/> is the longer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A period outside [2, 100000] or an unknown MA type.</exception>
    /// <exception cref="ArgumentException">The output is shorter than the input.</exception>
    public static void Compute(ReadOnlySpan<double> real, int fastPeriod, int slowPeriod, MaType maType, Span<double> output) =>
        PriceOscillator.Compute(real, fastPeriod, slowPeriod, maType, percent: true, output);

    /// <summary>Streaming PPO, equal to <see cref="Compute"/>.</summary>
    /// <param name="fastPeriod">Bars of the fast average.</param>
    /// <param name="slowPeriod">Bars of the slow average.</param>
    /// <param name="maType">Type of both averages.</param>
    /// <exception cref="ArgumentOutOfRangeException">A period outside [2, 100000] or an unknown MA type.</exception>
    public sealed class Stream(int fastPeriod, int slowPeriod, MaType maType) : PriceOscillatorStream(fastPeriod, slowPeriod, maType, percent: true)
    {
        /// <inheritdoc />
        public override IndicatorInfo Info => Ppo.Info;
    }
}
