namespace MtMcp.Indicators;

/// <summary>
/// MACD with TA-Lib's fixed 12/26 factors (TA-Lib MACDFIX): the fast and slow EMAs use k = 0.15 and 0.075
/// instead of 2/13 and 2/27; the signal line is an ordinary EMA.
/// </summary>
public static class MacdFix
{
    private const int FastPeriod = 12;
    private const int SlowPeriod = 26;
    private const double FastFactor = 0.15;
    private const double SlowFactor = 0.075;

    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "macdfix", "Moving Average Convergence/Divergence Fix 12/26", IndicatorGroup.MomentumIndicators,
        [InputSeries.Real0],
        [ParameterInfo.Integer("signal_period", 9, MacdCore.MinEmaSignalPeriod, 100_000, "Bars of the signal line's EMA", "signal")],
        [
            new OutputInfo("macd", "Fast EMA minus slow EMA"),
            new OutputInfo("macd_signal", "EMA of the MACD line"),
            new OutputInfo("macd_hist", "MACD minus signal"),
        ]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.Real0.Length;
            Compute(inputs.Real0, p.Int(0), outputs[..n], outputs[n..(2 * n)], outputs[(2 * n)..]);
        },
        p => new Stream(p.Int(0)));

    private static MacdAverage Fast { get; } = MacdAverage.Exponential(FastPeriod, FastFactor);

    private static MacdAverage Slow { get; } = MacdAverage.Exponential(SlowPeriod, SlowFactor);

    /// <summary>Bars without a value at the start: <c>25 + (signal − 1)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="signalPeriod"/> is outside [2, 100000].</exception>
    public static int Lookback(int signalPeriod) => MacdCore.Lookback(Fast, Slow, Signal(signalPeriod));

    /// <summary>
    /// Writes the MACD line, signal and histogram of <paramref name="real"/> from the lookback on; earlier
    /// entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="signalPeriod"/> is outside [2, 100000].</exception>
    /// <exception cref="ArgumentException">An output is shorter than the input.</exception>
    public static void Compute(ReadOnlySpan<double> real, int signalPeriod, Span<double> macd, Span<double> macdSignal, Span<double> macdHist) =>
        MacdCore.Compute(real, Fast, Slow, Signal(signalPeriod), macd, macdSignal, macdHist);

    private static MacdAverage Signal(int signalPeriod)
    {
        Guard.Period(signalPeriod, MacdCore.MinEmaSignalPeriod);
        return MacdAverage.OfType(MaType.Ema, signalPeriod);
    }

    /// <summary>Streaming MACDFIX, equal to <see cref="Compute"/>.</summary>
    /// <param name="signalPeriod">Bars of the signal line's EMA.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="signalPeriod"/> is outside [2, 100000].</exception>
    public sealed class Stream(int signalPeriod) : MacdStreamBase(Fast, Slow, Signal(signalPeriod))
    {
        /// <inheritdoc />
        public override IndicatorInfo Info => MacdFix.Info;
    }
}
