namespace MtMcp.Indicators;

/// <summary>
/// Standard deviation (TA-Lib STDDEV): <c>nb_dev</c> times the square root of the population variance of the
/// last <c>time_period</c> values; 0 where the variance is below 1e-14 (rounding noise on a flat window), as in TA-Lib.
/// </summary>
public static class StdDev
{
    // TA-Lib's TA_EPSILON: variances below it count as zero.
    private const double Epsilon = 1e-14;

    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "stddev", "Standard Deviation", IndicatorGroup.StatisticFunctions,
        [InputSeries.Real0],
        [ParameterInfo.TimePeriod(5), Var.NbDev("Multiplier of the standard deviation")],
        [new OutputInfo("real", "nb_dev × standard deviation of the window")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), p.Real(1), outputs),
        p => new Stream(p.Int(0), p.Real(1)));

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => Var.Lookback(period);

    /// <summary>Writes <paramref name="nbDev"/> standard deviations of <paramref name="real"/> into <paramref name="output"/> from index <c>period − 1</c> on.</summary>
    public static void Compute(ReadOnlySpan<double> real, int period, double nbDev, Span<double> output)
    {
        Var.Compute(real, period, output);
        for (var i = Lookback(period); i < real.Length; i++)
        {
            output[i] = Of(output[i], nbDev);
        }
    }

    /// <summary><paramref name="nbDev"/> standard deviations for a variance; 0 below TA-Lib's epsilon.</summary>
    internal static double Of(double variance, double nbDev) => variance < Epsilon ? 0.0 : Math.Sqrt(variance) * nbDev;

    /// <summary>Streaming STDDEV: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    /// <param name="period">Bars in the window.</param>
    /// <param name="nbDev">Multiplier of the standard deviation.</param>
    public sealed class Stream(int period, double nbDev) : IStreamingIndicator
    {
        private readonly Var.Stream _variance = new(period);

        /// <inheritdoc />
        public IndicatorInfo Info => StdDev.Info;

        /// <inheritdoc />
        public int Count => _variance.Count;

        /// <inheritdoc />
        public bool IsReady => _variance.IsReady;

        /// <inheritdoc />
        public void Add(in StreamBar bar) => _variance.Add(bar);

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar) => _variance.UpdateLast(bar);

        /// <inheritdoc />
        public double Value(int output) => IsReady ? Of(_variance.Value(0), nbDev) : double.NaN;
    }
}
