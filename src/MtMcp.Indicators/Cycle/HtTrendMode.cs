namespace MtMcp.Indicators;

/// <summary>
/// Hilbert Transform - Trend vs Cycle Mode (TA-Lib HT_TRENDMODE): 1 while the market trends, 0 while it
/// cycles, from the sine-wave crossings, the phase rate and the distance of the price from the trendline.
/// </summary>
public static class HtTrendMode
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "ht_trendmode", "Hilbert Transform - Trend vs Cycle Mode", IndicatorGroup.CycleIndicators,
        [InputSeries.Real0], [], [new OutputInfo("integer", "1 in trend mode, 0 in cycle mode", IsInteger: true)]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        _ => Lookback(),
        (scoped in IndicatorInputs inputs, IndicatorParameters _, Span<double> outputs) => Compute(inputs.Real0, outputs),
        _ => new Stream());

    /// <summary>Bars without a value at the start: 63.</summary>
    public static int Lookback() => HilbertCore.LongLookback;

    /// <summary>Writes the mode (1 trend, 0 cycle) of <paramref name="real"/> into <paramref name="output"/> from index 63 on.</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <paramref name="real"/>.</exception>
    public static void Compute(ReadOnlySpan<double> real, Span<double> output) =>
        HilbertBatch.Run(new State(), Lookback(), real, output);

    /// <summary>Streaming HT_TRENDMODE, equal to <see cref="Compute"/> at every bar.</summary>
    public sealed class Stream() : HilbertStream(HtTrendMode.Info, Lookback(), new Stepper<State>(new State()));

    private struct State() : IHilbertIndicator
    {
        private DominantCycle _cycle = new();
        private InstantaneousTrend _trend = new();
        private double _sine;
        private double _leadSine;
        private int _daysInTrend;
        private bool _trending;

        public void Step(double value)
        {
            var previousPhase = _cycle.Phase;
            var ran = _cycle.Step(value);
            _trend.Record(_cycle.Bar, value);
            if (!ran)
            {
                return;
            }

            var phase = _cycle.Phase;
            var smoothPeriod = _cycle.SmoothPeriod;
            var previousSine = _sine;
            var previousLeadSine = _leadSine;
            _sine = DominantCycle.Sine(phase);
            _leadSine = DominantCycle.LeadSine(phase);
            var trendline = _trend.Next(_cycle.Bar, smoothPeriod);

            // A sine / lead-sine crossing starts a new cycle: no trend until half a cycle has passed.
            var trending = true;
            if ((_sine > _leadSine && previousSine <= previousLeadSine) || (_sine < _leadSine && previousSine >= previousLeadSine))
            {
                _daysInTrend = 0;
                trending = false;
            }

            _daysInTrend++;
            if (_daysInTrend < 0.5 * smoothPeriod)
            {
                trending = false;
            }

            // A phase advancing at about the cycle's own rate means the market is cycling.
            var advance = phase - previousPhase;
            if (smoothPeriod != 0.0 && advance > 0.67 * 360.0 / smoothPeriod && advance < 1.5 * 360.0 / smoothPeriod)
            {
                trending = false;
            }

            // A price 1.5 % or more away from the trendline is a trend whatever the cycle says.
            if (trendline != 0.0 && Math.Abs((_cycle.Smoothed - trendline) / trendline) >= 0.015)
            {
                trending = true;
            }

            _trending = trending;
        }

        public readonly double Output(int output) => _trending ? 1.0 : 0.0;
    }
}
