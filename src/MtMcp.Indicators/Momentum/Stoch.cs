using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// Slow stochastic (TA-Lib STOCH): the raw %K of the last <c>fast_k_period</c> bars smoothed into slow %K,
/// and slow %D, the moving average of slow %K. The classic "stochastic oscillator" of charting packages.
/// </summary>
public static class Stoch
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "stoch", "Stochastic", IndicatorGroup.MomentumIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close],
        [
            ParameterInfo.Integer("fast_k_period", 5, 1, 100_000, "Bars in the high–low range of the raw %K", "k_period"),
            ParameterInfo.Integer("slow_k_period", 3, 1, 100_000, "Smoothing of the raw %K into slow %K (MetaTrader's slowing)", "slowing"),
            ParameterInfo.MovingAverage("slow_k_ma_type", MaType.Sma, "Moving average of slow %K", "k_ma_type"),
            ParameterInfo.Integer("slow_d_period", 3, 1, 100_000, "Smoothing of slow %K into slow %D", "d_period"),
            ParameterInfo.MovingAverage("slow_d_ma_type", MaType.Sma, "Moving average of slow %D", "d_ma_type"),
        ],
        [new OutputInfo("slow_k", "Slow %K, 0 to 100"), new OutputInfo("slow_d", "Slow %D: moving average of slow %K")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(1), p.Ma(2), p.Int(3), p.Ma(4)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.High.Length;
            Compute(inputs.High, inputs.Low, inputs.Close, p.Int(0), p.Int(1), p.Ma(2), p.Int(3), p.Ma(4), outputs[..n], outputs[n..]);
        },
        p => new Stream(p.Int(0), p.Int(1), p.Ma(2), p.Int(3), p.Ma(4)));

    /// <summary>Bars without a value at the start: <c>fast_k_period − 1</c> plus both averages' lookbacks.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A period outside [1, 100000] or an unknown MA type.</exception>
    public static int Lookback(int fastKPeriod, int slowKPeriod, MaType slowKMaType, int slowDPeriod, MaType slowDMaType)
    {
        Guard.Period(fastKPeriod, 1);
        Guard.Period(slowKPeriod, 1);
        Guard.Period(slowDPeriod, 1);
        return RawStochastic.Lookback(fastKPeriod) + MovingAverage.Lookback(slowKMaType, slowKPeriod) + MovingAverage.Lookback(slowDMaType, slowDPeriod);
    }

    /// <summary>
    /// Writes slow %K into <paramref name="slowK"/> and slow %D into <paramref name="slowD"/> from the lookback on;
    /// earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A period outside [1, 100000] or an unknown MA type.</exception>
    /// <exception cref="ArgumentException">Inputs of different lengths, or an output shorter than the input.</exception>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close,
        int fastKPeriod, int slowKPeriod, MaType slowKMaType, int slowDPeriod, MaType slowDMaType,
        Span<double> slowK, Span<double> slowD)
    {
        var lookback = Lookback(fastKPeriod, slowKPeriod, slowKMaType, slowDPeriod, slowDMaType);
        var n = high.Length;
        Guard.SameLength(n, low);
        Guard.SameLength(n, close);
        Guard.Output(n, slowK);
        Guard.Output(n, slowD);
        if (n <= lookback)
        {
            return;
        }

        var kLookback = RawStochastic.Lookback(fastKPeriod);
        var slowKLookback = kLookback + MovingAverage.Lookback(slowKMaType, slowKPeriod);
        // Slow %K exists from slowKLookback on, but is reported only where slow %D exists too (as TA-Lib does).
        var buffer = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            var rawK = buffer.AsSpan(0, n);
            var smoothK = buffer.AsSpan(n, n);
            RawStochastic.Compute(high, low, close, fastKPeriod, rawK);
            MovingAverage.Compute(slowKMaType, rawK[kLookback..], slowKPeriod, smoothK[kLookback..]);
            MovingAverage.Compute(slowDMaType, smoothK[slowKLookback..], slowDPeriod, slowD[slowKLookback..]);
            smoothK[lookback..].CopyTo(slowK[lookback..]);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Streaming slow stochastic: O(1) amortised per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly RawStochastic.Stream _rawK;
        private readonly IValueStream _slowK;
        private readonly IValueStream _slowD;
        private readonly int _kLookback;
        private readonly int _slowKLookback;
        private readonly int _lookback;
        private double _slowKValue = double.NaN;
        private double _slowDValue = double.NaN;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A period outside [1, 100000] or an unknown MA type.</exception>
        public Stream(int fastKPeriod, int slowKPeriod, MaType slowKMaType, int slowDPeriod, MaType slowDMaType)
        {
            _lookback = Lookback(fastKPeriod, slowKPeriod, slowKMaType, slowDPeriod, slowDMaType);
            _rawK = new RawStochastic.Stream(fastKPeriod);
            _slowK = MovingAverage.CreateStream(slowKMaType, slowKPeriod);
            _slowD = MovingAverage.CreateStream(slowDMaType, slowDPeriod);
            _kLookback = RawStochastic.Lookback(fastKPeriod);
            _slowKLookback = _kLookback + MovingAverage.Lookback(slowKMaType, slowKPeriod);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Stoch.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            Step(bar, replace: false);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            Step(bar, replace: true);
        }

        /// <inheritdoc />
        public double Value(int output) => output == 0 ? _slowKValue : _slowDValue;

        private void Step(in StreamBar bar, bool replace)
        {
            // Each stage starts at the bar where its input first exists, as the batch form slices it.
            var rawK = replace ? _rawK.UpdateLast(bar.High, bar.Low, bar.Close) : _rawK.Add(bar.High, bar.Low, bar.Close);
            var slowK = Count > _kLookback ? _slowK.Feed(rawK, replace) : double.NaN;
            var slowD = Count > _slowKLookback ? _slowD.Feed(slowK, replace) : double.NaN;
            var ready = IsReady;
            _slowKValue = ready ? slowK : double.NaN;
            _slowDValue = ready ? slowD : double.NaN;
        }
    }
}
