namespace MtMcp.Indicators;

/// <summary>
/// Plus directional movement (TA-Lib PLUS_DM): the rise of the high over the previous bar's high when it exceeds
/// the fall of the low, summed over the first <c>period − 1</c> bars, then Wilder-smoothed (<c>s − s/period + x</c>).
/// With a period of 1, the bar's own +DM.
/// </summary>
public static class PlusDm
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "plus_dm", "Plus Directional Movement", IndicatorGroup.MomentumIndicators,
        [InputSeries.High, InputSeries.Low], [ParameterInfo.TimePeriod(14, min: 1)], [new OutputInfo("real", "Smoothed +DM, in price units")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.High, inputs.Low, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period − 1</c> (1 for a period of 1).</summary>
    public static int Lookback(int period) => period > 1 ? period - 1 : 1;

    /// <summary>
    /// Writes the smoothed +DM of the bars into <paramref name="output"/> from the lookback on; earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [1, 100000].</exception>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> output)
    {
        AverageDirectional.Compute(DirectionalLine.PlusDm, high, low, high, period, 1, Lookback(period), output);
    }

    /// <summary>Streaming PLUS_DM: O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : DirectionalStream
    {
        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [1, 100000].</exception>
        public Stream(int period)
            : base(DirectionalLine.PlusDm, period, 1, Lookback(period))
        {
        }

        /// <inheritdoc />
        public override IndicatorInfo Info => PlusDm.Info;
    }
}
