namespace MtMcp.Indicators;

/// <summary>
/// MESA Adaptive Moving Average (TA-Lib MAMA): an EMA whose factor follows the rate of change of the Hilbert
/// phase, between <c>slow_limit</c> and <c>fast_limit</c>, and FAMA, the same at half the factor applied to MAMA.
/// </summary>
public static class Mama
{
    /// <summary>TA-Lib's default fast limit, also used by MA with type MAMA.</summary>
    public const double DefaultFastLimit = 0.5;

    /// <summary>TA-Lib's default slow limit, also used by MA with type MAMA.</summary>
    public const double DefaultSlowLimit = 0.05;

    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "mama", "MESA Adaptive Moving Average", IndicatorGroup.OverlapStudies,
        [InputSeries.Real0],
        [
            ParameterInfo.Real("fast_limit", DefaultFastLimit, 0.01, 0.99, "Largest smoothing factor (fastest adaptation)", "fast"),
            ParameterInfo.Real("slow_limit", DefaultSlowLimit, 0.01, 0.99, "Smallest smoothing factor (slowest adaptation)", "slow"),
        ],
        [new OutputInfo("mama", "MESA adaptive moving average"), new OutputInfo("fama", "Following adaptive moving average")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Real(0), p.Real(1)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.Real0.Length;
            Compute(inputs.Real0, p.Real(0), p.Real(1), outputs[..n], outputs[n..]);
        },
        p => new Stream(p.Real(0), p.Real(1)));

    /// <summary>Bars without a value at the start: 32, whatever the limits.</summary>
    public static int Lookback(double fastLimit, double slowLimit) => HilbertCore.ShortLookback;

    /// <summary>
    /// Writes MAMA and FAMA of <paramref name="real"/> from index 32 on, with smoothing factors between
    /// <paramref name="slowLimit"/> and <paramref name="fastLimit"/> (TA-Lib allows 0.01…0.99 for both).
    /// </summary>
    /// <exception cref="ArgumentException">An output is shorter than <paramref name="real"/>.</exception>
    public static void Compute(ReadOnlySpan<double> real, double fastLimit, double slowLimit, Span<double> mama, Span<double> fama) =>
        HilbertBatch.Run(new State(fastLimit, slowLimit), Lookback(fastLimit, slowLimit), real, mama, fama);

    /// <summary>Writes MAMA alone (what TA-Lib's MA returns for the MAMA type) from index 32 on.</summary>
    /// <exception cref="ArgumentException"><paramref name="mama"/> is shorter than <paramref name="real"/>.</exception>
    public static void Compute(ReadOnlySpan<double> real, double fastLimit, double slowLimit, Span<double> mama) =>
        HilbertBatch.Run(new State(fastLimit, slowLimit), Lookback(fastLimit, slowLimit), real, mama);

    /// <summary>Streaming MAMA (outputs: MAMA, FAMA), equal to <see cref="Compute(ReadOnlySpan{double}, double, double, Span{double}, Span{double})"/> at every bar.</summary>
    /// <param name="fastLimit">Largest smoothing factor.</param>
    /// <param name="slowLimit">Smallest smoothing factor.</param>
    public sealed class Stream(double fastLimit, double slowLimit)
        : HilbertStream(Mama.Info, Lookback(fastLimit, slowLimit), new Stepper<State>(new State(fastLimit, slowLimit)));

    private struct State(double fastLimit, double slowLimit) : IHilbertIndicator
    {
        private HilbertCore _core = HilbertCore.ForShortLookback();
        private double _phase;
        private double _mama;
        private double _fama;

        public void Step(double value)
        {
            if (!_core.Step(value))
            {
                return;
            }

            var i1 = _core.I1;
            var phase = i1 != 0.0 ? Math.Atan(_core.Q1 / i1) * HilbertCore.Rad2Deg : 0.0;

            // The faster the phase turns (degrees per bar, at least 1), the slower the average.
            var delta = _phase - phase;
            _phase = phase;
            if (delta < 1.0)
            {
                delta = 1.0;
            }

            var alpha = fastLimit;
            if (delta > 1.0)
            {
                alpha = fastLimit / delta;
                if (alpha < slowLimit)
                {
                    alpha = slowLimit;
                }
            }

            _mama = (alpha * value) + ((1 - alpha) * _mama);
            alpha *= 0.5;
            _fama = (alpha * _mama) + ((1 - alpha) * _fama);
        }

        public readonly double Output(int output) => output == 0 ? _mama : _fama;
    }
}
