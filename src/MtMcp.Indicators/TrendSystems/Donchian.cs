namespace MtMcp.Indicators;

/// <summary>
/// Donchian channel: the highest high (upper) and lowest low (lower) of the last <c>time_period</c> bars,
/// the current bar included, and their midpoint (middle).
/// </summary>
public static class Donchian
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "donchian", "Donchian Channel", IndicatorGroup.TrendSystems,
        [InputSeries.High, InputSeries.Low],
        [ParameterInfo.TimePeriod(20, min: 1)],
        [
            new OutputInfo("upper", "Highest high of the window"),
            new OutputInfo("middle", "Midpoint of upper and lower"),
            new OutputInfo("lower", "Lowest low of the window"),
        ],
        IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.High.Length;
            Compute(inputs.High, inputs.Low, p.Int(0), outputs[..n], outputs[n..(2 * n)], outputs[(2 * n)..]);
        },
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>Writes the channel from index <c>period − 1</c> on; earlier entries are left as they are.</summary>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period,
        Span<double> upper, Span<double> middle, Span<double> lower)
    {
        RollingExtreme<Highest>.Compute(high, period, upper, default);
        RollingExtreme<Lowest>.Compute(low, period, lower, default);
        for (var i = Lookback(period); i < high.Length; i++)
        {
            middle[i] = (upper[i] + lower[i]) / 2;
        }
    }

    /// <summary>Streaming Donchian channel: amortised O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly HighLowWindows _range;

        /// <summary>Creates the stream.</summary>
        public Stream(int period)
        {
            _range = new HighLowWindows(period);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Donchian.Info;

        /// <inheritdoc />
        public int Count => _range.Count;

        /// <inheritdoc />
        public bool IsReady => !double.IsNaN(_range.Highest(0));

        /// <inheritdoc />
        public void Add(in StreamBar bar) => _range.Add(bar.High, bar.Low);

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar) => _range.UpdateLast(bar.High, bar.Low);

        /// <inheritdoc />
        public double Value(int output) => output switch
        {
            0 => _range.Highest(0),
            1 => _range.Midpoint(0),
            _ => _range.Lowest(0),
        };
    }
}
