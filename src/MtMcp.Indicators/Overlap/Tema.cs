namespace MtMcp.Indicators;

/// <summary>
/// Triple exponential moving average (TA-Lib TEMA, Mulloy): <c>3·EMA1 − 3·EMA2 + EMA3</c> where each EMA
/// smooths the previous one and is seeded with the SMA of its first <c>time_period</c> inputs.
/// </summary>
public static class Tema
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "tema", "Triple Exponential Moving Average", IndicatorGroup.OverlapStudies,
        [InputSeries.Real0], [ParameterInfo.TimePeriod(30)], [new OutputInfo("real", "Moving average")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>3·(period − 1)</c>.</summary>
    public static int Lookback(int period) => 3 * Ema.Lookback(period);

    /// <summary>
    /// Writes the TEMA of <paramref name="real"/> into <paramref name="output"/> from index
    /// <see cref="Lookback"/> on; earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <paramref name="real"/>.</exception>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output)
    {
        Guard.Period(period, 2);
        Guard.Output(real.Length, output);

        // The three EMAs in one pass, no buffer: each starts with the first value of the one before.
        ChainStream<Chain>.Compute(new Chain(period), real, Lookback(period), output);
    }

    /// <summary>EMA, EMA of EMA and EMA of that; a copy saves the state.</summary>
    private struct Chain(int period) : IChain
    {
        private Ema.State _ema1 = new(period, Ema.SmoothingFactor(period));
        private Ema.State _ema2 = new(period, Ema.SmoothingFactor(period));
        private Ema.State _ema3 = new(period, Ema.SmoothingFactor(period));

        public readonly bool IsReady => _ema3.IsReady;

        public double Next(double x)
        {
            var ema1 = _ema1.Next(x);
            if (!_ema1.IsReady)
            {
                return double.NaN;
            }

            var ema2 = _ema2.Next(ema1);
            if (!_ema2.IsReady)
            {
                return double.NaN;
            }

            // TA-Lib adds the EMA1/EMA2 terms to EMA3, in this order.
            var ema3 = _ema3.Next(ema2);
            return _ema3.IsReady ? ema3 + ((3.0 * ema1) - (3.0 * ema2)) : double.NaN;
        }
    }

    /// <summary>Streaming TEMA: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
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
        public IndicatorInfo Info => Tema.Info;

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
