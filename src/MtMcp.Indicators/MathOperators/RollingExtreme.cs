using System.Runtime.CompilerServices;

namespace MtMcp.Indicators;

/// <summary>Which extreme a rolling window tracks.</summary>
internal interface IExtremeOrder
{
    /// <summary>Whether <paramref name="candidate"/> is strictly more extreme than <paramref name="best"/>.</summary>
    static abstract bool Beats(double candidate, double best);

    /// <summary>Whether <paramref name="candidate"/> is more extreme than or as extreme as <paramref name="best"/>.</summary>
    static abstract bool Reaches(double candidate, double best);
}

/// <summary>The highest value wins.</summary>
internal readonly struct Highest : IExtremeOrder
{
    public static bool Beats(double candidate, double best) => candidate > best;

    public static bool Reaches(double candidate, double best) => candidate >= best;
}

/// <summary>The lowest value wins.</summary>
internal readonly struct Lowest : IExtremeOrder
{
    public static bool Beats(double candidate, double best) => candidate < best;

    public static bool Reaches(double candidate, double best) => candidate <= best;
}

/// <summary>
/// The extreme of a sliding window and its absolute bar index, kept as TA-Lib's MAX/MIN family keeps it: a
/// new value that reaches the extreme takes it over (so ties go to the newest bar); when the extreme leaves
/// the window, the window is rescanned and ties go to the oldest. O(1) per bar plus an O(period) rescan
/// whenever the extreme leaves the window, exactly as TA-Lib (a monotonic deque would be O(1) amortised but
/// resolve ties differently). A value type, so streams undo a step by copying it back.
/// </summary>
internal struct RollingExtreme<TOrder>
    where TOrder : IExtremeOrder
{
    public RollingExtreme()
    {
    }

    /// <summary>The extreme of the window.</summary>
    public double Value { get; private set; }

    /// <summary>Absolute bar index of <see cref="Value"/>; −1 before the first step.</summary>
    public int Index { get; private set; } = -1;

    /// <summary>
    /// Moves to the window <paramref name="window"/> (oldest first, ending at the newest bar) whose first value
    /// is bar <paramref name="firstIndex"/>.
    /// </summary>
    public void Step(ReadOnlySpan<double> window, int firstIndex) => Step(window, 0, window.Length - 1, firstIndex);

    /// <summary>
    /// Moves to the window <c>values[first..last]</c> (oldest first, ending at the newest bar), where
    /// <c>values[k]</c> is bar <c>offset + k</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Step(ReadOnlySpan<double> values, int first, int last, int offset)
    {
        if (Index >= offset + first)
        {
            var newest = values[last];
            if (TOrder.Reaches(newest, Value))
            {
                Value = newest;
                Index = offset + last;
            }
        }
        else
        {
            var at = Rescan(values[first..(last + 1)]);
            Value = values[first + at];
            Index = offset + first + at;
        }
    }

    // The position of the first most extreme value: TA-Lib's rescan keeps the oldest of equal values.
    private static int Rescan(ReadOnlySpan<double> window)
    {
        var best = window[0];
        var at = 0;
        for (var k = 1; k < window.Length; k++)
        {
            if (TOrder.Beats(window[k], best))
            {
                best = window[k];
                at = k;
            }
        }

        return at;
    }

    /// <summary>
    /// Writes the rolling extreme of <paramref name="real"/> over <paramref name="period"/> bars into
    /// <paramref name="values"/> and its absolute index into <paramref name="indexes"/> from bar
    /// <c>period − 1</c> on; either output may be empty to skip it.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> real, int period, Span<double> values, Span<double> indexes)
    {
        var extreme = new RollingExtreme<TOrder>();
        for (var today = period - 1; today < real.Length; today++)
        {
            extreme.Advance(real, period, today, values, indexes);
        }
    }

    /// <summary>Steps to the window ending at bar <paramref name="today"/> of <paramref name="real"/> and writes the outputs that are not empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(ReadOnlySpan<double> real, int period, int today, Span<double> values, Span<double> indexes)
    {
        Step(real, today - period + 1, today, 0);
        if (!values.IsEmpty)
        {
            values[today] = Value;
        }

        if (!indexes.IsEmpty)
        {
            indexes[today] = Index;
        }
    }
}

/// <summary>Which rolling extremes a MAX/MIN-family function outputs, in its output order.</summary>
internal enum ExtremeOutput
{
    /// <summary>The lowest value.</summary>
    Min,

    /// <summary>The highest value.</summary>
    Max,

    /// <summary>The absolute bar index of the lowest value.</summary>
    MinIndex,

    /// <summary>The absolute bar index of the highest value.</summary>
    MaxIndex,
}

