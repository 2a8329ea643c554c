namespace MtMcp.Indicators;

/// <summary>
/// Parabolic SAR (TA-Lib SAR): Wilder's trailing stop that accelerates by <c>acceleration</c> at each new
/// extreme up to <c>maximum</c> and reverses when price crosses it. The first bar only seeds the system; the
/// initial direction is short if the second bar's lower low outweighs its higher high, else long.
/// </summary>
public static class Sar
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "sar", "Parabolic SAR", IndicatorGroup.OverlapStudies,
        [InputSeries.High, InputSeries.Low],
        [
            ParameterInfo.Real("acceleration", 0.02, 0, 3e37, "Acceleration factor: its start and its step at each new extreme", "af", "step"),
            ParameterInfo.Real("maximum", 0.2, 0, 3e37, "Largest acceleration factor", "max", "af_max"),
        ],
        [new OutputInfo("real", "Stop-and-reverse level")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        _ => Lookback(),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.High, inputs.Low, p.Real(0), p.Real(1), outputs),
        p => new Stream(p.Real(0), p.Real(1)));

    /// <summary>Bars without a value at the start: 1 (the first bar seeds the stop).</summary>
    public static int Lookback() => 1;

    /// <summary>Writes the SAR of the bars into <paramref name="output"/> from index 1 on.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A factor is negative or not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="low"/> differs in length from <paramref name="high"/>, or <paramref name="output"/> is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, double acceleration, double maximum, Span<double> output) =>
        ParabolicSar.Compute(Settings(acceleration, maximum), high, low, output);

    // SAR is SAREXT with one factor for both directions, an automatic start and no offset.
    private static ParabolicSar.Settings Settings(double acceleration, double maximum)
    {
        ParabolicSar.Settings.NonNegative(acceleration);
        ParabolicSar.Settings.NonNegative(maximum);
        return new(0, 0, acceleration, acceleration, maximum, acceleration, acceleration, maximum, negateShort: false);
    }

    /// <summary>Streaming SAR: O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly ParabolicSar.Stream _sar;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A factor is negative or not finite.</exception>
        public Stream(double acceleration, double maximum)
        {
            _sar = new ParabolicSar.Stream(Settings(acceleration, maximum));
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Sar.Info;

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
