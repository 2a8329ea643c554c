namespace MtMcp.Indicators;

/// <summary>
/// The last <see cref="Capacity"/> values of a series in a ring buffer, with a one-step undo of the last
/// <see cref="Push"/> so a stream can replace its forming bar in O(1).
/// </summary>
internal sealed class RollingWindow
{
    private readonly double[] _items;
    private int _next;
    private int _count;
    private double _evicted;
    private bool _evictedValid;

    public RollingWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _items = new double[capacity];
    }

    public int Capacity => _items.Length;

    public int Count => _count;

    public bool IsFull => _count == _items.Length;

    /// <summary>The oldest value held.</summary>
    public double Oldest => this[0];

    /// <summary>The newest value held.</summary>
    public double Newest => this[_count - 1];

    /// <summary>Value <paramref name="index"/> counted from the oldest (0) to the newest (Count − 1).</summary>
    public double this[int index] => _items[(_next - _count + index + (2 * _items.Length)) % _items.Length];

    /// <summary>Appends a value, dropping the oldest when full; returns the dropped value or NaN.</summary>
    public double Push(double value)
    {
        _evictedValid = IsFull;
        _evicted = _items[_next];
        _items[_next] = value;
        _next = (_next + 1) % _items.Length;
        if (!_evictedValid)
        {
            _count++;
        }

        return _evictedValid ? _evicted : double.NaN;
    }

    /// <summary>Takes back the last <see cref="Push"/>: the newest value goes, the dropped one returns.</summary>
    public void UndoPush()
    {
        _next = (_next - 1 + _items.Length) % _items.Length;
        if (_evictedValid)
        {
            _items[_next] = _evicted;
        }
        else
        {
            _count--;
        }

        _evictedValid = false;
    }
}
