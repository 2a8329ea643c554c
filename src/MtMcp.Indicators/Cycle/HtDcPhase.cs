namespace MtMcp.Indicators;

/// <summary>
/// Hilbert Transform - Dominant Cycle Phase (TA-Lib HT_DCPHASE): where the price stands in its dominant
/// cycle, in degrees (−45…315).
/// </summary>
public static class HtDcPhase
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "ht_dcphase", "Hilbert Transform - Dominant Cycle Phase", IndicatorGroup.CycleIndicators,
        [InputSeries.Real0], [], [new OutputInfo("real", "Dominant cycle phase in degrees")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        _ => Lookback(),
        (scoped in IndicatorInputs inputs, IndicatorParameters _, Span<double> outputs) => Compute(inputs.Real0, outputs),
        _ => new Stream());

    /// <summary>Bars without a value at the start: 63.</summary>
    public static int Lookback() => HilbertCore.LongLookback;

    /// <summary>Writes the dominant cycle phase of <paramref name="real"/> into <paramref name="output"/> from index 63 on.</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <paramref name="real"/>.</exception>
    public static void Compute(ReadOnlySpan<double> real, Span<double> output) =>
        HilbertBatch.Run(new State(), Lookback(), real, output);

    /// <summary>Streaming HT_DCPHASE, equal to <see cref="Compute"/> at every bar.</summary>
    public sealed class Stream() : HilbertStream(HtDcPhase.Info, Lookback(), new Stepper<State>(new State()));

    private struct State() : IHilbertIndicator
    {
        private DominantCycle _cycle = new();

        public void Step(double value) => _cycle.Step(value);

        public readonly double Output(int output) => _cycle.Phase;
    }
}
