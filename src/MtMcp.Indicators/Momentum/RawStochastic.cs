namespace MtMcp.Indicators;

/// <summary>
/// The unsmoothed stochastic %K that STOCH, STOCHF and STOCHRSI smooth: where the close sits in the
/// high–low range of the last <c>period</c> bars, 0 to 100.
/// </summary>
/// <remarks>
/// As in TA-Lib the extremes are kept with their bar index and the window is rescanned only when the
/// extreme leaves it: amortised O(1) per bar on market data, O(period) at worst.
/// </remarks>
internal static class RawStochastic
{
    /// <summary>Bars without a value at the start: <c>period − 1</c>.</summary>
    public static int Lookback(int period) => period - 1;

    /// <summary>Writes %K into <paramref name="output"/> from index <c>period − 1</c> on.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        var highest = (Index: -1, Value: 0.0);
        var lowest = (Index: -1, Value: 0.0);
        for (var today = period - 1; today < close.Length; today++)
        {
            var trailing = today - period + 1;
            if (lowest.Index < trailing)
            {
                lowest = Lowest(low[trailing..(today + 1)], trailing);
            }
            else if (low[today] <= lowest.Value)
            {
                lowest = (today, low[today]);
            }

            if (highest.Index < trailing)
            {
                highest = Highest(high[trailing..(today + 1)], trailing);
            }
            else if (high[today] >= highest.Value)
            {
                highest = (today, high[today]);
            }

            output[today] = Value(close[today], highest.Value, lowest.Value);
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
