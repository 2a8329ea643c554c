namespace MtMcp.Indicators;

/// <summary>
/// The last <see cref="Capacity"/> values of a series, always readable as one contiguous span (oldest first),
/// so a stream can run the batch kernel on its window and get the batch's bits. Each value is stored twice,
/// at <c>p</c> and <c>p + capacity</c>, which keeps the window contiguous without copying. One-step undo of
/// the last <see cref="Push"/> lets the stream replace its forming bar in O(1); no access needs a modulo.
/// </summary>
internal sealed class SlidingWindow
{
    private readonly double[] _items;
    private readonly int _capacity;
    private int _next;
    private int _count;
    private double _evicted;
    private bool _evictedValid;

    public SlidingWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _items = new double[2 * capacity];
    }

    public int Capacity => _capacity;

    public int Count => _count;

    public bool IsFull => _count == _capacity;

    /// <summary>The values held, oldest first.</summary>
    public ReadOnlySpan<double> Values => _items.AsSpan(_next + _capacity - _count, _count);

    /// <summary>The oldest value held.</summary>
    public double Oldest => _items[_next + _capacity - _count];

    /// <summary>The newest value held.</summary>
    public double Newest => _items[_next + _capacity - 1];

    /// <summary>Value <paramref name="index"/> counted from the oldest (0) to the newest (Count − 1).</summary>
    public double this[int index] => _items[_next + _capacity - _count + index];

    /// <summary>Appends a value, dropping the oldest when full; returns the dropped value, or NaN.</summary>
    public double Push(double value)
    {
        _evictedValid = IsFull;
        _evicted = _items[_next];
        _items[_next] = value;
        _items[_next + _capacity] = value;
        _next = _next + 1 == _capacity ? 0 : _next + 1;
        if (!_evictedValid)
        {
            _count++;
        }

        return _evictedValid ? _evicted : double.NaN;
    }

    /// <summary>Takes back the last <see cref="Push"/>: the newest value goes, the dropped one returns.</summary>
    public void UndoPush()
    {
        _next = _next == 0 ? _capacity - 1 : _next - 1;
        if (_evictedValid)
        {
            _items[_next] = _evicted;
            _items[_next + _capacity] = _evicted;
        }
        else
        {
            _count--;
        }

        _evictedValid = false;
    }
}
