namespace MtMcp.Indicators;

/// <summary>Simple moving average (TA-Lib SMA): the mean of the last <c>time_period</c> values.</summary>
public static class Sma
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "sma", "Simple Moving Average", IndicatorGroup.OverlapStudies,
        [InputSeries.Real0], [ParameterInfo.TimePeriod(30)], [new OutputInfo("real", "Moving average")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>
    /// Writes the SMA of <paramref name="real"/> into <paramref name="output"/> from index <c>period − 1</c>
    /// on; earlier entries are left as they are.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output)
    {
        // Same summation order as TA-Lib: add the newest, take the mean, then drop the oldest.
        SlidingKernel.Compute(new RollingSum(period), real, period, output);
    }

    /// <summary>Streaming SMA: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private SlidingKernelStream<RollingSum> _kernel;

        /// <summary>Creates the stream.</summary>
        public Stream(int period)
        {
            _kernel = new(period, new RollingSum(period));
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Sma.Info;

        /// <inheritdoc />
        public int Count => _kernel.Count;

        /// <inheritdoc />
        public bool IsReady => _kernel.IsReady;

        /// <inheritdoc />
        public void Add(in StreamBar bar) => _kernel.Add(bar.Real0);

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar) => _kernel.UpdateLast(bar.Real0);

        /// <inheritdoc />
        public double Value(int output) => _kernel.Value;
    }
}
