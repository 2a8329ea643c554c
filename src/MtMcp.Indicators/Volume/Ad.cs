namespace MtMcp.Indicators;

/// <summary>
/// Chaikin accumulation/distribution line (TA-Lib AD): the running total of each bar's volume weighted by
/// where the close sits in the bar's range, from −1 at the low to +1 at the high; bars without range add nothing.
/// </summary>
public static class Ad
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "ad", "Chaikin A/D Line", IndicatorGroup.VolumeIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close, InputSeries.Volume], [],
        [new OutputInfo("real", "Accumulation/distribution line")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        _ => 0,
        (scoped in IndicatorInputs inputs, IndicatorParameters _, Span<double> outputs) => Compute(inputs.High, inputs.Low, inputs.Close, inputs.Volume, outputs),
        _ => new Stream());

    /// <summary>Writes the A/D line into <paramref name="output"/> for every bar.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, ReadOnlySpan<double> volume, Span<double> output)
    {
        var ad = 0.0;
        for (var i = 0; i < close.Length; i++)
        {
            ad = Accumulate(ad, high[i], low[i], close[i], volume[i]);
            output[i] = ad;
        }
    }

    /// <summary>The A/D line after adding one bar's money-flow volume to <paramref name="ad"/>.</summary>
    internal static double Accumulate(double ad, double high, double low, double close, double volume)
    {
        var range = high - low;
        return range > 0.0 ? ad + (((close - low) - (high - close)) / range * volume) : ad;
    }

    /// <summary>Streaming AD: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private double _ad;
        private double _before;

        /// <inheritdoc />
        public IndicatorInfo Info => Ad.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > 0;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            _before = _ad;
            Count++;
            _ad = Accumulate(_before, bar.High, bar.Low, bar.Close, bar.Volume);
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _ad = Accumulate(_before, bar.High, bar.Low, bar.Close, bar.Volume);
        }

        /// <inheritdoc />
        public double Value(int output) => IsReady ? _ad : double.NaN;
    }
}
