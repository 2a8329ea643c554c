namespace MtMcp.Indicators;

/// <summary>
/// Normalized average true range (TA-Lib NATR): <c>ATR / close × 100</c>, the ATR as a percentage of the price;
/// 0 where the close is within 1e-14 of zero, as in TA-Lib.
/// </summary>
public static class Natr
{
    // TA-Lib's TA_EPSILON: closes this close to zero give 0 instead of dividing.
    private const double Epsilon = 1e-14;

    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "natr", "Normalized Average True Range", IndicatorGroup.VolatilityIndicators,
        [InputSeries.High, InputSeries.Low, InputSeries.Close], [ParameterInfo.TimePeriod(14, min: 1)],
        [new OutputInfo("real", "ATR as a percentage of the close")]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) => Compute(inputs.High, inputs.Low, inputs.Close, p.Int(0), outputs),
        p => new Stream(p.Int(0)));

    /// <summary>Bars without a value at the start: <c>period</c>.</summary>
    public static int Lookback(int period) => Atr.Lookback(period);

    /// <summary>Writes the NATR into <paramref name="output"/> from index <c>period</c> on.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output) =>
        Atr.Compute(high, low, close, period, output, normalized: true);

    /// <summary>An ATR as a percentage of <paramref name="close"/>.</summary>
    internal static double Normalize(double atr, double close) =>
        close > -Epsilon && close < Epsilon ? 0.0 : atr / close * 100.0;

    /// <summary>Streaming NATR: O(1) per bar, bit-identical to <see cref="Compute"/>.</summary>
    /// <param name="period">Bars in the ATR's seed average and smoothing.</param>
    public sealed class Stream(int period) : IStreamingIndicator
    {
        private readonly Atr.Stream _atr = new(period);
        private double _close;

        /// <inheritdoc />
        public IndicatorInfo Info => Natr.Info;

        /// <inheritdoc />
        public int Count => _atr.Count;

        /// <inheritdoc />
        public bool IsReady => _atr.IsReady;

        /// <inheritdoc />
        public void Add(in StreamBar bar)
        {
            _atr.Add(bar);
            _close = bar.Close;
        }

        /// <inheritdoc />
        public void UpdateLast(in StreamBar bar)
        {
            _atr.UpdateLast(bar);
            _close = bar.Close;
        }

        /// <inheritdoc />
        public double Value(int output) => IsReady ? Normalize(_atr.Value(0), _close) : double.NaN;
    }
}
