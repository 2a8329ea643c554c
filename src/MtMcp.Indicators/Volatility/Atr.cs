namespace MtMcp.Indicators;

/// <summary>
/// Average true range (TA-Lib ATR): the true range smoothed Wilder's way, seeded with the simple average of
/// the first <c>time_period</c> true ranges.
/// </summary>
public static class Atr
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "atr", "Average True Range", IndicatorGroup.VolatilityIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close], [ParameterInfo.TimePeriod(14, min: 1)],
        [new OutputInfo("real", "Average true range")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.High, inputs.Low, inputs.Close, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period</c> (one for the first true range, period − 1 for the seed).</summary>
    public static int Lookback(int period) => period;

    /// <summary>Writes the ATR into <paramref name="output"/> from index <c>period</c> on.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output) =>
        Compute(high, low, close, period, output, normalized: false);

    /// <summary>The ATR, or with <paramref name="normalized"/> the NATR, in one pass.</summary>
    internal static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output, bool normalized)
    {
        if (close.Length <= period)
        {
            return;
        }

        var sum = 0.0;
        for (var i = 1; i <= period; i++)
        {
            sum += TRange.Of(high[i], low[i], close[i - 1]);
        }

        var atr = sum / period;
        output[period] = normalized ? Natr.Normalize(atr, close[period]) : atr;
        for (var i = period + 1; i < close.Length; i++)
        {
            atr = Smooth(atr, TRange.Of(high[i], low[i], close[i - 1]), period);
            output[i] = normalized ? Natr.Normalize(atr, close[i]) : atr;
        }
    }

    // Wilder's smoothing in TA-Lib's order: times (period − 1), plus the new range, over the period.
    private static double Smooth(double atr, double trueRange, int period) => ((atr * (period - 1)) + trueRange) / period;

    /// <summary>Streaming ATR: O(1) per bar, bit-identical to the batch form.</summary>
    /// <param name="period">Bars in the seed average and the smoothing.</param>
    public sealed class Stream(int period) : IStreamingIndicator
    {
        private State _state = new(double.NaN, 0, double.NaN);
        private State _before;

        /// <inheritdoc />
        public IndicatorInfo Info => Atr.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > period;

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
        public double Value(int output) => _state.Atr;

        private void Step(in StreamBar bar)
        {
            // Count − 1 true ranges so far: sum the first period, then smooth.
            var ranges = Count - 1;
            var sum = _state.Sum;
            var atr = _state.Atr;
            if (ranges >= 1)
            {
                var trueRange = TRange.Of(bar.High, bar.Low, _state.PreviousClose);
                if (ranges <= period)
                {
                    sum += trueRange;
                    atr = ranges == period ? sum / period : double.NaN;
                }
                else
                {
                    atr = Smooth(atr, trueRange, period);
                }
            }

            _state = new State(bar.Close, sum, atr);
        }

        private readonly record struct State(double PreviousClose, double Sum, double Atr);
    }
}
