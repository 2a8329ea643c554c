namespace MtMcp.Indicators;

/// <summary>
/// Money flow index (TA-Lib MFI): the volume-weighted RSI of the typical price. Each bar's money flow
/// (typical price × volume) counts as positive or negative by the direction of the typical price; the index is
/// <c>100·positive / (positive + negative)</c> over <c>time_period</c> bars, and 0 when that total is below 1
/// (TA-Lib's threshold, meant for real volumes).
/// </summary>
public static class Mfi
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "mfi", "Money Flow Index", IndicatorGroup.MomentumIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close, InputSeries.Volume], [ParameterInfo.TimePeriod(14)],
        [new OutputInfo("real", "MFI, 0 to 100")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
            Compute(inputs.High, inputs.Low, inputs.Close, inputs.Volume, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period</c> (the first value needs <c>period</c> changes).</summary>
    public static int Lookback(int period) => period;

    /// <summary>
    /// Writes the MFI into <paramref name="output"/> from index <c>period</c> on; earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, ReadOnlySpan<double> volume, int period, Span<double> output)
    {
        Guard.Period(period, 2);
        Guard.SameLength(high.Length, low);
        Guard.SameLength(high.Length, close);
        Guard.SameLength(high.Length, volume);
        Guard.Output(high.Length, output);
        if (high.Length <= period)
        {
            return;
        }

        Span<double> ring = period <= 128 ? stackalloc double[2 * period] : new double[2 * period];
        var flows = default(FlowSums);
        var previous = Typical(high[0], low[0], close[0]);
        var slot = 0;
        for (var i = 1; i < high.Length; i++)
        {
            var typical = Typical(high[i], low[i], close[i]);
            flows.Add(ref ring[slot], ref ring[slot + 1], typical - previous, typical * volume[i]);
            slot = slot + 2 == ring.Length ? 0 : slot + 2;
            previous = typical;
            if (i >= period)
            {
                output[i] = flows.Index;
            }
        }
    }

    private static double Typical(double high, double low, double close) => (high + low + close) / 3.0;

    /// <summary>
    /// Running sums of the positive and negative money flows of the last period bars, whose flows sit in a ring
    /// of (positive, negative) pairs as TA-Lib keeps them: the leaving bar is subtracted before the new one is added.
    /// </summary>
    private struct FlowSums
    {
        private double _positive;
        private double _negative;

        public readonly double Index
        {
            get
            {
                var total = _positive + _negative;
                return total < 1.0 ? 0.0 : 100.0 * (_positive / total);
            }
        }

        /// <summary>
        /// Adds a bar with its change of typical price and money flow; <paramref name="positive"/> and
        /// <paramref name="negative"/> hold the flows of the bar leaving the window and receive the new bar's.
        /// </summary>
        public void Add(ref double positive, ref double negative, double change, double flow)
        {
            // Subtracting the empty slots of the first period bars changes nothing, so no special case.
            _positive -= positive;
            _negative -= negative;
            positive = MomentumMath.KeepIf(change > 0, flow);
            negative = MomentumMath.KeepIf(change < 0, flow);
            _positive += positive;
            _negative += negative;
        }
    }

    /// <summary>Streaming MFI: O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly int _period;
        private readonly double[] _ring;
        private FlowSums _flows;
        private double _typical;

        // Where bar 1, 2, … puts its flows: pairs 0, 1, … period − 1, 0, …; −2 before bar 1.
        private int _slot = -2;

        // What the last bar changed, to take it back on an update: the sums, the typical price before it, its ring slot.
        private FlowSums _flowsBefore;
        private double _typicalBefore;
        private double _positiveBefore;
        private double _negativeBefore;
        private double _value = double.NaN;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
        public Stream(int period)
        {
            Guard.Period(period, 2);
            _period = period;
            _ring = new double[2 * period];
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Mfi.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > _period;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _flowsBefore = _flows;
            _typicalBefore = _typical;
            if (Count > 1)
            {
                _slot = _slot + 2 == _ring.Length ? 0 : _slot + 2;
                (_positiveBefore, _negativeBefore) = (_ring[_slot], _ring[_slot + 1]);
            }

            Step(bar);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _flows = _flowsBefore;
            _typical = _typicalBefore;
            if (Count > 1)
            {
                (_ring[_slot], _ring[_slot + 1]) = (_positiveBefore, _negativeBefore);
            }

            Step(bar);
        }

        /// <inheritdoc />
        public double Value(int output) => _value;

        private void Step(in StreamBar bar)
        {
            var typical = Typical(bar.High, bar.Low, bar.Close);
            if (Count > 1)
            {
                _flows.Add(ref _ring[_slot], ref _ring[_slot + 1], typical - _typical, typical * bar.Volume);
            }

            _typical = typical;
            _value = IsReady ? _flows.Index : double.NaN;
        }
    }
}
