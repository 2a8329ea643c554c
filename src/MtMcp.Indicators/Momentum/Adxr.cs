namespace MtMcp.Indicators;

/// <summary>
/// Average directional movement index rating (TA-Lib ADXR): the mean of today's ADX and the ADX of
/// <c>period − 1</c> bars ago.
/// </summary>
public static class Adxr
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "adxr", "Average Directional Movement Index Rating", IndicatorGroup.MomentumIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close], [ParameterInfo.TimePeriod(14)], [new OutputInfo("real", "ADXR, 0 to 100")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.High, inputs.Low, inputs.Close, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: the ADX's <c>2·period − 1</c> plus <c>period − 1</c>.</summary>
    public static int Lookback(int period) => Adx.Lookback(period) + period - 1;

    /// <summary>
    /// Writes the ADXR into <paramref name="output"/> from the lookback on; earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        Guard.Period(period, 2);
        Guard.SameLength(high.Length, low);
        Guard.SameLength(high.Length, close);
        Guard.Output(high.Length, output);

        var lookback = Lookback(period);
        if (high.Length <= lookback)
        {
            return;
        }

        // The ADX goes into the output first and becomes the ADXR in place, newest bar first, so the ADX of
        // period − 1 bars earlier is still there when read. The ADX written inside the ADXR's warm-up is put back.
        var adxLookback = Adx.Lookback(period);
        Span<double> warmUp = period <= 256 ? stackalloc double[period - 1] : new double[period - 1];
        output[adxLookback..lookback].CopyTo(warmUp);
        Adx.Compute(high, low, close, period, output);
        for (var i = high.Length - 1; i >= lookback; i--)
        {
            output[i] = Value(output[i], output[i - period + 1]);
        }

        warmUp.CopyTo(output[adxLookback..]);
    }

    /// <summary>TA-Lib's ADXR of the current ADX and the one <c>period − 1</c> bars earlier.</summary>
    internal static double Value(double adx, double earlierAdx) => (adx + earlierAdx) / 2.0;

    /// <summary>Streaming ADXR: O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : DirectionalStream
    {
        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
        public Stream(int period)
            : base(DirectionalLine.Adxr, period, 2, Lookback(period))
        {
        }

        /// <inheritdoc />
        public override IndicatorInfo Info => Adxr.Info;
    }
}
