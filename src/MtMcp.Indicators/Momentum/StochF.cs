using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// Fast stochastic (TA-Lib STOCHF): %K, where the close sits in the high–low range of the last
/// <c>fast_k_period</c> bars (0–100), and %D, its moving average.
/// </summary>
public static class StochF
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "stochf", "Stochastic Fast", IndicatorGroup.MomentumIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close],
        [
            ParameterInfo.Integer("fast_k_period", 5, 1, 100_000, "Bars in the high–low range of %K", "k_period"),
            ParameterInfo.Integer("fast_d_period", 3, 1, 100_000, "Smoothing of %K into %D", "d_period"),
            ParameterInfo.MovingAverage("fast_d_ma_type", MaType.Sma, "Moving average of %D", "d_ma_type"),
        ],
        [new OutputInfo("fast_k", "%K, 0 to 100"), new OutputInfo("fast_d", "%D: moving average of %K")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(1), p.Ma(2)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.High.Length;
            Compute(inputs.High, inputs.Low, inputs.Close, p.Int(0), p.Int(1), p.Ma(2), outputs[..n], outputs[n..]);
        },
        p => new Stream(p.Int(0), p.Int(1), p.Ma(2)));

    /// <summary>Bars without a value at the start: <c>fast_k_period − 1</c> plus the %D average's lookback.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A period outside [1, 100000] or an unknown MA type.</exception>
    public static int Lookback(int fastKPeriod, int fastDPeriod, MaType fastDMaType)
    {
        Guard.Period(fastKPeriod, 1);
        Guard.Period(fastDPeriod, 1);
        return RawStochastic.Lookback(fastKPeriod) + MovingAverage.Lookback(fastDMaType, fastDPeriod);
    }

    /// <summary>
    /// Writes %K into <paramref name="fastK"/> and %D into <paramref name="fastD"/> from the lookback on;
    /// earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A period outside [1, 100000] or an unknown MA type.</exception>
    /// <exception cref="ArgumentException">Inputs of different lengths, or an output shorter than the input.</exception>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close,
        int fastKPeriod, int fastDPeriod, MaType fastDMaType, Span<double> fastK, Span<double> fastD)
    {
        var lookback = Lookback(fastKPeriod, fastDPeriod, fastDMaType);
        var n = high.Length;
        Guard.SameLength(n, low);
        Guard.SameLength(n, close);
        Guard.Output(n, fastK);
        Guard.Output(n, fastD);
        if (n <= lookback)
        {
            return;
        }

        // %K exists from kLookback on, but is reported only where %D exists too (as TA-Lib does).
        var kLookback = RawStochastic.Lookback(fastKPeriod);
        var buffer = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var k = buffer.AsSpan(0, n);
            RawStochastic.Compute(high, low, close, fastKPeriod, k);
            MovingAverage.Compute(fastDMaType, k[kLookback..], fastDPeriod, fastD[kLookback..]);
            k[lookback..].CopyTo(fastK[lookback..]);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Streaming fast stochastic: O(1) amortised per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly RawStochastic.Stream _k;
        private readonly IValueStream _d;
        private readonly int _kLookback;
        private readonly int _lookback;
        private double _fastK = double.NaN;
        private double _fastD = double.NaN;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A period outside [1, 100000] or an unknown MA type.</exception>
        public Stream(int fastKPeriod, int fastDPeriod, MaType fastDMaType)
        {
            _lookback = Lookback(fastKPeriod, fastDPeriod, fastDMaType);
            _kLookback = RawStochastic.Lookback(fastKPeriod);
            _k = new RawStochastic.Stream(fastKPeriod);
            _d = MovingAverage.CreateStream(fastDMaType, fastDPeriod);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => StochF.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            Step(bar.High, bar.Low, bar.Close, replace: false);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            Step(bar.High, bar.Low, bar.Close, replace: true);
        }

        /// <inheritdoc />
        public double Value(int output) => output == 0 ? _fastK : _fastD;

        /// <summary>Feeds one value as high, low and close (STOCHRSI feeds the RSI).</summary>
        internal void Add(double value)
        {
            Count++;
            Step(value, value, value, replace: false);
        }

        /// <summary>Replaces the last value fed by <see cref="Add(double)"/>.</summary>
        internal void UpdateLast(double value) => Step(value, value, value, replace: true);

        private void Step(double high, double low, double close, bool replace)
        {
            var k = replace ? _k.UpdateLast(high, low, close) : _k.Add(high, low, close);
            var d = Count > _kLookback ? _d.Feed(k, replace) : double.NaN;
            var ready = IsReady;
            _fastK = ready ? k : double.NaN;
            _fastD = ready ? d : double.NaN;
        }
    }
}
