namespace MtMcp.Indicators;

/// <summary>
/// Chaikin A/D oscillator (TA-Lib ADOSC): the EMA of the A/D line over <c>fast_period</c> minus its EMA over
/// <c>slow_period</c>. As in TA-Lib, both EMAs start at the first bar's A/D value (not at an SMA seed) and run
/// through the warm-up of the longer period; "fast" is whichever the first parameter names.
/// </summary>
public static class AdOsc
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "adosc", "Chaikin A/D Oscillator", IndicatorGroup.VolumeIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close, InputSeries.Volume],
        [
            ParameterInfo.Integer("fast_period", 3, 2, 100_000, "Bars of the fast EMA", "fast"),
            ParameterInfo.Integer("slow_period", 10, 2, 100_000, "Bars of the slow EMA", "slow"),
        ],
        [new OutputInfo("real", "Fast EMA minus slow EMA of the A/D line")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(1)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
            Compute(inputs.High, inputs.Low, inputs.Close, inputs.Volume, p.Int(0), p.Int(1), outputs),
        p => new Stream(p.Int(0), p.Int(1)));

    /// <summary>Bars without a value at the start: the longer period − 1 (the EMA's lookback).</summary>
    public static int Lookback(int fastPeriod, int slowPeriod) => Math.Max(fastPeriod, slowPeriod) - 1;

    /// <summary>Writes the oscillator into <paramref name="output"/> from the lookback on.</summary>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, ReadOnlySpan<double> volume,
        int fastPeriod, int slowPeriod, Span<double> output)
    {
        var lookback = Lookback(fastPeriod, slowPeriod);
        if (close.Length <= lookback)
        {
            return;
        }

        var smoothing = new Smoothing(fastPeriod, slowPeriod);
        var state = State.Start(Ad.Accumulate(0.0, high[0], low[0], close[0], volume[0]));
        if (lookback == 0)
        {
            output[0] = state.Value;
        }

        for (var i = 1; i < close.Length; i++)
        {
            state = state.Next(Ad.Accumulate(state.Ad, high[i], low[i], close[i], volume[i]), smoothing);
            if (i >= lookback)
            {
                output[i] = state.Value;
            }
        }
    }

    /// <summary>TA-Lib's EMA factors: k = 2 / (period + 1) and 1 − k.</summary>
    private readonly struct Smoothing(int fastPeriod, int slowPeriod)
    {
        public readonly double FastK = 2.0 / (fastPeriod + 1);
        public readonly double FastRest = 1.0 - (2.0 / (fastPeriod + 1));
        public readonly double SlowK = 2.0 / (slowPeriod + 1);
        public readonly double SlowRest = 1.0 - (2.0 / (slowPeriod + 1));
    }

    /// <summary>The A/D line and its two EMAs after a bar.</summary>
    private readonly record struct State(double Ad, double Fast, double Slow)
    {
        public double Value => Fast - Slow;

        public static State Start(double ad) => new(ad, ad, ad);

        public State Next(double ad, in Smoothing s) =>
            new(ad, (s.FastK * ad) + (s.FastRest * Fast), (s.SlowK * ad) + (s.SlowRest * Slow));
    }

    /// <summary>Streaming ADOSC: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly Smoothing _smoothing;
        private readonly int _lookback;
        private State _state;
        private State _before;

        /// <summary>Creates the stream.</summary>
        public Stream(int fastPeriod, int slowPeriod)
        {
            _smoothing = new Smoothing(fastPeriod, slowPeriod);
            _lookback = Lookback(fastPeriod, slowPeriod);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => AdOsc.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > _lookback;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            _before = _state;
            Count++;
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

            _state = _before;
            Step(bar);
        }

        /// <inheritdoc />
        public double Value(int output) => IsReady ? _state.Value : double.NaN;

        private void Step(in StreamBar bar)
        {
            var ad = Ad.Accumulate(_state.Ad, bar.High, bar.Low, bar.Close, bar.Volume);
            _state = Count == 1 ? State.Start(ad) : _state.Next(ad, _smoothing);
        }
    }
}
