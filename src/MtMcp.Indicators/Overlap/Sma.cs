using System.Runtime.Intrinsics;

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
    /// on; earlier entries are left as they are. Equal to TA-Lib up to rounding (about 1e-14 relative on a million
    /// bars, TA-Lib's own drift): instead of one chain of additions, four window totals at a time take the prefix
    /// sums of <c>x[i] − x[i − period]</c>, and the total restarts from the window every
    /// <see cref="LinearBlocks.Length"/> bars, so a prefix of the series gives the same bits as the whole.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output)
    {
        var divisor = Vector256.Create((double)period);
        var zero = Vector256<double>.Zero;
        for (var start = period - 1; start < real.Length; start += LinearBlocks.Length)
        {
            var end = Math.Min(start + LinearBlocks.Length, real.Length);
            var total = 0.0;
            for (var k = start - period + 1; k <= start; k++)
            {
                total += real[k];
            }

            output[start] = total / period;
            var i = start + 1;
            var totals = Vector256.Create(total);
            for (; i + 4 <= end; i += 4)
            {
                // Prefix sums of four differences in two shifted additions, on top of the last total.
                var d = Vector256.Create(real.Slice(i, 4)) - Vector256.Create(real.Slice(i - period, 4));
                d += Vector256.ConditionalSelect(Vector256.Create(0, -1L, -1L, -1L).AsDouble(), Vector256.Shuffle(d, Vector256.Create(0L, 0, 1, 2)), zero);
                d += Vector256.ConditionalSelect(Vector256.Create(0, 0, -1L, -1L).AsDouble(), Vector256.Shuffle(d, Vector256.Create(0L, 0, 0, 1)), zero);
                var current = totals + d;
                (current / divisor).CopyTo(output.Slice(i, 4));
                totals = Vector256.Shuffle(current, Vector256.Create(3L, 3, 3, 3));
            }

            total = totals[0];
            for (; i < end; i++)
            {
                total += real[i] - real[i - period];
                output[i] = total / period;
            }
        }
    }

    /// <summary>
    /// The SMA as one running sum in TA-Lib's exact order, bit for bit, for composites that magnify rounding
    /// (differences of averages, as in the MA-type dispatch).
    /// </summary>
    internal static void ComputeSerial(ReadOnlySpan<double> real, int period, Span<double> output) =>
        SlidingKernel.Compute(new RollingSum(period), real, period, output);

    /// <summary>Streaming SMA: O(1) per bar, equal to <see cref="Compute"/> up to rounding.</summary>
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
