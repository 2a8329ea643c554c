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
    }

    /// <summary>The highest value.</summary>
    internal readonly struct Highest : IOrder
    {
        public static bool Replaces(double candidate, double extreme) => candidate >= extreme;
    }

    /// <summary>The lowest value.</summary>
    internal readonly struct Lowest : IOrder
    {
        public static bool Replaces(double candidate, double extreme) => candidate <= extreme;
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
