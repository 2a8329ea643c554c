namespace MtMcp.Indicators;

/// <summary>
/// Moving average convergence/divergence (TA-Lib MACD): EMA(fast) − EMA(slow), its EMA as the signal line,
/// and the histogram (MACD − signal). The periods are swapped when the fast one is the longer.
/// </summary>
public static class Macd
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "macd", "Moving Average Convergence/Divergence", IndicatorGroup.MomentumIndicators,
        [InputSeries.Real0],
        [
            ParameterInfo.Integer("fast_period", 12, 2, 100_000, "Bars of the fast EMA", "fast"),
            ParameterInfo.Integer("slow_period", 26, 2, 100_000, "Bars of the slow EMA", "slow"),
            ParameterInfo.Integer("signal_period", 9, MacdCore.MinEmaSignalPeriod, 100_000, "Bars of the signal line's EMA", "signal"),
        ],
        [
            new OutputInfo("macd", "Fast EMA minus slow EMA"),
            new OutputInfo("macd_signal", "EMA of the MACD line"),
            new OutputInfo("macd_hist", "MACD minus signal"),
        ]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Int(1), p.Int(2)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.Real0.Length;
            Compute(inputs.Real0, p.Int(0), p.Int(1), p.Int(2), outputs[..n], outputs[n..(2 * n)], outputs[(2 * n)..]);
        },
        p => new Stream(p.Int(0), p.Int(1), p.Int(2)));

    /// <summary>Bars without a value at the start: <c>(slow − 1) + (signal − 1)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A period out of range (fast and slow from 2, signal from 2, all to 100000).</exception>
    public static int Lookback(int fastPeriod, int slowPeriod, int signalPeriod)
    {
        var (fast, slow, signal) = Averages(fastPeriod, slowPeriod, signalPeriod);
        return MacdCore.Lookback(fast, slow, signal);
    }

    /// <summary>
    /// Writes the MACD line, signal and histogram of <paramref name="real"/> from the lookback on; earlier
    /// entries are left as they are. The periods are swapped when <paramref name="fastPeriod"/> is the longer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A period out of range (fast and slow from 2, signal from 2, all to 100000).</exception>
    /// <exception cref="ArgumentException">An output is shorter than the input.</exception>
    public static void Compute(
        ReadOnlySpan<double> real, int fastPeriod, int slowPeriod, int signalPeriod,
        Span<double> macd, Span<double> macdSignal, Span<double> macdHist)
    {
        var (fast, slow, signal) = Averages(fastPeriod, slowPeriod, signalPeriod);
        MacdCore.Compute(real, fast, slow, signal, macd, macdSignal, macdHist);
    }

    private static (MacdAverage Fast, MacdAverage Slow, MacdAverage Signal) Averages(int fastPeriod, int slowPeriod, int signalPeriod)
    {
        Guard.Period(fastPeriod, 2);
        Guard.Period(slowPeriod, 2);
        Guard.Period(signalPeriod, MacdCore.MinEmaSignalPeriod);
        return (
            MacdAverage.OfType(MaType.Ema, Math.Min(fastPeriod, slowPeriod)),
            MacdAverage.OfType(MaType.Ema, Math.Max(fastPeriod, slowPeriod)),
            MacdAverage.OfType(MaType.Ema, signalPeriod));
    }

    /// <summary>Streaming MACD, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : MacdStreamBase
    {
        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A period out of range (fast and slow from 2, signal from 2, all to 100000).</exception>
        public Stream(int fastPeriod, int slowPeriod, int signalPeriod)
            : this(Averages(fastPeriod, slowPeriod, signalPeriod))
        {
        }

        private Stream((MacdAverage Fast, MacdAverage Slow, MacdAverage Signal) averages)
            : base(averages.Fast, averages.Slow, averages.Signal)
        {
        }

        /// <inheritdoc />
        public override IndicatorInfo Info => Macd.Info;
    }
}
