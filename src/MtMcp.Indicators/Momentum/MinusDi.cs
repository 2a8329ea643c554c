namespace MtMcp.Indicators;

/// <summary>
/// Minus directional indicator (TA-Lib MINUS_DI): smoothed −DM as a percentage of the smoothed true range, 0 when
/// the range is 0. TA-Lib returns the bare ratio (0 to 1) for a period of 1, and so does this.
/// </summary>
public static class MinusDi
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "minus_di", "Minus Directional Indicator", IndicatorGroup.MomentumIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close], [ParameterInfo.TimePeriod(14, min: 1)], [new OutputInfo("real", "−DI, 0 to 100")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.High, inputs.Low, inputs.Close, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period</c>.</summary>
    public static int Lookback(int period) => period;

    /// <summary>
    /// Writes −DI into <paramref name="output"/> from the lookback on; earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [1, 100000].</exception>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        AverageDirectional.Compute(DirectionalLine.MinusDi, high, low, close, period, 1, Lookback(period), output);
    }

    /// <summary>Streaming MINUS_DI: O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : DirectionalStream
    {
        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [1, 100000].</exception>
        public Stream(int period)
            : base(DirectionalLine.MinusDi, period, 1, Lookback(period))
        {
        }

        /// <inheritdoc />
        public override IndicatorInfo Info => MinusDi.Info;
    }
}
