namespace MtMcp.Data.Import;

/// <summary>A growable array for rows whose count is only estimated up front.</summary>
internal struct ArrayBuilder<T>
{
    private T[] _items;
    private int _count;

    public ArrayBuilder(int capacity) => _items = new T[Math.Max(capacity, 16)];

    public void Add(in T item)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, (int)Math.Min(Array.MaxLength, 2L * _items.Length));
        }

        _items[_count++] = item;
    }

    /// <summary>The items, trimmed to the count (the buffer itself when the estimate was exact).</summary>
    public readonly T[] ToArray() => _count == _items.Length ? _items : _items.AsSpan(0, _count).ToArray();
}
