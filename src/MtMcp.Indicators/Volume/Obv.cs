namespace MtMcp.Indicators;

/// <summary>
/// On-balance volume (TA-Lib OBV): a running total that adds the bar's volume when the price rises, subtracts
/// it when the price falls. As in TA-Lib, it starts at the first bar's volume, not at 0.
/// </summary>
public static class Obv
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "obv", "On Balance Volume", IndicatorGroup.VolumeIndicators,
        [InputSeries.Real0, InputSeries.Volume], [], [new OutputInfo("real", "On-balance volume")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        _ => 0,
        (scoped in IndicatorInputs inputs, IndicatorParameters _, Span<double> outputs) => Compute(inputs.Real0, inputs.Volume, outputs),
        _ => new Stream());

    /// <summary>Writes the OBV of <paramref name="real"/> (usually the close) into <paramref name="output"/> for every bar.</summary>
    public static void Compute(ReadOnlySpan<double> real, ReadOnlySpan<double> volume, Span<double> output)
    {
        if (real.IsEmpty)
        {
            return;
        }

        var obv = volume[0];
        output[0] = obv;
        for (var i = 1; i < real.Length; i++)
        {
            obv = Next(obv, real[i], real[i - 1], volume[i]);
            output[i] = obv;
        }
    }

    private static double Next(double obv, double price, double previousPrice, double volume) =>
        price > previousPrice ? obv + volume : price < previousPrice ? obv - volume : obv;

    /// <summary>Streaming OBV: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private double _obv = double.NaN;
        private double _obvBefore;
        private double _price;
        private double _previousPrice;

        /// <inheritdoc />
        public IndicatorInfo Info => Obv.Info;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public bool IsReady => Count > 0;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            _obvBefore = _obv;
            _previousPrice = _price;
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

            Step(bar);
        }

        /// <inheritdoc />
        public double Value(int output) => _obv;

        private void Step(in StreamBar bar)
        {
            _price = bar.Real0;
            _obv = Count == 1 ? bar.Volume : Next(_obvBefore, bar.Real0, _previousPrice, bar.Volume);
        }
    }
}
