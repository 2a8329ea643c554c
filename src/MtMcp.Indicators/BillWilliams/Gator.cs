using System.Buffers;

namespace MtMcp.Indicators;

/// <summary>
/// Bill Williams' Gator oscillator (MetaTrader iGator): the distances between the Alligator's lines as drawn
/// on the chart, upper = <c>|jaw − teeth|</c> and lower = <c>−|teeth − lips|</c>. MetaTrader computes them on
/// the unshifted averages and draws them shifted by the teeth's and lips' shifts, which equals the distances
/// between the shifted lines at the bar they are drawn on; each output here is that drawn value, so nothing
/// looks ahead (see <see cref="Alligator"/>).
/// </summary>
public static class Gator
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "gator", "Gator Oscillator (Bill Williams)", IndicatorGroup.BillWilliams,
        [InputSeries.High, InputSeries.Low],
        Alligator.Info.Parameters,
        [
            new OutputInfo("upper", "|jaw − teeth| of the Alligator as drawn at the bar"),
            new OutputInfo("lower", "−|teeth − lips| of the Alligator as drawn at the bar"),
        ],
        IsTaLib: false);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(1), p.Int(2), p.Int(3), p.Int(4), p.Int(5)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.High.Length;
            Compute(inputs.High, inputs.Low, p.Int(0), p.Int(1), p.Int(2), p.Int(3), p.Int(4), p.Int(5), outputs[..n], outputs[n..]);
        },
        p => new Stream(p.Int(0), p.Int(1), p.Int(2), p.Int(3), p.Int(4), p.Int(5)));

    /// <summary>Bars without a value at the start: the Alligator's lookback.</summary>
    public static int Lookback(int jawPeriod, int jawShift, int teethPeriod, int teethShift, int lipsPeriod, int lipsShift) =>
        Alligator.Lookback(jawPeriod, jawShift, teethPeriod, teethShift, lipsPeriod, lipsShift);

    /// <summary>
    /// Writes the upper and lower histograms into <paramref name="upper"/> and <paramref name="lower"/> from the
    /// lookback on; earlier entries are left as they are.
    /// </summary>
    public static void Compute(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low,
        int jawPeriod, int jawShift, int teethPeriod, int teethShift, int lipsPeriod, int lipsShift,
        Span<double> upper, Span<double> lower)
    {
        var n = high.Length;
        var lookback = Lookback(jawPeriod, jawShift, teethPeriod, teethShift, lipsPeriod, lipsShift);
        if (n <= lookback)
        {
            return;
        }

        var buffer = ArrayPool<double>.Shared.Rent(3 * n);
        try
        {
            var jaw = buffer.AsSpan(0, n);
            var teeth = buffer.AsSpan(n, n);
            var lips = buffer.AsSpan(2 * n, n);
            Alligator.Compute(high, low, jawPeriod, jawShift, teethPeriod, teethShift, lipsPeriod, lipsShift, jaw, teeth, lips);
            for (var i = lookback; i < n; i++)
            {
                upper[i] = Upper(jaw[i], teeth[i]);
                lower[i] = Lower(teeth[i], lips[i]);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static double Upper(double jaw, double teeth) => Math.Abs(jaw - teeth);

    private static double Lower(double teeth, double lips) => -Math.Abs(teeth - lips);

    /// <summary>Streaming Gator: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    public sealed class Stream : IStreamingIndicator
    {
        private readonly Alligator.Stream _alligator;

        /// <summary>Creates the stream.</summary>
        public Stream(int jawPeriod, int jawShift, int teethPeriod, int teethShift, int lipsPeriod, int lipsShift)
        {
            _alligator = new Alligator.Stream(jawPeriod, jawShift, teethPeriod, teethShift, lipsPeriod, lipsShift);
        }

        /// <inheritdoc />
        public IndicatorInfo Info => Gator.Info;

        /// <inheritdoc />
        public int Count => _alligator.Count;

        /// <inheritdoc />
        public bool IsReady => _alligator.IsReady;

        /// <inheritdoc />
        public void Add(in StreamBar bar) => _alligator.Add(bar);

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar) => _alligator.UpdateLast(bar);

        /// <inheritdoc />
        public double Value(int output) =>
            output == 0 ? Upper(_alligator.Jaw, _alligator.Teeth) : Lower(_alligator.Teeth, _alligator.Lips);
    }
}
