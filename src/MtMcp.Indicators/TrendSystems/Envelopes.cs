using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// Envelopes (MetaTrader iEnvelopes): a moving average of the price and bands <c>deviation</c> percent above and
/// below it, <c>upper = (1 + deviation / 100) · ma</c>, <c>lower = (1 − deviation / 100) · ma</c>. MetaTrader
/// draws the lines <c>ma_shift</c> bars to the right; here the output at bar t is the value drawn at t, i.e. the
/// average computed at bar <c>t − ma_shift</c>, so nothing looks ahead (negative shifts, which would, are refused).
/// </summary>
public static class Envelopes
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "envelopes", "Envelopes", IndicatorGroup.TrendSystems,
        [InputSeries.Real0],
        [
            ParameterInfo.TimePeriod(14, min: 1),
            ParameterInfo.Integer("ma_shift", 0, 0, 10_000, "Bars the lines are shifted forward", "shift"),
            ParameterInfo.MovingAverage("ma_type", MaType.Sma, "Moving average of the price", "method"),
            ParameterInfo.Real("deviation", 0.1, 0, 100, "Distance of the bands from the average, in percent"),
        ],
        [
            new OutputInfo("upper", "Average raised by deviation percent"),
            new OutputInfo("middle", "The moving average"),
            new OutputInfo("lower", "Average lowered by deviation percent"),
        ],
        IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(1), p.Ma(2)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.Real0.Length;
            Compute(inputs.Real0, p.Int(0), p.Int(1), p.Ma(2), p.Real(3), outputs[..n], outputs[n..(2 * n)], outputs[(2 * n)..]);
        },
        p => new Stream(p.Int(0), p.Int(1), p.Ma(2), p.Real(3)));

    /// <summary>Bars without a value at the start: the average's lookback plus the shift.</summary>
    public static int Lookback(int period, int maShift, MaType maType) => MovingAverage.Lookback(maType, period) + maShift;

    /// <summary>Writes the bands and the average from the lookback on; earlier entries are left as they are.</summary>
    public static void Compute(
        ReadOnlySpan<double> real, int period, int maShift, MaType maType, double deviation,
        Span<double> upper, Span<double> middle, Span<double> lower)
    {
        var n = real.Length;
        var lookback = Lookback(period, maShift, maType);
        if (n <= lookback)
        {
            return;
        }

        var buffer = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var average = buffer.AsSpan(0, n);
            MovingAverage.Compute(maType, real, period, average);
            for (var i = lookback; i < n; i++)
            {
                var ma = average[i - maShift];
                upper[i] = Upper(ma, deviation);
                middle[i] = ma;
                lower[i] = Lower(ma, deviation);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static double Upper(double ma, double deviation) => (1 + (deviation / 100.0)) * ma;

    private static double Lower(double ma, double deviation) => (1 - (deviation / 100.0)) * ma;

    /// <summary>Streaming Envelopes: O(1) per bar (for O(1) averages), bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly IValueStream _average;
        private readonly DelayLine _shifted;
        private readonly double _deviation;
        private readonly int _lookback;

        /// <summary>Creates the stream.</summary>
            public Stream(int period, int maShift, MaType maType, double deviation)
        {
            _average = MovingAverage.CreateStream(maType, period);
            _shifted = new DelayLine(maShift);
            _deviation = deviation;
            _lookback = Lookback(period, maShift, maType);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Envelopes.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _shifted.Add(_average.Add(bar.Real0));
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _shifted.UpdateLast(_average.UpdateLast(bar.Real0));
        }

        /// <inheritdoc />
        public double Value(int output)
        {
            var ma = IsReady ? _shifted.Value : double.NaN;
            return output switch
            {
                0 => Upper(ma, _deviation),
                1 => ma,
                _ => Lower(ma, _deviation),
            };
        }
    }
}
