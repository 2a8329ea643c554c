namespace MtMcp.Indicators;

/// <summary>Midpoint over a period (TA-Lib MIDPOINT): <c>(highest + lowest) / 2</c> of the last <c>time_period</c> values.</summary>
public static class Midpoint
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "midpoint", "MidPoint over period", IndicatorGroup.OverlapStudies,
        [InputSeries.Real0], [ParameterInfo.TimePeriod(14)], [new OutputInfo("real", "Middle of the range")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>
    /// Writes the midpoint of the highest and lowest <paramref name="real"/> over <paramref name="period"/> values
    /// into <paramref name="output"/> from index <c>period − 1</c> on.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <paramref name="real"/>.</exception>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output) =>
        Midprice.Compute(real, real, period, output);

    /// <summary>Streaming MIDPOINT: amortised O(1) per bar, equal to <see cref="Compute"/>.</summary>
    /// <param name="period">Values in the window, 2…100000.</param>
    public sealed class Stream(int period) : IStreamingIndicator
    {
        private readonly MidRange _range = new(period, separateLow: false);

        /// <inheritdoc />
        public IndicatorInfo Info => Midpoint.Info;

        /// <inheritdoc />
        public int Count => _range.Count;

        /// <inheritdoc />
        public bool IsReady => _range.IsReady;

        /// <inheritdoc />
        public void Add(in StreamBar bar) => _range.Add(bar.Real0, bar.Real0);

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar) => _range.UpdateLast(bar.Real0, bar.Real0);

        /// <inheritdoc />
        public double Value(int output) => _range.Value;
    }
}
