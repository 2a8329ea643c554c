using System.Globalization;

namespace MtMcp.Indicators;

/// <summary>The rule of one candlestick pattern, as a struct so the batch loop is specialised and inlined per pattern.</summary>
internal interface ICandleRule
{
    /// <summary>The signal at the window's bar: ±100 (±80 or ±200 where TA-Lib has them), or 0.</summary>
    static abstract int Evaluate(in CandleWindow c);
}

/// <summary>
/// The engine shared by every candlestick pattern: metadata, TA-Lib's lookback, the rolling averages of the
/// candle settings (<see cref="CandleAverage"/>) and the bar loops. The batch form advances the averages over
/// a block of bars at a time, then runs the rule over the block; the streaming form does both for one bar
/// (<see cref="Advance"/>). Both use the same average and rule code, so they agree bit for bit.
/// </summary>
internal abstract class CandlePattern
{
    /// <summary>TA-Lib's TA_REAL_MAX, the upper bound of optInPenetration.</summary>
    private const double MaxPenetration = 3e37;

    private readonly CandleAverage[] _averages;

    private protected CandlePattern(IndicatorInfo info, int barsBefore, CandleAverage[] averages, int memoryBars, Func<double, CandlePatternStream> stream)
    {
        Info = info;
        _averages = averages;
        var longest = 0;
        foreach (var average in averages)
        {
            longest = Math.Max(longest, average.Setting.Period);
        }

        Lookback = longest + barsBefore;
        Start = Lookback - memoryBars;
        foreach (var (setting, back) in averages)
        {
            // Every total must be seeded from bar 0 on, or it would read bars before the series.
            if (back + setting.Period > Start)
            {
                throw new InvalidOperationException($"{info.Name}: an average of candle {back} back needs more than {barsBefore} bars before the pattern.");
            }
        }

        Definition = new Indicator(
            info,
            _ => Lookback,
            (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> outputs) =>
                Compute(inputs.Open, inputs.High, inputs.Low, inputs.Close, PenetrationOf(p), outputs),
            p => stream(PenetrationOf(p)));
    }

    public IndicatorInfo Info { get; }

    public Indicator Definition { get; }

    /// <summary>Bars without a value at the start (TA-Lib's lookback).</summary>
    public int Lookback { get; }

    /// <summary>
    /// The first bar the rule runs on: the lookback, or earlier for patterns that carry a set-up into their
    /// first classified bar (TA-Lib replays the hikkake's last three bars before it).
    /// </summary>
    public int Start { get; }

    public ReadOnlySpan<CandleAverage> Averages => _averages;

    /// <summary>
    /// A pattern without parameters, or with TA-Lib's optInPenetration when <paramref name="penetration"/> (its
    /// default) is given. <paramref name="barsBefore"/> is what TA-Lib adds to the longest averaging period to
    /// get the lookback; <paramref name="memoryBars"/> how many bars before the lookback the rule already runs.
    /// </summary>
    public static CandlePattern Create<TRule>(
        string name, string title, string signal, int barsBefore, CandleAverage[] averages,
        Func<double, CandlePatternStream> stream, double? penetration = null, int memoryBars = 0)
        where TRule : struct, ICandleRule
    {
        ParameterInfo[] parameters = penetration is { } value
            ? [ParameterInfo.Real("penetration", value, 0, MaxPenetration, "Fraction of the first candle's real body the last candle must close into")]
            : [];
        var info = new IndicatorInfo(
            name, title, IndicatorGroup.PatternRecognition,
            [InputSeries.Open, InputSeries.High, InputSeries.Low, InputSeries.Close],
            parameters,
            [new OutputInfo("integer", signal, IsInteger: true)]);
        return new CandlePattern<TRule>(info, barsBefore, averages, memoryBars, stream);
    }

