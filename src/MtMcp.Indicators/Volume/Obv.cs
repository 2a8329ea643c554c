using System.Runtime.Intrinsics;

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
    /// <exception cref="ArgumentException"><paramref name="volume"/> differs in length from <paramref name="real"/>, or <paramref name="output"/> is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> real, ReadOnlySpan<double> volume, Span<double> output)
    {
        Guard.SameLength(real.Length, volume);
        Guard.Output(real.Length, output);
        if (real.IsEmpty)
        {
            return;
        }

        // The signed volumes first, vectorised and branch-free (price moves are a coin toss for a branch predictor),
        // then the running total. A flat bar adds −0, which leaves every total as it is, as skipping it does.
        var i = 1;
        if (Vector512.IsHardwareAccelerated)
        {
            var flat = Vector512.Create(-0.0);
            for (; i <= real.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var (price, previous, v) = (Vector512.Create(real[i..]), Vector512.Create(real[(i - 1)..]), Vector512.Create(volume[i..]));
                var signed = Vector512.ConditionalSelect(Vector512.LessThan(price, previous), -v, flat);
                Vector512.ConditionalSelect(Vector512.GreaterThan(price, previous), v, signed).CopyTo(output[i..]);
            }
        }

        for (; i < real.Length; i++)
        {
            output[i] = Signed(real[i], real[i - 1], volume[i]);
        }

        Accumulate(volume[0], output[..real.Length]);
    }

    // The running total over the signed volumes, in place; a method of its own so that the total stays in a register.
    private static void Accumulate(double first, Span<double> values)
    {
        var obv = first;
        values[0] = obv;
        for (var i = 1; i < values.Length; i++)
        {
            obv += values[i];
            values[i] = obv;
        }
    }

    private static double Signed(double price, double previousPrice, double volume) =>
        price > previousPrice ? volume : price < previousPrice ? -volume : -0.0;

    private static double Next(double obv, double price, double previousPrice, double volume) => obv + Signed(price, previousPrice, volume);

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
