namespace MtMcp.Indicators;

/// <summary>Midpoint price over a period (TA-Lib MIDPRICE): <c>(highest high + lowest low) / 2</c> of the last <c>time_period</c> bars.</summary>
public static class Midprice
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "midprice", "Midpoint Price over period", IndicatorGroup.OverlapStudies,
        [InputSeries.High, InputSeries.Low], [ParameterInfo.TimePeriod(14)], [new OutputInfo("real", "Middle of the range")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.High, inputs.Low, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>
    /// Writes the midpoint of the highest <paramref name="high"/> and lowest <paramref name="low"/> over
    /// <paramref name="period"/> bars into <paramref name="output"/> from index <c>period − 1</c> on.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside 2…100000.</exception>
    /// <exception cref="ArgumentException"><paramref name="low"/> differs in length from <paramref name="high"/>, or <paramref name="output"/> is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> output)
    {
        Guard.Period(period, 2);
        Guard.SameLength(high.Length, low);
        Guard.Output(high.Length, output);

        var highest = new RollingExtreme<Highest>();
        var lowest = new RollingExtreme<Lowest>();
        for (var today = period - 1; today < high.Length; today++)
        {
            var first = today - period + 1;
            highest.Step(high.Slice(first, period), first);
            lowest.Step(low.Slice(first, period), first);
            output[today] = (highest.Value + lowest.Value) / 2.0;
        }
    }

    /// <summary>Streaming MIDPRICE: amortised O(1) per bar, equal to <see cref="Compute"/>.</summary>
    /// <param name="period">Bars in the window, 2…100000.</param>
    public sealed class Stream(int period) : IStreamingIndicator
    {
        private readonly MidRange _range = new(period, separateLow: true);

        /// <inheritdoc />
        public IndicatorInfo Info => Midprice.Info;

        /// <inheritdoc />
        public int Count => _range.Count;

        /// <inheritdoc />
        public bool IsReady => _range.IsReady;

        /// <inheritdoc />
        public void Add(in StreamBar bar) => _range.Add(bar.High, bar.Low);

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar) => _range.UpdateLast(bar.High, bar.Low);

        /// <inheritdoc />
        public double Value(int output) => _range.Value;
    }
}
