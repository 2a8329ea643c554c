using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MtMcp.Indicators;

/// <summary>
/// The highest or lowest value of a sliding window and its position, tracked as TA-Lib's AROON and WILLR do:
/// kept with its index and rescanned only when it leaves the window (amortised O(1) per bar); among equal
/// values the newest wins.
/// </summary>
internal static class WindowExtreme
{
    /// <summary>Which extreme a tracker follows.</summary>
    internal interface IOrder
    {
        /// <summary>Whether <paramref name="candidate"/>, newer, takes the place of <paramref name="extreme"/>.</summary>
        static abstract bool Replaces(double candidate, double extreme);

        /// <summary>The more extreme of the two values.</summary>
        static abstract double Extreme(double a, double b);
    }

    /// <summary>The highest value.</summary>
    internal readonly struct Highest : IOrder
    {
        public static bool Replaces(double candidate, double extreme) => candidate >= extreme;

        public static double Extreme(double a, double b) => double.MaxNative(a, b);
    }

    /// <summary>The lowest value.</summary>
    internal readonly struct Lowest : IOrder
    {
        public static bool Replaces(double candidate, double extreme) => candidate <= extreme;

        public static double Extreme(double a, double b) => double.MinNative(a, b);
    }

    /// <summary>Batch form over a whole series: call <see cref="Next"/> for consecutive bars.</summary>
    internal struct Scan<TOrder>
        where TOrder : struct, IOrder
    {
        private int _index;
        private double _value;

        public Scan()
        {
            _index = -1;
        }

        /// <summary>The extreme found by the last <see cref="Next"/>.</summary>
        public readonly double Value => _value;

        /// <summary>The index of the extreme of <c>values[oldest..today]</c>; <paramref name="today"/> advances by one per call.</summary>
        public int Next(ReadOnlySpan<double> values, int oldest, int today)
        {
            if (_index < oldest)
            {
                _index = oldest;
                _value = values[oldest];
                for (var i = oldest + 1; i <= today; i++)
                {
                    if (TOrder.Replaces(values[i], _value))
                    {
                        _index = i;
                        _value = values[i];
                    }
                }
            }
            else if (TOrder.Replaces(values[today], _value))
            {
                _index = today;
                _value = values[today];
            }

            return _index;
        }
    }

    /// <summary>
    /// Batch form for a whole series of bars: the highest high and the lowest low of each window of <c>period</c>
    /// bars, in O(1) per bar without branches on the data (van Herk / Gil–Werman). The bars form blocks of
    /// <c>period</c> counted from bar 0; a window ending in block k is a suffix of block k − 1 and a prefix of block k,
    /// so its extreme is the larger of the suffix's (computed backwards over block k − 1 when block k starts) and the
    /// prefix's (a running extreme). Maxima and minima are exact, so the values equal those of a rescan.
    /// </summary>
    /// <summary>Computes a value from each bar's close and its window's extremes (a block of bars at a time, vectorised).</summary>
    internal delegate void RangeValues(ReadOnlySpan<double> close, ReadOnlySpan<double> highest, ReadOnlySpan<double> lowest, Span<double> output);

    /// <summary>Bars per block of <see cref="ForEachBlock"/>.</summary>
    internal const int Block = 512;

    // Scratch values on the stack up to this many (doubles), else rented.
    private const int StackLimit = 4096;

