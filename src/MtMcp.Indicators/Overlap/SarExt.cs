namespace MtMcp.Indicators;

/// <summary>
/// Parabolic SAR, extended (TA-Lib SAREXT): SAR with separate acceleration factors for long and short
/// positions, an optional start value and direction, and an optional offset on reversal. Short positions are
/// reported as negative values, so the sign gives the direction.
/// </summary>
public static class SarExt
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "sarext", "Parabolic SAR - Extended", IndicatorGroup.OverlapStudies,
        [InputSeries.High, InputSeries.Low],
        [
            ParameterInfo.Real("start_value", 0, -3e37, 3e37, "Start: 0 automatic, > 0 long from this level, < 0 short from its absolute value", "start"),
            ParameterInfo.Real("offset_on_reverse", 0, 0, 3e37, "Fraction added to (short) or taken from (long) the stop on a reversal", "offset"),
            ParameterInfo.Real("acceleration_init_long", 0.02, 0, 3e37, "Initial acceleration factor when long"),
            ParameterInfo.Real("acceleration_long", 0.02, 0, 3e37, "Acceleration step at each new high when long"),
            ParameterInfo.Real("acceleration_max_long", 0.2, 0, 3e37, "Largest acceleration factor when long"),
            ParameterInfo.Real("acceleration_init_short", 0.02, 0, 3e37, "Initial acceleration factor when short"),
            ParameterInfo.Real("acceleration_short", 0.02, 0, 3e37, "Acceleration step at each new low when short"),
            ParameterInfo.Real("acceleration_max_short", 0.2, 0, 3e37, "Largest acceleration factor when short"),
        ],
        [new OutputInfo("real", "Stop-and-reverse level: positive when long, negative when short")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        _ => Lookback(),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
            ParabolicSar.Compute(Settings(p), inputs.High, inputs.Low, outputs),
        p => new Stream(p.Real(0), p.Real(1), p.Real(2), p.Real(3), p.Real(4), p.Real(5), p.Real(6), p.Real(7)));

    /// <summary>Bars without a value at the start: 1 (the first bar seeds the stop).</summary>
    public static int Lookback() => 1;

    /// <summary>Writes the extended SAR of the bars into <paramref name="output"/> from index 1 on (negative while short).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The start value is not finite, or the offset or a factor is negative or not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="low"/> differs in length from <paramref name="high"/>, or <paramref name="output"/> is shorter.</exception>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low,
        double startValue, double offsetOnReverse,
        double accelerationInitLong, double accelerationLong, double accelerationMaxLong,
        double accelerationInitShort, double accelerationShort, double accelerationMaxShort,
        Span<double> output) =>
        ParabolicSar.Compute(
            Settings(startValue, offsetOnReverse, accelerationInitLong, accelerationLong, accelerationMaxLong, accelerationInitShort, accelerationShort, accelerationMaxShort),
            high, low, output);

    private static ParabolicSar.Settings Settings(IndicatorParameters p) =>
        Settings(p.Real(0), p.Real(1), p.Real(2), p.Real(3), p.Real(4), p.Real(5), p.Real(6), p.Real(7));

    private static ParabolicSar.Settings Settings(
        double startValue, double offsetOnReverse,
        double accelerationInitLong, double accelerationLong, double accelerationMaxLong,
        double accelerationInitShort, double accelerationShort, double accelerationMaxShort) =>
        new(startValue, offsetOnReverse, accelerationInitLong, accelerationLong, accelerationMaxLong,
            accelerationInitShort, accelerationShort, accelerationMaxShort, negateShort: true);

    /// <summary>Streaming SAREXT: O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly ParabolicSar.Stream _sar;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The start value is not finite, or the offset or a factor is negative or not finite.</exception>
        public Stream(
            double startValue, double offsetOnReverse,
            double accelerationInitLong, double accelerationLong, double accelerationMaxLong,
            double accelerationInitShort, double accelerationShort, double accelerationMaxShort)
        {
            _sar = new ParabolicSar.Stream(Settings(
                startValue, offsetOnReverse, accelerationInitLong, accelerationLong, accelerationMaxLong, accelerationInitShort, accelerationShort, accelerationMaxShort));
        }

        /// <inheritdoc />
        public IndicatorInfo Info => SarExt.Info;

        /// <inheritdoc />
        public int Count => _sar.Count;

        /// <inheritdoc />
        public bool IsReady => _sar.IsReady;

        /// <inheritdoc />
        public void Add(in StreamBar bar) => _sar.Add(bar);

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar) => _sar.UpdateLast(bar);

        /// <inheritdoc />
        public double Value(int output) => _sar.Value;
    }
}
