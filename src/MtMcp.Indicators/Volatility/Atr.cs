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

        // A group of blocks at a time (see LinearBlocks): true ranges into the output, then smoothed in place.
        const int Group = 4 * LinearBlocks.Length;
        for (var start = period + 1; start < close.Length; start += Group)
        {
            var end = Math.Min(start + Group, close.Length);
            for (var i = start; i < end; i++)
            {
                output[i] = TRange.Of(high[i], low[i], close[i - 1]);
            }

            atr = Smooth(output[start..end], atr, period);
            if (normalized)
            {
                for (var i = start; i < end; i++)
                {
                    output[i] = Natr.Normalize(output[i], close[i]);
                }
            }
        }
    }

    /// <summary>
    /// Replaces the true ranges in <paramref name="values"/> (up to four blocks of <see cref="LinearBlocks.Length"/>
    /// from a block boundary) with the ATR continued from <paramref name="atr"/>; returns the state carried to the next
    /// block. Four whole blocks run side by side; each bar takes TA-Lib's step from the bar before it.
    /// </summary>
    private static double Smooth(Span<double> values, double atr, int period)
    {
        const int B = LinearBlocks.Length;
        var a = (period - 1.0) / period;
        var b = 1.0 / period;
        var decay = LinearBlocks.Decay(a);
        if (values.Length == 4 * B)
        {
            Span<double> v0 = values[..B], v1 = values.Slice(B, B), v2 = values.Slice(2 * B, B), v3 = values.Slice(3 * B, B);
            var (l0, l1, l2, l3) = (0.0, 0.0, 0.0, 0.0);
            for (var j = 0; j < B; j++)
            {
                l0 = LinearBlocks.Local(l0, a, v0[j] * b);
                l1 = LinearBlocks.Local(l1, a, v1[j] * b);
                l2 = LinearBlocks.Local(l2, a, v2[j] * b);
                l3 = LinearBlocks.Local(l3, a, v3[j] * b);
            }

            var s0 = atr;
            var s1 = LinearBlocks.Carry(l0, decay, s0);
            var s2 = LinearBlocks.Carry(l1, decay, s1);
            var s3 = LinearBlocks.Carry(l2, decay, s2);
            var next = LinearBlocks.Carry(l3, decay, s3);
            for (var j = 0; j < B; j++)
            {
                v0[j] = s0 = Smooth(s0, v0[j], period);
                v1[j] = s1 = Smooth(s1, v1[j], period);
                v2[j] = s2 = Smooth(s2, v2[j], period);
                v3[j] = s3 = Smooth(s3, v3[j], period);
            }

            return next;
        }

        // Fewer than four whole blocks: one at a time with the same carries, so a prefix gives the same bits.
        for (var start = 0; start < values.Length; start += B)
        {
            var v = values.Slice(start, Math.Min(B, values.Length - start));
            var s = atr;
            if (v.Length == B)
            {
                var local = 0.0;
                for (var j = 0; j < B; j++)
                {
                    local = LinearBlocks.Local(local, a, v[j] * b);
                }

                atr = LinearBlocks.Carry(local, decay, atr);
            }

            for (var j = 0; j < v.Length; j++)
            {
                v[j] = s = Smooth(s, v[j], period);
            }
        }

        return atr;
    }

    // Wilder's smoothing in TA-Lib's order: times (period − 1), plus the new range, over the period.
    private static double Smooth(double atr, double trueRange, int period) => ((atr * (period - 1)) + trueRange) / period;

    /// <summary>Streaming ATR: O(1) per bar, equal to the batch form up to rounding (see <see cref="LinearBlocks"/>).</summary>
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
