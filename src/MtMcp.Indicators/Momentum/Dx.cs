namespace MtMcp.Indicators;

/// <summary>
/// Directional movement index (TA-Lib DX): <c>100·|+DI − −DI| / (+DI + −DI)</c>. Where it is undefined (no
/// range, or both DI 0) TA-Lib repeats the previous value (0 at the first bar), and so does this.
/// </summary>
public static class Dx
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "dx", "Directional Movement Index", IndicatorGroup.MomentumIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close], [ParameterInfo.TimePeriod(14)], [new OutputInfo("real", "DX, 0 to 100")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.High, inputs.Low, inputs.Close, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period</c>.</summary>
    public static int Lookback(int period) => period;

    /// <summary>
    /// Writes the DX into <paramref name="output"/> from the lookback on; earlier entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
    /// <exception cref="ArgumentException">The series differ in length or the output is shorter.</exception>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        AverageDirectional.Compute(DirectionalLine.Dx, high, low, close, period, 2, Lookback(period), output);
    }

    /// <summary>Streaming DX: O(1) per bar, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : DirectionalStream
    {
        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is outside [2, 100000].</exception>
        public Stream(int period)
            : base(DirectionalLine.Dx, period, 2, Lookback(period))
        {
        }

        /// <inheritdoc />
        public override IndicatorInfo Info => Dx.Info;
    }
}
