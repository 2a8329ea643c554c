using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// Bill Williams' Awesome Oscillator (MetaTrader iAO): <c>SMA(median, 5) − SMA(median, 34)</c> of the median
/// price <c>(high + low) / 2</c>. MetaTrader fixes the periods; they are parameters here with its values as defaults.
/// </summary>
public static class AwesomeOscillator
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "ao", "Awesome Oscillator (Bill Williams)", IndicatorGroup.BillWilliams,
        [InputSeries.High, InputSeries.Low],
        [
            ParameterInfo.Integer("fast_period", 5, 1, 100_000, "Period of the fast SMA of the median price", "fast"),
            ParameterInfo.Integer("slow_period", 34, 1, 100_000, "Period of the slow SMA of the median price", "slow"),
        ],
        [new OutputInfo("ao", "Fast SMA minus slow SMA of the median price")],
        IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(1)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.High, inputs.Low, p.Int(0), p.Int(1), outputs),
        p => new Stream(p.Int(0), p.Int(1)));

    /// <summary>Bars without a value at the start: the longer period − 1.</summary>
    public static int Lookback(int fastPeriod, int slowPeriod) =>
        Math.Max(MovingAverage.Lookback(MaType.Sma, fastPeriod), MovingAverage.Lookback(MaType.Sma, slowPeriod));

    /// <summary>Writes the oscillator into <paramref name="output"/> from the lookback on; earlier entries are left as they are.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int fastPeriod, int slowPeriod, Span<double> output)
    {
        var n = high.Length;
        var lookback = Lookback(fastPeriod, slowPeriod);
        if (n <= lookback)
        {
            return;
        }

        var buffer = ArrayPool<double>.Shared.Rent(3 * n);
        try
        {
            var median = buffer.AsSpan(0, n);
            var fast = buffer.AsSpan(n, n);
            var slow = buffer.AsSpan(2 * n, n);
            MedianPrice.Fill(high, low, median);
            MovingAverage.Compute(MaType.Sma, median, fastPeriod, fast);
            MovingAverage.Compute(MaType.Sma, median, slowPeriod, slow);
            for (var i = lookback; i < n; i++)
            {
                output[i] = fast[i] - slow[i];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Streaming Awesome Oscillator: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly IValueStream _fast;
        private readonly IValueStream _slow;
        private readonly int _lookback;
        private double _value = double.NaN;

        /// <summary>Creates the stream.</summary>
        public Stream(int fastPeriod, int slowPeriod)
        {
            _fast = MovingAverage.CreateStream(MaType.Sma, fastPeriod);
            _slow = MovingAverage.CreateStream(MaType.Sma, slowPeriod);
            _lookback = Lookback(fastPeriod, slowPeriod);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => AwesomeOscillator.Info;

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
        public double Value(int output) => _value;

        private void Step(in StreamBar bar, bool replace)
        {
            var median = MedianPrice.Of(bar.High, bar.Low);
            var fast = _fast.Feed(median, replace);
            var slow = _slow.Feed(median, replace);
            _value = IsReady ? fast - slow : double.NaN;
        }
    }
}