    /// <summary>
    /// Writes the signal of every bar from the lookback on into <paramref name="output"/>; earlier entries are
    /// left as they are. <paramref name="penetration"/> is ignored by patterns without one.
    /// </summary>
    /// <exception cref="ArgumentException">The series differ in length, the output is shorter, or the penetration is out of range.</exception>
    public void Compute(
        ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close,
        double penetration, Span<double> output)
    {
        var n = close.Length;
        if (open.Length != n || high.Length != n || low.Length != n || output.Length < n)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"{Info.Name}: open, high, low and close must have the same length and the output room for them; got {open.Length}, {high.Length}, {low.Length}, {close.Length} and an output of {output.Length}."));
        }

        CheckPenetration(penetration);
        if (n > Lookback)
        {
            ComputeCore(open, high, low, close, penetration, output);
        }
    }

    /// <exception cref="ArgumentOutOfRangeException">A penetration that is not a number from 0 to 3e37.</exception>
    public void CheckPenetration(double penetration)
    {
        if (Info.Parameters.Count > 0 && !(penetration is >= 0 and <= MaxPenetration))
        {
            throw new ArgumentOutOfRangeException(
                nameof(penetration), penetration, $"{Info.Name}: penetration must be a number from 0 to 3e37 (a fraction of a real body, e.g. 0.3).");
        }
    }

    /// <summary>
    /// One bar of the streaming form, the window at it: before <see cref="Start"/> it only seeds the totals
    /// and returns 0; from then on it rolls them, writes the averages' thresholds (which the window reads) and
    /// returns the rule's signal.
    /// </summary>
    /// <param name="candles">The ring's bars, the window's the last.</param>
    /// <param name="window">The window on these bars, at the last.</param>
    /// <param name="totals">The running totals, one per average.</param>
    /// <param name="thresholds">Receives the averages' thresholds at the bar.</param>
    public int Advance(in CandleSeries candles, in CandleWindow window, Span<double> totals, Span<double> thresholds)
    {
        var at = candles.Close.Length - 1;
        if (window.Bar < Start)
        {
            for (var k = 0; k < _averages.Length; k++)
            {
                _averages[k].Seed(ref totals[k], candles, at, window.Bar, Start);
            }

            return 0;
        }

        for (var k = 0; k < _averages.Length; k++)
        {
            _averages[k].Advance(ref totals[k], candles, at, window.Bar, Start, thresholds.Slice(k, 1));
        }

        return Evaluate(window);
    }

    private protected abstract int Evaluate(in CandleWindow window);

    private protected abstract void ComputeCore(
        ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close,
        double penetration, Span<double> output);

    private static double PenetrationOf(IndicatorParameters parameters) => parameters.Count > 0 ? parameters.Real(0) : 0;
}

/// <summary>A <see cref="CandlePattern"/> with its rule compiled in.</summary>
internal sealed class CandlePattern<TRule>(IndicatorInfo info, int barsBefore, CandleAverage[] averages, int memoryBars, Func<double, CandlePatternStream> stream)
    : CandlePattern(info, barsBefore, averages, memoryBars, stream)
    where TRule : struct, ICandleRule
{
    /// <summary>Bars per block: each average's thresholds for a block fit in a few KB of stack.</summary>
    private const int Block = 256;

    private protected override int Evaluate(in CandleWindow window) => TRule.Evaluate(window);

    private protected override void ComputeCore(
        ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close,
        double penetration, Span<double> output)
    {
        var averages = Averages;
        Span<double> totals = stackalloc double[averages.Length];
        Span<double> thresholds = stackalloc double[averages.Length * Block];
        totals.Clear();
        var memory = default(PatternMemory);
        var candles = new CandleSeries(open, high, low, close);
        var window = new CandleWindow(candles, thresholds, Block, penetration, ref memory);

        for (var bar = 0; bar < Start; bar++)
        {
            for (var k = 0; k < averages.Length; k++)
            {
                averages[k].Seed(ref totals[k], candles, bar, bar, Start);
            }
        }

        // Bar indexes stay below the series length, so the loop skips the build's overflow checks.
        unchecked
        {
            // Each average runs over a whole block in one tight loop, then the rule over the block: the
            // averages' arithmetic is the streaming form's, only the loops are turned inside out.
            for (int from = Start, count; from < close.Length; from += count)
            {
                count = Math.Min(Block, close.Length - from);
                for (var k = 0; k < averages.Length; k++)
                {
                    averages[k].Advance(ref totals[k], candles, from, from, Start, thresholds.Slice(k * Block, count));
                }

                for (var j = 0; j < count; j++)
                {
                    var bar = from + j;
                    window.MoveTo(bar, bar, j);
                    var signal = TRule.Evaluate(window);
                    if (bar >= Lookback)
                    {
                        output[bar] = signal;
                    }
                }
            }
        }
    }
}
