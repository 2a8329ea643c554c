using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// Keltner channel in its modern form (Linda Raschke's, the default of most charting packages; MetaTrader ships
/// none): middle = EMA(close, 20), bands = middle ± 2 · ATR(10). EMA and ATR are TA-Lib's (the EMA seeded with
/// the SMA of its first period, the ATR smoothed Wilder's way).
/// </summary>
public static class Keltner
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "keltner", "Keltner Channel", IndicatorGroup.TrendSystems,
        [InputSeries.High, InputSeries.Low, InputSeries.Close],
        [
            ParameterInfo.TimePeriod(20),
            ParameterInfo.Integer("atr_period", 10, 1, 100_000, "Period of the average true range"),
            ParameterInfo.Real("multiplier", 2, 0, 1_000, "Band distance from the EMA, in ATRs", "factor"),
        ],
        [
            new OutputInfo("upper", "EMA plus multiplier · ATR"),
            new OutputInfo("middle", "EMA of the close"),
            new OutputInfo("lower", "EMA minus multiplier · ATR"),
        ],
        IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(1)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.Close.Length;
            Compute(inputs.High, inputs.Low, inputs.Close, p.Int(0), p.Int(1), p.Real(2), outputs[..n], outputs[n..(2 * n)], outputs[(2 * n)..]);
        },
        p => new Stream(p.Int(0), p.Int(1), p.Real(2)));

    /// <summary>Bars without a value at the start: the longer of the EMA's and the ATR's.</summary>
    public static int Lookback(int period, int atrPeriod) => Math.Max(Ema.Lookback(period), Atr.Lookback(atrPeriod));

    /// <summary>Writes the channel from the lookback on; earlier entries are left as they are.</summary>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, int atrPeriod, double multiplier,
        Span<double> upper, Span<double> middle, Span<double> lower)
    {
        var n = close.Length;
        var lookback = Lookback(period, atrPeriod);
        if (n <= lookback)
        {
            return;
        }

        var buffer = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            var ema = buffer.AsSpan(0, n);
            var atr = buffer.AsSpan(n, n);
            Ema.Compute(close, period, ema);
            Atr.Compute(high, low, close, atrPeriod, atr);
            for (var i = lookback; i < n; i++)
            {
                var width = multiplier * atr[i];
                upper[i] = ema[i] + width;
                middle[i] = ema[i];
                lower[i] = ema[i] - width;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Streaming Keltner channel: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly Ema.ValueStream _ema;
        private readonly Atr.Stream _atr;
        private readonly double _multiplier;
        private readonly int _lookback;

        /// <summary>Creates the stream.</summary>
        public Stream(int period, int atrPeriod, double multiplier)
        {
            _ema = new Ema.ValueStream(period);
            _atr = new Atr.Stream(atrPeriod);
            _multiplier = multiplier;
            _lookback = Lookback(period, atrPeriod);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Keltner.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _ema.Add(bar.Close);
            _atr.Add(bar);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _ema.UpdateLast(bar.Close);
            _atr.UpdateLast(bar);
        }

        /// <inheritdoc />
        public double Value(int output)
        {
            if (!IsReady)
            {
                return double.NaN;
            }

            var ema = _ema.Value;
            var width = _multiplier * _atr.Value(0);
            return output switch
            {
                0 => ema + width,
                1 => ema,
                _ => ema - width,
            };
        }
    }
}
