using System.Buffers;
using System.Runtime.Intrinsics;

namespace MtMcp.Indicators;

/// <summary>
/// The unsmoothed stochastic %K that STOCH, STOCHF and STOCHRSI smooth: where the close sits in the
/// high–low range of the last <c>period</c> bars, 0 to 100.
/// </summary>
/// <remarks>
/// The batch finds the extremes branch-free in O(1) per bar (<see cref="WindowExtreme.HighLowWindows"/>); the stream,
/// as TA-Lib, keeps them with their bar index and rescans the window only when the extreme leaves it: amortised
/// O(1) per bar on market data, O(period) at worst. Both give the same values (extremes are exact).
/// </remarks>
internal static class RawStochastic
{
    /// <summary>Bars per block of the batch: the extremes of a block's windows are found first, then its values vectorised.</summary>
    public const int Block = 512;

    /// <summary>Scratch values on the stack up to this many (doubles), else rented.</summary>
    public const int StackLimit = 4096;

    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>Writes %K into <paramref name="output"/> from index <c>period − 1</c> on.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output) =>
        WindowExtreme.ForEachBlock(high, low, close, period, output, Values);

    /// <summary>%K of bars from their closes and the extremes of their windows, vectorised (the lanes round as the scalar form).</summary>
    public static void Values(ReadOnlySpan<double> close, ReadOnlySpan<double> highest, ReadOnlySpan<double> lowest, Span<double> output)
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= close.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var bottom = Vector512.Create(lowest[i..]);
                var diff = (Vector512.Create(highest[i..]) - bottom) / Vector512.Create(100.0);
                var value = (Vector512.Create(close[i..]) - bottom) / diff;
                Vector512.ConditionalSelect(Vector512.Equals(diff, Vector512<double>.Zero), Vector512<double>.Zero, value).CopyTo(output[i..]);
            }
        }

        for (; i < close.Length; i++)
        {
            output[i] = Value(close[i], highest[i], lowest[i]);
        }
    }

    // TA-Lib's operation order: the range is divided by 100 first; a flat range gives 0.
    private static double Value(double close, double highest, double lowest)
    {
        var diff = (highest - lowest) / 100.0;
        return diff != 0.0 ? (close - lowest) / diff : 0.0;
    }

    // The extremes of a window whose first value is bar firstIndex. Ties go to the newest bar, which stays longest.
    private static (int Index, double Value) Lowest(ReadOnlySpan<double> window, int firstIndex)
    {
        var (index, value) = (0, window[0]);
        for (var k = 1; k < window.Length; k++)
        {
            if (window[k] <= value)
            {
                (index, value) = (k, window[k]);
            }
        }

        return (firstIndex + index, value);
    }

    private static (int Index, double Value) Highest(ReadOnlySpan<double> window, int firstIndex)
    {
        var (index, value) = (0, window[0]);
        for (var k = 1; k < window.Length; k++)
        {
            if (window[k] >= value)
            {
                (index, value) = (k, window[k]);
            }
        }

        return (firstIndex + index, value);
    }

    /// <summary>Streaming %K, equal to <see cref="Compute"/> at every bar, with the same rescans.</summary>
    internal sealed class Stream
    {
        // Bar i lives in slot i mod period, so replacing the forming bar rewrites its own slot and needs no undo.
        private readonly double[] _highs;
        private readonly double[] _lows;
        private int _bars;
        private int _slot = -1;
        private Extremes _extremes = Extremes.None;
        private Extremes _extremesBefore = Extremes.None;

        public Stream(int period)
        {
            _highs = new double[period];
            _lows = new double[period];
        }

        /// <summary>Appends a bar; returns %K, NaN during the warm-up.</summary>
        public double Add(double high, double low, double close)
        {
            _extremesBefore = _extremes;
            _bars++;
            _slot = _slot + 1 == _highs.Length ? 0 : _slot + 1;
            return Step(high, low, close);
        }

        /// <summary>Replaces the last bar; returns %K, NaN during the warm-up.</summary>
        public double UpdateLast(double high, double low, double close)
        {
            _extremes = _extremesBefore;
            return Step(high, low, close);
        }

        private double Step(double high, double low, double close)
        {
            var period = _highs.Length;
            _highs[_slot] = high;
            _lows[_slot] = low;
            if (_bars < period)
            {
                return double.NaN;
            }

            // Absolute bar indexes: the window holds bars [trailing, today]; the oldest sits in the slot after today's.
            var today = _bars - 1;
            var trailing = today - period + 1;
            var oldest = _slot + 1 == period ? 0 : _slot + 1;
            ref var e = ref _extremes;
            if (e.Lowest.Index < trailing)
            {
                var older = Lowest(_lows.AsSpan(oldest), trailing);
                var newer = oldest > 0 ? Lowest(_lows.AsSpan(0, oldest), trailing + period - oldest) : older;
                e.Lowest = newer.Value <= older.Value ? newer : older;
            }
            else if (low <= e.Lowest.Value)
            {
                e.Lowest = (today, low);
            }

            if (e.Highest.Index < trailing)
            {
                var older = Highest(_highs.AsSpan(oldest), trailing);
                var newer = oldest > 0 ? Highest(_highs.AsSpan(0, oldest), trailing + period - oldest) : older;
                e.Highest = newer.Value >= older.Value ? newer : older;
            }
            else if (high >= e.Highest.Value)
            {
                e.Highest = (today, high);
            }

            return Value(close, e.Highest.Value, e.Lowest.Value);
        }

        private struct Extremes
        {
            public static readonly Extremes None = new() { Highest = (-1, 0.0), Lowest = (-1, 0.0) };

            public (int Index, double Value) Highest;
            public (int Index, double Value) Lowest;
        }
    }
}
