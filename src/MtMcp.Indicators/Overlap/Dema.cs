namespace MtMcp.Indicators;

/// <summary>
/// Double exponential moving average (TA-Lib DEMA, Mulloy): <c>2·EMA(x) − EMA(EMA(x))</c>, each EMA seeded
/// with the SMA of its first <c>time_period</c> inputs.
/// </summary>
public static class Dema
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "dema", "Double Exponential Moving Average", IndicatorGroup.OverlapStudies,
        [InputSeries.Real0], [ParameterInfo.TimePeriod(30)], [new OutputInfo("real", "Moving average")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>2·(period − 1)</c>.</summary>
    public static int Lookback(int period) => 2 * Ema.Lookback(period);

    /// <summary>
    /// Writes the DEMA of <paramref name="real"/> into <paramref name="output"/> from index
    /// <see cref="Lookback"/> on; earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <paramref name="real"/>.</exception>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output)
    {
        Guard.Period(period, 2);
        Guard.Output(real.Length, output);

        // Both EMAs in one pass, no buffer: the second one starts with the first value of the first.
        ChainStream<Chain>.Compute(new Chain(period), real, Lookback(period), output);
    }

    /// <summary>EMA and EMA of EMA; a copy saves the state.</summary>
    private struct Chain(int period) : IChain
    {
        private Ema.State _ema1 = new(period, Ema.SmoothingFactor(period));
        private Ema.State _ema2 = new(period, Ema.SmoothingFactor(period));

        public readonly bool IsReady => _ema2.IsReady;

        public double Next(double x)
        {
            var ema1 = _ema1.Next(x);
            if (!_ema1.IsReady)
            {
                return double.NaN;
            }

            var ema2 = _ema2.Next(ema1);
            return _ema2.IsReady ? (2.0 * ema1) - ema2 : double.NaN;
        }
    }

    /// <summary>Streaming DEMA: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private ChainStream<Chain> _chain;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
        public Stream(int period)
        {
            Guard.Period(period, 2);
            _chain = new(new Chain(period));
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Dema.Info;

        /// <inheritdoc />
        public int Count => _chain.Count;

        /// <inheritdoc />
        public bool IsReady => _chain.IsReady;

        /// <inheritdoc />
        public void Add(in StreamBar bar) => _chain.Add(bar.Real0);

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar) => _chain.UpdateLast(bar.Real0);

        /// <inheritdoc />
        public double Value(int output) => _chain.Value;
    }
}
