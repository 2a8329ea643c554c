namespace MtMcp.Indicators;

/// <summary>
/// Hilbert Transform - Instantaneous Trendline (TA-Lib HT_TRENDLINE): the average price over the current
/// dominant cycle, smoothed; a moving average whose length follows the cycle.
/// </summary>
public static class HtTrendline
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "ht_trendline", "Hilbert Transform - Instantaneous Trendline", IndicatorGroup.OverlapStudies,
        [InputSeries.Real0], [], [new OutputInfo("real", "Instantaneous trendline")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        _ => Lookback(),
        (scoped in IndicatorInputs inputs, IndicatorParameters _, Span<double> outputs) => Compute(inputs.Real0, outputs),
        _ => new Stream());

    /// <summary>Bars without a value at the start: 63.</summary>
    public static int Lookback() => HilbertCore.LongLookback;

    /// <summary>Writes the instantaneous trendline of <paramref name="real"/> into <paramref name="output"/> from index 63 on.</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <paramref name="real"/>.</exception>
    public static void Compute(ReadOnlySpan<double> real, Span<double> output) =>
        HilbertBatch.Run(new State(), Lookback(), real, output);

    /// <summary>Streaming HT_TRENDLINE, equal to <see cref="Compute"/> at every bar.</summary>
    public sealed class Stream() : HilbertStream(HtTrendline.Info, Lookback(), new Stepper<State>(new State()));

    private struct State() : IHilbertIndicator
    {
        private HilbertCore _core = HilbertCore.ForLongLookback();
        private InstantaneousTrend _trend = new();
        private double _trendline;

        public void Step(double value)
        {
            var ran = _core.Step(value);
            _trend.Record(_core.Bar, value);
            if (ran)
            {
                _trendline = _trend.Next(_core.Bar, _core.SmoothPeriod);
            }
        }

        public readonly double Output(int output) => _trendline;
    }
}
