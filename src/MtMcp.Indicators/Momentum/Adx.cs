namespace MtMcp.Indicators;

/// <summary>
/// Average directional movement index (TA-Lib ADX): the DX seeded with its mean over <c>period</c> bars, then
/// Wilder-smoothed (<c>(adx·(period − 1) + dx) / period</c>); bars with an undefined DX leave it unchanged.
/// </summary>
public static class Adx
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "adx", "Average Directional Movement Index", IndicatorGroup.MomentumIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close], [ParameterInfo.TimePeriod(14)], [new OutputInfo("real", "ADX, 0 to 100")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.High, inputs.Low, inputs.Close, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>2·period − 1</c>.</summary>
    public static int Lookback(int period) => (2 * period) - 1;

    /// <summary>
    /// Writes the ADX into <paramref name="output"/> from the lookback on; earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        AverageDirectional.Compute(DirectionalLine.Adx, high, low, close, period, 2, Lookback(period), output);
    }

    /// <summary>Streaming ADX: O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : DirectionalStream
    {
        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
        public Stream(int period)
            : base(DirectionalLine.Adx, period, 2, Lookback(period))
        {
        }

        /// <inheritdoc />
        public override IndicatorInfo Info => Adx.Info;
    }
}
