namespace MtMcp.Indicators;

/// <summary>
/// Hilbert Transform - SineWave (TA-Lib HT_SINE): the sine of the dominant cycle phase and the sine of the
/// phase advanced by 45°; their crossings mark cycle turns.
/// </summary>
public static class HtSine
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "ht_sine", "Hilbert Transform - SineWave", IndicatorGroup.CycleIndicators,
        [InputSeries.Real0], [],
        [new OutputInfo("sine", "Sine of the dominant cycle phase"), new OutputInfo("lead_sine", "Sine of the phase advanced by 45 degrees")]);

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

    /// <summary>Bars without a value at the start: 63.</summary>
    public static int Lookback() => HilbertCore.LongLookback;

    /// <summary>Writes the sine and lead sine of <paramref name="real"/> from index 63 on.</summary>
    /// <exception cref="ArgumentException">An output is shorter than <paramref name="real"/>.</exception>
    public static void Compute(ReadOnlySpan<double> real, Span<double> sine, Span<double> leadSine) =>
        HilbertBatch.Run(new State(), Lookback(), real, sine, leadSine);

    /// <summary>Streaming HT_SINE (outputs: sine, lead sine), equal to <see cref="Compute"/> at every bar.</summary>
    public sealed class Stream() : HilbertStream(HtSine.Info, Lookback(), new Stepper<State>(new State()));

    private struct State() : IHilbertIndicator
    {
        private DominantCycle _cycle = new();

        public void Step(double value) => _cycle.Step(value);

        public readonly double Output(int output) =>
            output == 0 ? DominantCycle.Sine(_cycle.Phase) : DominantCycle.LeadSine(_cycle.Phase);
    }
}
