using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// Bill Williams' Accelerator/Decelerator oscillator (MetaTrader iAC): <c>AO − SMA(AO, 5)</c>, the Awesome
/// Oscillator minus its own 5-bar simple average.
/// </summary>
public static class AcceleratorOscillator
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "ac", "Accelerator Oscillator (Bill Williams)", IndicatorGroup.BillWilliams,
        [InputSeries.High, InputSeries.Low],
        [
            .. AwesomeOscillator.Info.Parameters,
            ParameterInfo.Integer("signal_period", 5, 1, 100_000, "Period of the SMA of the Awesome Oscillator subtracted from it", "signal"),
        ],
        [new OutputInfo("ac", "Awesome Oscillator minus its SMA")],
        IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(1), p.Int(2)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.High, inputs.Low, p.Int(0), p.Int(1), p.Int(2), outputs),
        p => new Stream(p.Int(0), p.Int(1), p.Int(2)));

    /// <summary>Bars without a value at the start: the Awesome Oscillator's lookback plus <c>signal_period − 1</c>.</summary>
    public static int Lookback(int fastPeriod, int slowPeriod, int signalPeriod) =>
        AwesomeOscillator.Lookback(fastPeriod, slowPeriod) + MovingAverage.Lookback(MaType.Sma, signalPeriod);

    /// <summary>Writes the oscillator into <paramref name="output"/> from the lookback on; earlier entries are left as they are.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int fastPeriod, int slowPeriod, int signalPeriod, Span<double> output)
    {
        var n = high.Length;
        var aoLookback = AwesomeOscillator.Lookback(fastPeriod, slowPeriod);
        var lookback = Lookback(fastPeriod, slowPeriod, signalPeriod);
        if (n <= lookback)
        {
            return;
        }

        var buffer = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            var ao = buffer.AsSpan(0, n);
            var signal = buffer.AsSpan(n, n);
            AwesomeOscillator.Compute(high, low, fastPeriod, slowPeriod, ao);
            MovingAverage.Compute(MaType.Sma, ao[aoLookback..], signalPeriod, signal[aoLookback..]);
            for (var i = lookback; i < n; i++)
            {
                output[i] = ao[i] - signal[i];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Streaming Accelerator Oscillator: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly AwesomeOscillator.Stream _ao;
        private readonly IValueStream _signal;
        private readonly int _aoLookback;
        private readonly int _lookback;
        private double _value = double.NaN;

        /// <summary>Creates the stream.</summary>
        public Stream(int fastPeriod, int slowPeriod, int signalPeriod)
        {
            _ao = new AwesomeOscillator.Stream(fastPeriod, slowPeriod);
            _signal = MovingAverage.CreateStream(MaType.Sma, signalPeriod);
            _aoLookback = AwesomeOscillator.Lookback(fastPeriod, slowPeriod);
            _lookback = Lookback(fastPeriod, slowPeriod, signalPeriod);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => AcceleratorOscillator.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            Count++;
            _ao.Add(bar);
            Step(replace: false);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _ao.UpdateLast(bar);
            Step(replace: true);
        }

        /// <inheritdoc />
        public double Value(int output) => _value;

        private void Step(bool replace)
        {
            // The SMA stage starts at the first bar with an AO value, as the batch form slices it.
            var ao = _ao.Value(0);
            var signal = Count > _aoLookback ? _signal.Feed(ao, replace) : double.NaN;
            _value = IsReady ? ao - signal : double.NaN;
        }
    }
}
