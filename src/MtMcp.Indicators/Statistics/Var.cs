namespace MtMcp.Indicators;

/// <summary>
/// Variance (TA-Lib VAR): the population variance of the last <c>time_period</c> values, as the mean of the
/// squares minus the square of the mean. <c>nb_dev</c> is accepted and ignored, as TA-Lib ignores it.
/// </summary>
public static class Var
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "var", "Variance", IndicatorGroup.StatisticFunctions,
        [InputSeries.Real0],
        [ParameterInfo.TimePeriod(5, min: 1), NbDev("Ignored, as in TA-Lib; kept so calls written for TA-Lib bind")],
        [new OutputInfo("real", "Population variance of the window")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>Writes the rolling variance of <paramref name="real"/> into <paramref name="output"/> from index <c>period − 1</c> on.</summary>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output)
    {
        SlidingKernel.Compute(new Sums(period), real, period, output);
    }

    /// <summary>The <c>nb_dev</c> parameter of VAR and STDDEV, over TA-Lib's real range.</summary>
    internal static ParameterInfo NbDev(string description) =>
        ParameterInfo.Real("nb_dev", 1, -3e37, 3e37, description, "deviations");

    /// <summary>Running Σx and Σx² of the window without its newest value, updated in TA-Lib's order.</summary>
    private struct Sums(int period) : ISlidingKernel
    {
        private double _sum;
        private double _sumSquares;

        public void Add(double x)
        {
            _sum += x;
            _sumSquares += x * x;
        }

        // Adds the newest value, takes the variance, then drops the oldest (the newest itself for a period of 1).
        public double Step(double newest, double oldest)
        {
            var total = _sum + newest;
            var totalSquares = _sumSquares + (newest * newest);
            var mean = total / period;
            var meanSquares = totalSquares / period;
            _sum = total - oldest;
            _sumSquares = totalSquares - (oldest * oldest);
            return meanSquares - (mean * mean);
        }
    }

    /// <summary>Streaming VAR: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private SlidingKernelStream<Sums> _kernel;

        /// <summary>Creates the stream.</summary>
        public Stream(int period)
        {
            _kernel = new(period, new Sums(period));
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Var.Info;

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
