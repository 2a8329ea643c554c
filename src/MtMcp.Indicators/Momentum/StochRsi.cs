using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// Stochastic RSI (TA-Lib STOCHRSI): the fast stochastic (<see cref="StochF"/>) applied to the RSI, which
/// serves as its high, low and close: where the RSI sits in its range of the last <c>fast_k_period</c> values.
/// </summary>
public static class StochRsi
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "stochrsi", "Stochastic Relative Strength Index", IndicatorGroup.MomentumIndicators,
        [InputSeries.Real0],
        [
            ParameterInfo.TimePeriod(14),
            ParameterInfo.Integer("fast_k_period", 5, 1, 100_000, "RSI values in the range of %K", "k_period"),
            ParameterInfo.Integer("fast_d_period", 3, 1, 100_000, "Smoothing of %K into %D", "d_period"),
            ParameterInfo.MovingAverage("fast_d_ma_type", MaType.Sma, "Moving average of %D", "d_ma_type"),
        ],
        [new OutputInfo("fast_k", "%K of the RSI, 0 to 100"), new OutputInfo("fast_d", "%D: moving average of %K")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(1), p.Int(2), p.Ma(3)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.Real0.Length;
            Compute(inputs.Real0, p.Int(0), p.Int(1), p.Int(2), p.Ma(3), outputs[..n], outputs[n..]);
        },
        p => new Stream(p.Int(0), p.Int(1), p.Int(2), p.Ma(3)));

    /// <summary>Bars without a value at the start: the RSI's lookback plus the fast stochastic's.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A period out of range (time_period from 2, the others from 1, all to 100000) or an unknown MA type.</exception>
    public static int Lookback(int timePeriod, int fastKPeriod, int fastDPeriod, MaType fastDMaType)
    {
        Guard.Period(timePeriod, 2);
        return Rsi.Lookback(timePeriod) + StochF.Lookback(fastKPeriod, fastDPeriod, fastDMaType);
    }

    /// <summary>
    /// Writes %K into <paramref name="fastK"/> and %D into <paramref name="fastD"/> from the lookback on;
    /// earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A period out of range (time_period from 2, the others from 1, all to 100000) or an unknown MA type.</exception>
    /// <exception cref="ArgumentException">An output is shorter than the input.</exception>
    public static void Compute(
        ReadOnlySpan<double> real, int timePeriod, int fastKPeriod, int fastDPeriod, MaType fastDMaType,
        Span<double> fastK, Span<double> fastD)
    {
        var n = real.Length;
        var lookback = Lookback(timePeriod, fastKPeriod, fastDPeriod, fastDMaType);
        Guard.Output(n, fastK);
        Guard.Output(n, fastD);
        if (n <= lookback)
        {
            return;
        }

        var rsiLookback = Rsi.Lookback(timePeriod);
        var buffer = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var rsi = buffer.AsSpan(0, n);
            Rsi.ComputeSerial(real, timePeriod, rsi);
            var series = rsi[rsiLookback..];
            StochF.Compute(series, series, series, fastKPeriod, fastDPeriod, fastDMaType, fastK[rsiLookback..], fastD[rsiLookback..]);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Streaming stochastic RSI: O(1) amortised per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly Rsi.Stream _rsi;
        private readonly StochF.Stream _stochastic;
        private readonly int _rsiLookback;
        private readonly int _lookback;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A period out of range (time_period from 2, the others from 1, all to 100000) or an unknown MA type.</exception>
        public Stream(int timePeriod, int fastKPeriod, int fastDPeriod, MaType fastDMaType)
        {
            _lookback = Lookback(timePeriod, fastKPeriod, fastDPeriod, fastDMaType);
            _rsi = new Rsi.Stream(timePeriod);
            _stochastic = new StochF.Stream(fastKPeriod, fastDPeriod, fastDMaType);
            _rsiLookback = Rsi.Lookback(timePeriod);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => StochRsi.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _rsi.Add(bar);
            if (Count > _rsiLookback)
            {
                _stochastic.Add(_rsi.Value(0));
            }
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _rsi.UpdateLast(bar);
            if (Count > _rsiLookback)
            {
                _stochastic.UpdateLast(_rsi.Value(0));
            }
        }

        /// <inheritdoc />
        public double Value(int output) => _stochastic.Value(output);
    }
}
