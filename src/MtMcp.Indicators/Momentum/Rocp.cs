using System.Runtime.Intrinsics;

namespace MtMcp.Indicators;

/// <summary>
/// Rate of change as a fraction (TA-Lib ROCP): <c>(price − prevPrice) / prevPrice</c> over <c>time_period</c> bars;
/// 0 when the earlier value is 0 (TA-Lib's convention, instead of an infinity).
/// </summary>
public static class Rocp
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "rocp", "Rate of Change Percentage", IndicatorGroup.MomentumIndicators,
        [InputSeries.Real0], [ParameterInfo.TimePeriod(10, min: 1)], [new OutputInfo("real", "Change as a fraction of the earlier value")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.Real0, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period</c>.</summary>
    public static int Lookback(int period) => period;

    /// <summary>
    /// Writes the ROCP of <paramref name="real"/> into <paramref name="output"/> from index <c>period</c> on; earlier
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

    /// <summary><c>(current − previous) / previous</c>, 0 when the earlier value is 0 (TA-Lib's convention, instead of an infinity).</summary>
    private readonly struct Formula : PriceChange.IFormula
    {
        public static double Of(double current, double previous) =>
            previous != 0.0 ? (current - previous) / previous : 0.0;

        public static Vector512<double> Of(Vector512<double> current, Vector512<double> previous) =>
            PriceChange.ZeroWherePreviousIsZero(previous, (current - previous) / previous);
    }

    /// <summary>Streaming ROCP: O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : PriceChangeStream
    {
        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [1, 100000].</exception>
        public Stream(int period)
            : base(period)
        {
        }

        /// <inheritdoc />
        public override IndicatorInfo Info => Rocp.Info;

        /// <inheritdoc />
        private protected override double Change(double current, double previous) => Formula.Of(current, previous);
    }
}
