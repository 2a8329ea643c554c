namespace MtMcp.Risk;

/// <summary>
/// Times of recent orders in a rolling window, oldest first, in a ring that grows only up to the largest limit seen
/// (no allocation per order once warm).
/// </summary>
internal sealed class RateWindow
{
    private long[] _times = new long[16];
    private int _start;
    private int _count;

    /// <summary>How many times are after <paramref name="fromExclusive"/>, forgetting the older ones.</summary>
    public int CountAfter(long fromExclusive)
    {
        while (_count > 0 && _times[_start] <= fromExclusive)
        {
            _start = (_start + 1) % _times.Length;
            _count--;
        }

        return _count;
    }

    /// <summary>Records a time; <paramref name="keep"/> is how many the caller needs at most (older ones are dropped).</summary>
    public void Add(long timeMs, int keep)
    {
        if (_count == _times.Length)
        {
            if (_count >= keep)
            {
                // Full at the limit: the oldest can no longer matter.
                _start = (_start + 1) % _times.Length;
                _count--;
            }
            else
            {
                var grown = new long[Math.Max(_times.Length * 2, keep)];
                for (var i = 0; i < _count; i++)
                {
                    grown[i] = _times[(_start + i) % _times.Length];
                }

                _times = grown;
                _start = 0;
            }
        }

        _times[(_start + _count) % _times.Length] = timeMs;
        _count++;
    }
}
