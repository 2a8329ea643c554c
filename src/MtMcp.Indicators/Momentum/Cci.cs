namespace MtMcp.Indicators;

/// <summary>
/// Commodity channel index (TA-Lib CCI): the distance of the typical price <c>(high + low + close) / 3</c> from its
/// mean over <c>time_period</c> bars, in units of 0.015 × the mean absolute deviation; 0 when either is 0.
/// </summary>
/// <remarks>
/// The mean absolute deviation needs the whole window every bar, so batch and stream are O(period) per bar, as
/// TA-Lib is. Both sum the window in TA-Lib's ring-buffer order (slot = bar index mod period) to match it exactly.
/// </remarks>
public static class Cci
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "cci", "Commodity Channel Index", IndicatorGroup.MomentumIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close], [ParameterInfo.TimePeriod(14)],
        [new OutputInfo("real", "CCI: about ±100 for typical swings")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.High, inputs.Low, inputs.Close, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>
    /// Writes the CCI into <paramref name="output"/> from index <c>period − 1</c> on; earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        Guard.Period(period, 2);
        Guard.SameLength(high.Length, low);
        Guard.SameLength(high.Length, close);
        Guard.Output(high.Length, output);
        if (high.Length < period)
        {
            return;
        }

        Span<double> ring = period <= 256 ? stackalloc double[period] : new double[period];
        var slot = 0;
        for (var i = 0; i < high.Length; i++)
        {
            var typical = Typical(high[i], low[i], close[i]);
            ring[slot] = typical;
            slot = slot + 1 == period ? 0 : slot + 1;
            if (i >= period - 1)
            {
                output[i] = Value(ring, typical);
            }
        }
    }

    private static double Typical(double high, double low, double close) => (high + low + close) / 3;

    private static double Value(ReadOnlySpan<double> ring, double last)
    {
        var mean = 0.0;
        foreach (var typical in ring)
        {
            mean += typical;
        }

        mean /= ring.Length;
        var deviation = 0.0;
        foreach (var typical in ring)
        {
            deviation += Math.Abs(typical - mean);
        }

        var distance = last - mean;
        return distance != 0.0 && deviation != 0.0 ? distance / (0.015 * (deviation / ring.Length)) : 0.0;
    }

    /// <summary>Streaming CCI: O(period) per bar like the batch form, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly double[] _ring;

        // The slot of the last bar: bar i sits in slot i mod period, as in TA-Lib.
        private int _slot = -1;
        private double _value = double.NaN;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
        public Stream(int period)
        {
            Guard.Period(period, 2);
            _ring = new double[period];
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Cci.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count >= _ring.Length;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _slot = _slot + 1 == _ring.Length ? 0 : _slot + 1;
            UpdateLast(bar);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            // The forming bar owns its slot until the next bar, so replacing it is an overwrite.
            var typical = Typical(bar.High, bar.Low, bar.Close);
            _ring[_slot] = typical;
            _value = IsReady ? Cci.Value(_ring, typical) : double.NaN;
        }

        /// <inheritdoc />
        public double Value(int output) => _value;
    }
}
