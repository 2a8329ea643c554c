namespace MtMcp.Indicators;

/// <summary>
/// Aroon (TA-Lib AROON): how recent the highest high (Aroon up) and the lowest low (Aroon down) of the last
/// <c>time_period + 1</c> bars are, <c>100·(period − bars since) / period</c>; among equal extremes the newest counts.
/// </summary>
public static class Aroon
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "aroon", "Aroon", IndicatorGroup.MomentumIndicators,
        [InputSeries.High, InputSeries.Low], [ParameterInfo.TimePeriod(14)],
        [new OutputInfo("aroon_down", "Aroon down, 0 to 100: 100 on the bar of the lowest low"), new OutputInfo("aroon_up", "Aroon up, 0 to 100: 100 on the bar of the highest high")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.High.Length;
            Compute(inputs.High, inputs.Low, p.Int(0), outputs[..n], outputs[n..]);
        },
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period</c> (the window is <c>period + 1</c> bars).</summary>
    public static int Lookback(int period) => period;

    /// <summary>
    /// Writes Aroon down into <paramref name="aroonDown"/> and Aroon up into <paramref name="aroonUp"/> from index
    /// <c>period</c> on; earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
    /// <exception cref="ArgumentException">The series differ in length or an output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> aroonDown, Span<double> aroonUp)
    {
        Guard.Period(period, 2);
        Guard.SameLength(high.Length, low);
        Guard.Output(high.Length, aroonDown);
        Guard.Output(high.Length, aroonUp);

        var factor = Factor(period);
        WindowAges.Line<WindowExtreme.Lowest>(low, period, factor, aroonDown);
        WindowAges.Line<WindowExtreme.Highest>(high, period, factor, aroonUp);
    }

    /// <summary>TA-Lib's scale factor, <c>100 / period</c>.</summary>
    internal static double Factor(int period) => 100.0 / period;

    /// <summary>An Aroon line for an extreme <paramref name="age"/> bars ago.</summary>
    internal static double Line(double factor, int period, int age) => factor * (period - age);

    /// <summary>Streaming AROON: amortised O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : AroonStream
    {
        private readonly double _factor;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
        public Stream(int period)
            : base(period)
        {
            _factor = Factor(period);
        }

        /// <inheritdoc />
        public override IndicatorInfo Info => Aroon.Info;

        /// <inheritdoc />
        private protected override double Line(int output, int highAge, int lowAge) =>
            Aroon.Line(_factor, Period, output == 0 ? lowAge : highAge);
    }
}
