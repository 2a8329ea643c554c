namespace MtMcp.Indicators;

/// <summary>
/// MACD with a moving-average type per line (TA-Lib MACDEXT): MA(fast) − MA(slow), its MA as the signal
/// line, and the histogram. Periods and types of fast and slow are swapped when the fast period is the longer.
/// </summary>
public static class MacdExt
{
    /// <summary>Metadata.</summary>
    public static IndicatorInfo Info { get; } = new(
        "macdext", "MACD with controllable MA type", IndicatorGroup.MomentumIndicators,
        [InputSeries.Real0],
        [
            ParameterInfo.Integer("fast_period", 12, 2, 100_000, "Bars of the fast moving average", "fast"),
            ParameterInfo.MovingAverage("fast_ma_type", MaType.Sma, "Type of the fast moving average", "fast_ma"),
            ParameterInfo.Integer("slow_period", 26, 2, 100_000, "Bars of the slow moving average", "slow"),
            ParameterInfo.MovingAverage("slow_ma_type", MaType.Sma, "Type of the slow moving average", "slow_ma"),
            ParameterInfo.Integer("signal_period", 9, 1, 100_000, "Bars of the signal line's moving average", "signal"),
            ParameterInfo.MovingAverage("signal_ma_type", MaType.Sma, "Type of the signal line's moving average", "signal_ma"),
        ],
        [
            new OutputInfo("macd", "Fast average minus slow average"),
            new OutputInfo("macd_signal", "Moving average of the MACD line"),
            new OutputInfo("macd_hist", "MACD minus signal"),
        ]);

    /// <summary>Registry entry.</summary>
    internal static Indicator Definition { get; } = new(
        Info,
        p => Lookback(p.Int(0), p.Ma(1), p.Int(2), p.Ma(3), p.Int(4), p.Ma(5)),
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
        {
            var n = inputs.Real0.Length;
            Compute(inputs.Real0, p.Int(0), p.Ma(1), p.Int(2), p.Ma(3), p.Int(4), p.Ma(5), outputs[..n], outputs[n..(2 * n)], outputs[(2 * n)..]);
        },
        p => new Stream(p.Int(0), p.Ma(1), p.Int(2), p.Ma(3), p.Int(4), p.Ma(5)));

    /// <summary>Bars without a value at the start: the longer lookback of fast and slow plus the signal's.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A period out of range (fast and slow from 2, signal from 1, all to 100000) or an unknown MA type.</exception>
    public static int Lookback(int fastPeriod, MaType fastMaType, int slowPeriod, MaType slowMaType, int signalPeriod, MaType signalMaType)
    {
        var (fast, slow, signal) = Averages(fastPeriod, fastMaType, slowPeriod, slowMaType, signalPeriod, signalMaType);
        return MacdCore.Lookback(fast, slow, signal);
    }

    /// <summary>
    /// Writes the MACD line, signal and histogram of <paramref name="real"/> from the lookback on; earlier
    /// entries are left as they are.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A period out of range (fast and slow from 2, signal from 1, all to 100000) or an unknown MA type.</exception>
    /// <exception cref="ArgumentException">An output is shorter than the input.</exception>
    public static void Compute(
        ReadOnlySpan<double> real, int fastPeriod, MaType fastMaType, int slowPeriod, MaType slowMaType, int signalPeriod, MaType signalMaType,
        Span<double> macd, Span<double> macdSignal, Span<double> macdHist)
    {
        var (fast, slow, signal) = Averages(fastPeriod, fastMaType, slowPeriod, slowMaType, signalPeriod, signalMaType);
        MacdCore.Compute(real, fast, slow, signal, macd, macdSignal, macdHist);
    }

    private static (MacdAverage Fast, MacdAverage Slow, MacdAverage Signal) Averages(
        int fastPeriod, MaType fastMaType, int slowPeriod, MaType slowMaType, int signalPeriod, MaType signalMaType)
    {
        Guard.Period(fastPeriod, 2);
        Guard.Period(slowPeriod, 2);
        Guard.Period(signalPeriod, 1);
        var fast = MacdAverage.OfType(fastMaType, fastPeriod);
        var slow = MacdAverage.OfType(slowMaType, slowPeriod);
        return slowPeriod < fastPeriod
            ? (slow, fast, MacdAverage.OfType(signalMaType, signalPeriod))
            : (fast, slow, MacdAverage.OfType(signalMaType, signalPeriod));
    }

    /// <summary>Streaming MACDEXT, equal to <see cref="Compute"/>.</summary>
    public sealed class Stream : MacdStreamBase
    {
        /// <summary>Creates the stream.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A period out of range (fast and slow from 2, signal from 1, all to 100000) or an unknown MA type.</exception>
        public Stream(int fastPeriod, MaType fastMaType, int slowPeriod, MaType slowMaType, int signalPeriod, MaType signalMaType)
            : this(Averages(fastPeriod, fastMaType, slowPeriod, slowMaType, signalPeriod, signalMaType))
        {
        }

        private Stream((MacdAverage Fast, MacdAverage Slow, MacdAverage Signal) averages)
            : base(averages.Fast, averages.Slow, averages.Signal)
        {
        }

        /// <inheritdoc />
        public override IndicatorInfo Info => MacdExt.Info;
    }
}
