namespace MtMcp.Indicators;

/// <summary>
/// Hilbert Transform - Dominant Cycle Period (TA-Lib HT_DCPERIOD): the length in bars (6…50) of the cycle
/// that dominates the price, from Ehlers' homodyne discriminator.
/// </summary>
public static class HtDcPeriod
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "ht_dcperiod", "Hilbert Transform - Dominant Cycle Period", IndicatorGroup.CycleIndicators,
        [InputSeries.Real0], [], [new OutputInfo("real", "Dominant cycle period in bars")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        _ => Lookback(),
        (scoped in IndicatorInputs inputs, IndicatorParameters _, Span<double> outputs) => Compute(inputs.Real0, outputs),
        _ => new Stream());

    /// <summary>Bars without a value at the start: 32.</summary>
    public static int Lookback() => HilbertCore.ShortLookback;

    /// <summary>Writes the dominant cycle period of <paramref name="real"/> into <paramref name="output"/> from index 32 on.</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <paramref name="real"/>.</exception>
    public static void Compute(ReadOnlySpan<double> real, Span<double> output) =>
        HilbertBatch.Run(new State(), Lookback(), real, output);

    /// <summary>Streaming HT_DCPERIOD, equal to <see cref="Compute"/> at every bar.</summary>
    public sealed class Stream() : HilbertStream(HtDcPeriod.Info, Lookback(), new Stepper<State>(new State()));

    private struct State() : IHilbertIndicator
    {
        private HilbertCore _core = HilbertCore.ForShortLookback();

        public void Step(double value) => _core.Step(value);

        public readonly double Output(int output) => _core.SmoothPeriod;
    }
}