/// <summary>
/// The MAX/MIN family (MAX, MIN, MAXINDEX, MININDEX, MINMAX, MINMAXINDEX): metadata, registry entries,
/// batch kernels and one stream for all six.
/// </summary>
internal static class RollingExtremes
{
    /// <summary>Metadata of a MAX/MIN-family function of <see cref="InputSeries.Real0"/>.</summary>
    public static IndicatorInfo Info(string name, string title, params OutputInfo[] outputs) => new(
        name, title, IndicatorGroup.MathOperators, [InputSeries.Real0], [ParameterInfo.TimePeriod(30)], outputs);

    /// <summary>The registry entry of the function reporting <paramref name="outputs"/>, in that order.</summary>
    public static Indicator Entry(IndicatorInfo info, params ExtremeOutput[] outputs) => new(
        info,
        p => p.Int(0) - 1,
        (scoped in IndicatorInputs inputs, IndicatorParameters p, Span<double> buffer) =>
        {
            var n = inputs.Real0.Length;
            Compute(
                inputs.Real0, p.Int(0),
                Slice(buffer, n, outputs, ExtremeOutput.Min), Slice(buffer, n, outputs, ExtremeOutput.Max),
                Slice(buffer, n, outputs, ExtremeOutput.MinIndex), Slice(buffer, n, outputs, ExtremeOutput.MaxIndex));
        },
        p => new Stream(info, p.Int(0), outputs));

    /// <summary>
    /// Writes the rolling minimum, maximum and their absolute indexes of <paramref name="real"/> from index
    /// <c>period − 1</c> on, in one pass; empty outputs are skipped.
    /// </summary>
    public static void Compute(
        ReadOnlySpan<double> real, int period, Span<double> min, Span<double> max, Span<double> minIndex, Span<double> maxIndex)
    {
        var tracksMin = !min.IsEmpty || !minIndex.IsEmpty;
        var tracksMax = !max.IsEmpty || !maxIndex.IsEmpty;
        var lowest = new RollingExtreme<Lowest>();
        var highest = new RollingExtreme<Highest>();
        for (var today = period - 1; today < real.Length; today++)
        {
            if (tracksMin)
            {
                lowest.Advance(real, period, today, min, minIndex);
            }

            if (tracksMax)
            {
                highest.Advance(real, period, today, max, maxIndex);
            }
        }
    }

    // Which of the four outputs buffer slice k is.
    private static Span<double> Slice(Span<double> buffer, int length, ExtremeOutput[] outputs, ExtremeOutput kind)
    {
        var k = Array.IndexOf(outputs, kind);
        return k < 0 ? default : buffer.Slice(k * length, length);
    }

    /// <summary>
    /// The same <see cref="RollingExtreme{TOrder}"/> steps as the batch over a contiguous window, so values
    /// and absolute indexes equal the batch's.
    /// </summary>
    private sealed class Stream : IStreamingIndicator
    {
        private readonly ExtremeOutput[] _outputs;
        private readonly bool _tracksMin;
        private readonly bool _tracksMax;
        private readonly SlidingWindow _window;
        private RollingExtreme<Lowest> _min = new();
        private RollingExtreme<Highest> _max = new();
        private RollingExtreme<Lowest> _minBefore;
        private RollingExtreme<Highest> _maxBefore;

        public Stream(IndicatorInfo info, int period, ExtremeOutput[] outputs)
        {
            Info = info;
            _outputs = outputs;
            _tracksMin = outputs.Contains(ExtremeOutput.Min) || outputs.Contains(ExtremeOutput.MinIndex);
            _tracksMax = outputs.Contains(ExtremeOutput.Max) || outputs.Contains(ExtremeOutput.MaxIndex);
            _window = new SlidingWindow(period);
        }

        public IndicatorInfo Info { get; }

        public int Count { get; private set; }

        public bool IsReady => _window.IsFull;

        public void Add(in StreamBar bar)
        {
            _minBefore = _min;
            _maxBefore = _max;
            Count++;
            Step(bar.Real0);
        }

        public void UpdateLast(in StreamBar bar)
        {
            if (Count == 0)
            {
                Add(bar);
                return;
            }

            _min = _minBefore;
            _max = _maxBefore;
            _window.UndoPush();
            Step(bar.Real0);
        }

        public double Value(int output)
        {
            if (!IsReady)
            {
                return double.NaN;
            }

            return _outputs[output] switch
            {
                ExtremeOutput.Min => _min.Value,
                ExtremeOutput.Max => _max.Value,
                ExtremeOutput.MinIndex => _min.Index,
                _ => _max.Index,
            };
        }

        private void Step(double x)
        {
            _window.Push(x);
            if (!_window.IsFull)
            {
                return;
            }

            var first = Count - _window.Capacity;
            if (_tracksMin)
            {
                _min.Step(_window.Values, first);
            }

            if (_tracksMax)
            {
                _max.Step(_window.Values, first);
            }
        }
    }
}
