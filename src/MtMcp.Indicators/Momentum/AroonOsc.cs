namespace MtMcp.Indicators;

/// <summary>
/// Aroon oscillator (TA-Lib AROONOSC): Aroon up minus Aroon down, computed as TA-Lib does from the positions of
/// the extremes, <c>100·(index of highest − index of lowest) / period</c>.
/// </summary>
public static class AroonOsc
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "aroonosc", "Aroon Oscillator", IndicatorGroup.MomentumIndicators,
        [InputSeries.High, InputSeries.Low], [ParameterInfo.TimePeriod(14)],
        [new OutputInfo("real", "Aroon up − Aroon down, −100 to 100")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.High, inputs.Low, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period</c>.</summary>
    public static int Lookback(int period) => Aroon.Lookback(period);

    /// <summary>
    /// Writes the oscillator into <paramref name="output"/> from index <c>period</c> on; earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> output)
    {
        Guard.Period(period, 2);
        Guard.SameLength(high.Length, low);
        Guard.Output(high.Length, output);

        var factor = Aroon.Factor(period);
        var highest = new WindowExtreme.Scan<WindowExtreme.Highest>();
        var lowest = new WindowExtreme.Scan<WindowExtreme.Lowest>();
        for (var today = period; today < high.Length; today++)
        {
            var oldest = today - period;
            var lowIndex = lowest.Next(low, oldest, today);
            output[today] = factor * (highest.Next(high, oldest, today) - lowIndex);
        }
    }

    /// <summary>Streaming AROONOSC: amortised O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : AroonStream
    {
        private readonly double _factor;

        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
        public Stream(int period)
            : base(period)
        {
            _factor = Aroon.Factor(period);
        }

        /// <inheritdoc />
        public override IndicatorInfo Info => AroonOsc.Info;

        // Index of highest − index of lowest = bars since the lowest − bars since the highest.
        private protected override double Line(int output, int highAge, int lowAge) => _factor * (lowAge - highAge);
    }
}
