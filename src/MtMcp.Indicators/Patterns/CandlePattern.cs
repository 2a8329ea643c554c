using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MtMcp.Indicators;

/// <summary>The rule of one candlestick pattern, as a struct so the batch loop is specialised and inlined per pattern.</summary>
internal interface ICandleRule
{
    /// <summary>The signal at the window's bar: ±100 (±80 or ±200 where TA-Lib has them), or 0.</summary>
    static abstract int Evaluate(in CandleWindow c);

    /// <summary>
    /// Whether the rule also has a four-bar form (<see cref="Evaluate4"/>): only rules that read prices alone (no
    /// averages, no memory), which the batch form then runs four bars at a time without a branch.
    /// </summary>
    static virtual bool HasVectorForm => false;

    /// <summary>The signals of the four bars from the vectors' bar on, each as <see cref="Evaluate"/> gives it.</summary>
    static virtual Vector256<double> Evaluate4(in CandleVectors c) => throw new NotSupportedException("The rule has no four-bar form.");
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
    private readonly CandleScale[] _scales;

    private protected CandlePattern(IndicatorInfo info, int barsBefore, CandleAverage[] averages, int memoryBars, Func<double, CandlePatternStream> stream)
    {
        Info = info;
        _averages = averages;
        _scales = [.. averages.Select(a => a.Setting.Scale)];
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

    /// <summary>How each average turns its value into a threshold, in the order of <see cref="Averages"/>.</summary>
    public ReadOnlySpan<CandleScale> Scales => _scales;

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
    /// and returns 0; from then on it rolls them (the window reads them) and returns the rule's signal.
    /// </summary>
    /// <param name="candles">The ring's bars, the window's the last.</param>
    /// <param name="window">The window on these bars, at the last, reading <paramref name="values"/>.</param>
    /// <param name="values">The averages' values: running totals, or own ranges for averages without a period.</param>
    public int Advance(in CandleSeries candles, in CandleWindow window, Span<double> values)
    {
        var at = candles.Close.Length - 1;
        if (window.Bar < Start)
        {
            for (var k = 0; k < _averages.Length; k++)
            {
                _averages[k].Seed(ref values[k], candles, at, window.Bar, Start);
            }

            return 0;
        }

        for (var k = 0; k < _averages.Length; k++)
        {
            _averages[k].Roll(ref values[k], candles, at, window.Bar, Start);
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
    /// <summary>Bars per block: the averages' values for a block stay in the first-level cache.</summary>
    private const int Block = 256;

    private protected override int Evaluate(in CandleWindow window) => TRule.Evaluate(window);

    private protected override void ComputeCore(
        ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close,
        double penetration, Span<double> output)
    {
        var averages = Averages;
        var memory = default(PatternMemory);
        var candles = new CandleSeries(open, high, low, close);

        // One row of Block values per average. The totals of the averages with a period are rolled; up to four of
        // them in the loop that runs the rule (the rest before it), so their serial additions overlap each other
        // and the rule, as in TA-Lib's one loop.
        Span<double> values = stackalloc double[averages.Length * Block];
        Span<double> totals = stackalloc double[averages.Length];
        Span<int> rolled = stackalloc int[averages.Length];
        totals.Clear();
        var rolledCount = 0;
        for (var k = 0; k < averages.Length; k++)
        {
            if (averages[k].Setting.Period != 0)
            {
                rolled[rolledCount++] = k;
            }
        }

        for (var bar = 0; bar < Start; bar++)
        {
            for (var k = 0; k < averages.Length; k++)
            {
                averages[k].Seed(ref totals[k], candles, bar, bar, Start);
            }
        }

        var first = Start;
        if (TRule.HasVectorForm && averages.Length == 0 && Start == Lookback)
        {
            first = ClassifyFourAtATime(candles, Lookback, output);
        }

        var window = new CandleWindow(candles, Scales, values, Block, penetration, ref memory);
        for (int from = first, count; from < close.Length; from += count)
        {
            count = Math.Min(Block, close.Length - from);
            for (var k = 0; k < averages.Length; k++)
            {
                averages[k].Fill(candles, from, from == Start, values.Slice(k * Block, count));
            }

            for (var r = 4; r < rolledCount; r++)
            {
                RunningSum(ref totals[rolled[r]], values.Slice(rolled[r] * Block, count));
            }

            switch (rolledCount)
            {
                case 0:
                    Classify<NoTotal>(window, Lookback, from, count, values, totals, rolled, output);
                    break;
                case 1:
                    Classify<OneTotal>(window, Lookback, from, count, values, totals, rolled, output);
                    break;
                case 2:
                    Classify<TwoTotals>(window, Lookback, from, count, values, totals, rolled, output);
                    break;
                case 3:
                    Classify<ThreeTotals>(window, Lookback, from, count, values, totals, rolled, output);
                    break;
                default:
                    Classify<FourTotals>(window, Lookback, from, count, values, totals, rolled, output);
                    break;
            }
        }
    }

    /// <summary>
    /// Runs the rule's four-bar form from <paramref name="lookback"/> on while four bars remain; returns the first bar
    /// left for the one-bar form.
    /// </summary>
    private static int ClassifyFourAtATime(in CandleSeries candles, int lookback, Span<double> output)
    {
        var bar = lookback;
        ref var target = ref MemoryMarshal.GetReference(output);
        for (; bar <= candles.Close.Length - Vector256<double>.Count; bar += Vector256<double>.Count)
        {
            TRule.Evaluate4(new CandleVectors(candles, bar)).StoreUnsafe(ref target, (nuint)bar);
        }

        return bar;
    }

    /// <summary>Turns the changes in <paramref name="values"/> into the running total after each, in place.</summary>
    private static void RunningSum(ref double total, Span<double> values)
    {
        var sum = total;
        for (var j = 0; j < values.Length; j++)
        {
            sum += values[j];
            values[j] = sum;
        }

        total = sum;
    }

    /// <summary>
    /// Runs the rule over <paramref name="count"/> bars from <paramref name="from"/>, first rolling the first
    /// <typeparamref name="TTotals"/> totals of <paramref name="rolled"/> to each bar (their rows in
    /// <paramref name="values"/> hold the changes and receive the totals).
    /// </summary>
    private static void Classify<TTotals>(
        in CandleWindow template, int lookback, int from, int count, Span<double> values, Span<double> totals, ReadOnlySpan<int> rolled, Span<double> output)
        where TTotals : struct, ITotalCount
    {
        // The rows are Block long and the bars below the series length: the loop runs without bounds or overflow checks.
        unchecked
        {
            // A copy the loop owns, so its fields can live in registers.
            var window = template;
            ref var row = ref MemoryMarshal.GetReference(values);
            double sum0 = 0, sum1 = 0, sum2 = 0, sum3 = 0;
            ref double row0 = ref row, row1 = ref row, row2 = ref row, row3 = ref row;
            if (TTotals.Count > 0)
            {
                sum0 = totals[rolled[0]];
                row0 = ref Unsafe.Add(ref row, rolled[0] * Block);
            }

            if (TTotals.Count > 1)
            {
                sum1 = totals[rolled[1]];
                row1 = ref Unsafe.Add(ref row, rolled[1] * Block);
            }

            if (TTotals.Count > 2)
            {
                sum2 = totals[rolled[2]];
                row2 = ref Unsafe.Add(ref row, rolled[2] * Block);
            }

            if (TTotals.Count > 3)
            {
                sum3 = totals[rolled[3]];
                row3 = ref Unsafe.Add(ref row, rolled[3] * Block);
            }

            for (var j = 0; j < count; j++)
            {
                if (TTotals.Count > 0)
                {
                    sum0 += Unsafe.Add(ref row0, j);
                    Unsafe.Add(ref row0, j) = sum0;
                }

                if (TTotals.Count > 1)
                {
                    sum1 += Unsafe.Add(ref row1, j);
                    Unsafe.Add(ref row1, j) = sum1;
                }

                if (TTotals.Count > 2)
                {
                    sum2 += Unsafe.Add(ref row2, j);
                    Unsafe.Add(ref row2, j) = sum2;
                }

                if (TTotals.Count > 3)
                {
                    sum3 += Unsafe.Add(ref row3, j);
                    Unsafe.Add(ref row3, j) = sum3;
                }

                var bar = from + j;
                window.MoveTo(bar, bar, j);
                var signal = TRule.Evaluate(window);
                if (bar >= lookback)
                {
                    output[bar] = signal;
                }
            }

            if (TTotals.Count > 0)
            {
                totals[rolled[0]] = sum0;
            }

            if (TTotals.Count > 1)
            {
                totals[rolled[1]] = sum1;
            }

            if (TTotals.Count > 2)
            {
                totals[rolled[2]] = sum2;
            }

            if (TTotals.Count > 3)
            {
                totals[rolled[3]] = sum3;
            }
        }
    }
}

/// <summary>How many running totals a loop carries, as a type so the loop is compiled for that count.</summary>
internal interface ITotalCount
{
    static abstract int Count { get; }
}

internal readonly struct NoTotal : ITotalCount
{
    public static int Count => 0;
}

internal readonly struct OneTotal : ITotalCount
{
    public static int Count => 1;
}

internal readonly struct TwoTotals : ITotalCount
{
    public static int Count => 2;
}

internal readonly struct ThreeTotals : ITotalCount
{
    public static int Count => 3;
}

internal readonly struct FourTotals : ITotalCount
{
    public static int Count => 4;
}

