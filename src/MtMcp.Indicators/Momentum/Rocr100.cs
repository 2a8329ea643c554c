using System.Runtime.Intrinsics;

namespace MtMcp.Indicators;

/// <summary>
/// Rate of change ratio on a 100 scale (TA-Lib ROCR100): <c>(price / prevPrice)·100</c> over <c>time_period</c> bars;
/// 0 when the earlier value is 0 (TA-Lib's convention, instead of an infinity).
/// </summary>
public static class Rocr100
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "rocr100", "Rate of Change Ratio 100 Scale", IndicatorGroup.MomentumIndicators,
        [InputSeries.Real0], [ParameterInfo.TimePeriod(10, min: 1)], [new OutputInfo("real", "Ratio to the earlier value, centred on 100")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period</c>.</summary>
    public static int Lookback(int period) => period;

    /// <summary>
    /// Writes the ROCR100 of <paramref name="real"/> into <paramref name="output"/> from index <c>period</c> on; earlier
    /// entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [1, 100000].</exception>
    /// <exception cref="ArgumentException">The output is shorter than the input.</exception>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> output)
    {
        Guard.Period(period, 1);
        Guard.Output(real.Length, output);
        PriceChange.Compute<Formula>(real, period, output);
    }

    /// <summary><c>(current / previous)·100</c>, 0 when the earlier value is 0 (TA-Lib's convention, instead of an infinity).</summary>
    private readonly struct Formula : PriceChange.IFormula
    {
        public static double Of(double current, double previous) =>
            previous != 0.0 ? (current / previous) * 100.0 : 0.0;

        public static Vector512<double> Of(Vector512<double> current, Vector512<double> previous) =>
            PriceChange.ZeroWherePreviousIsZero(previous, (current / previous) * 100.0);
    }

    /// <summary>Streaming ROCR100: O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : PriceChangeStream
    {
        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [1, 100000].</exception>
        public Stream(int period)
            : base(period)
        {
        }

        /// <inheritdoc />
        public override IndicatorInfo Info => Rocr100.Info;

        /// <inheritdoc />
        private protected override double Change(double current, double previous) => Formula.Of(current, previous);
    }
}
