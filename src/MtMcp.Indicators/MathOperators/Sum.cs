namespace MtMcp.Indicators;

/// <summary>Summation (TA-Lib SUM): the sum of the last <c>time_period</c> values.</summary>
public static class Sum
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "sum", "Summation", IndicatorGroup.MathOperators,
        [InputSeries.Real0], [ParameterInfo.TimePeriod(30)], [new OutputInfo("real", "Sum of the window")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>Writes the rolling sum of <paramref name="real"/> into <paramref name="output"/> from index <c>period − 1</c> on.</summary>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output)
    {
        SlidingKernel.Compute(new RollingSum(1.0), real, period, output);
    }

    /// <summary>Streaming SUM: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private SlidingKernelStream<RollingSum> _kernel;

        /// <summary>Creates the stream.</summary>
        public Stream(int period)
        {
            _kernel = new(period, new RollingSum(1.0));
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Sum.Info;

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
