namespace MtMcp.Indicators;

/// <summary>
/// Hilbert Transform - Phasor Components (TA-Lib HT_PHASOR): the in-phase (I1) and quadrature (Q1)
/// components of the detrended, smoothed price.
/// </summary>
public static class HtPhasor
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "ht_phasor", "Hilbert Transform - Phasor Components", IndicatorGroup.CycleIndicators,
        [InputSeries.Real0], [],
        [new OutputInfo("in_phase", "In-phase component (I1)"), new OutputInfo("quadrature", "Quadrature component (Q1)")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        _ => Lookback(),
        (scoped in IndicatorInputs inputs, IndicatorParameters _, Span<double> outputs) =>
        {
            var n = inputs.Real0.Length;
            Compute(inputs.Real0, outputs[..n], outputs[n..]);
        },
        _ => new Stream());

    /// <summary>Bars without a value at the start: 32.</summary>
    public static int Lookback() => HilbertCore.ShortLookback;

    /// <summary>Writes the phasor components of <paramref name="real"/> from index 32 on.</summary>
    /// <exception cref="ArgumentException">An output is shorter than <paramref name="real"/>.</exception>
    public static void Compute(ReadOnlySpan<double> real, Span<double> inPhase, Span<double> quadrature) =>
        HilbertBatch.Run(new State(), Lookback(), real, inPhase, quadrature);

    /// <summary>Streaming HT_PHASOR (outputs: in-phase, quadrature), equal to <see cref="Compute"/> at every bar.</summary>
    public sealed class Stream() : HilbertStream(HtPhasor.Info, Lookback(), new Stepper<State>(new State()));

    private struct State() : IHilbertIndicator
    {
        private HilbertCore _core = HilbertCore.ForShortLookback();

        public void Step(double value) => _core.Step(value);

        public readonly double Output(int output) => output == 0 ? _core.I1 : _core.Q1;
    }
}