    /// <summary>
    /// Drives a range indicator (%K, %R) over the whole series: the extremes of a block's windows first, branch-free,
    /// then <paramref name="values"/> on the block; writes from index <c>period − 1</c> on.
    /// </summary>
    internal static void ForEachBlock(
        ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output, RangeValues values)
    {
        if (close.Length < period)
        {
            return;
        }

        var needed = HighLowWindows.ScratchLength(period) + (2 * Block);
        var rented = needed > StackLimit ? ArrayPool<double>.Shared.Rent(needed) : null;
        var scratch = rented is null ? stackalloc double[StackLimit] : rented.AsSpan();
        try
        {
            var highest = scratch[..Block];
            var lowest = scratch.Slice(Block, Block);
            var windows = new HighLowWindows(high, low, period, scratch[(2 * Block)..]);
            for (var start = period - 1; start < close.Length; start += Block)
            {
                var count = Math.Min(Block, close.Length - start);
                windows.Fill(highest[..count], lowest[..count]);
                values(close.Slice(start, count), highest[..count], lowest[..count], output.Slice(start, count));
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    internal ref struct HighLowWindows
    {
        private readonly ReadOnlySpan<double> _high;
        private readonly ReadOnlySpan<double> _low;

        // Extremes of the suffixes of the last complete block; entry period is the empty suffix (−∞ / +∞).
        private readonly Span<double> _suffixHigh;
        private readonly Span<double> _suffixLow;
        private readonly int _period;
        private int _next;
        private int _position;
        private double _prefixHigh;
        private double _prefixLow;

        /// <summary>Starts at the first full window, ending at bar <c>period − 1</c>.</summary>
        /// <param name="high">The highs.</param>
        /// <param name="low">The lows, as many as the highs.</param>
        /// <param name="period">Bars per window, at least 1.</param>
        /// <param name="scratch">Room for <see cref="ScratchLength"/> values.</param>
        public HighLowWindows(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> scratch)
        {
            _high = high;
            _low = low[..high.Length];
            _period = period;
            _suffixHigh = scratch[..(period + 1)];
            _suffixLow = scratch.Slice(period + 1, period + 1);
            _suffixHigh[period] = double.NegativeInfinity;
            _suffixLow[period] = double.PositiveInfinity;
            _next = period - 1;
            _position = period - 1;
            _prefixHigh = double.NegativeInfinity;
            _prefixLow = double.PositiveInfinity;
            for (var i = 0; i < period - 1; i++)
            {
                _prefixHigh = double.MaxNative(_prefixHigh, high[i]);
                _prefixLow = double.MinNative(_prefixLow, low[i]);
            }
        }

        /// <summary>The scratch values a scan over windows of <paramref name="period"/> bars needs.</summary>
        public static int ScratchLength(int period) => 2 * (period + 1);

        /// <summary>
        /// Writes the extremes of the next <c>highest.Length</c> windows (ending at consecutive bars) into
        /// <paramref name="highest"/> and <paramref name="lowest"/>.
        /// </summary>
        public void Fill(Span<double> highest, Span<double> lowest)
        {
            var count = highest.Length;
            if (lowest.Length < count || count > _high.Length - _next)
            {
                throw new ArgumentException($"{count} windows from bar {_next} do not fit the {_high.Length} bars or the outputs.", nameof(highest));
            }

            // Unchecked references: the check above keeps every bar and output within its span, and the positions
            // within a block stay in [0, period], the suffix buffers' range.
            ref var high = ref MemoryMarshal.GetReference(_high);
            ref var low = ref MemoryMarshal.GetReference(_low);
            ref var suffixHigh = ref MemoryMarshal.GetReference(_suffixHigh);
            ref var suffixLow = ref MemoryMarshal.GetReference(_suffixLow);
            ref var outHigh = ref MemoryMarshal.GetReference(highest);
            ref var outLow = ref MemoryMarshal.GetReference(lowest);
            var done = 0;
            while (done < count)
            {
                if (_position == _period)
                {
                    StartBlock();
                }

                unchecked
                {
                    var run = Math.Min(_period - _position, count - done);
                    var (prefixHigh, prefixLow) = (_prefixHigh, _prefixLow);
                    for (nint j = 0; j < run; j++)
                    {
                        var (bar, suffix, output) = (_next + j, _position + 1 + j, done + j);
                        prefixHigh = double.MaxNative(prefixHigh, Unsafe.Add(ref high, bar));
                        prefixLow = double.MinNative(prefixLow, Unsafe.Add(ref low, bar));
                        Unsafe.Add(ref outHigh, output) = double.MaxNative(Unsafe.Add(ref suffixHigh, suffix), prefixHigh);
                        Unsafe.Add(ref outLow, output) = double.MinNative(Unsafe.Add(ref suffixLow, suffix), prefixLow);
                    }

                    (_prefixHigh, _prefixLow) = (prefixHigh, prefixLow);
                    _next += run;
                    _position += run;
                    done += run;
                }
            }
        }

        // The block before the next bar is complete: its suffix extremes, backwards; the prefix restarts.
        private void StartBlock()
        {
            ref var high = ref Unsafe.Add(ref MemoryMarshal.GetReference(_high), _next - _period);
            ref var low = ref Unsafe.Add(ref MemoryMarshal.GetReference(_low), _next - _period);
            ref var suffixHigh = ref MemoryMarshal.GetReference(_suffixHigh);
            ref var suffixLow = ref MemoryMarshal.GetReference(_suffixLow);
            var (maxHigh, minLow) = (double.NegativeInfinity, double.PositiveInfinity);
            unchecked
            {
                for (nint t = _period - 1; t >= 0; t--)
                {
                    maxHigh = Unsafe.Add(ref suffixHigh, t) = double.MaxNative(maxHigh, Unsafe.Add(ref high, t));
                    minLow = Unsafe.Add(ref suffixLow, t) = double.MinNative(minLow, Unsafe.Add(ref low, t));
                }
            }

            _position = 0;
            _prefixHigh = double.NegativeInfinity;
            _prefixLow = double.PositiveInfinity;
        }
    }

    /// <summary>
    /// Streaming form over the last <c>length</c> values. The extreme of the values before the newest is kept
    /// apart, so replacing the newest value (a forming bar) is O(1) and never rescans.
    /// </summary>
    internal sealed class Rolling<TOrder>
        where TOrder : struct, IOrder
    {
        private readonly SlidingWindow _values;
        private int _added;

        // The extreme of the held values except the newest: its absolute index (−1: none) and value.
        private int _olderIndex = -1;
        private double _older;

        public Rolling(int length)
        {
            _values = new SlidingWindow(length);
        }

        /// <summary>The extreme of the window.</summary>
        public double Value { get; private set; }

        /// <summary>Values since the extreme: 0 when it is the newest.</summary>
        public int Age { get; private set; }

        public void Add(double value)
        {
            // The last extreme is still that of the older values unless it just left the window.
            var lastIndex = _added - 1 - Age;
            _values.Push(value);
            _added++;
            if (_added > 1 && lastIndex >= _added - _values.Count)
            {
                _olderIndex = lastIndex;
                _older = Value;
            }
            else
            {
                RescanOlder();
            }

            Combine(value);
        }

        /// <summary>Replaces the newest value.</summary>
        public void UpdateLast(double value)
        {
            _values.UndoPush();
            _values.Push(value);
            Combine(value);
        }

        private void RescanOlder()
        {
            _olderIndex = -1;
            var first = _added - _values.Count;
            for (var k = 0; k < _values.Count - 1; k++)
            {
                if (_olderIndex < 0 || TOrder.Replaces(_values[k], _older))
                {
                    _olderIndex = first + k;
                    _older = _values[k];
                }
            }
        }

        private void Combine(double newest)
        {
            if (_olderIndex < 0 || TOrder.Replaces(newest, _older))
            {
                Value = newest;
                Age = 0;
            }
            else
            {
                Value = _older;
                Age = _added - 1 - _olderIndex;
            }
        }
    }
}
