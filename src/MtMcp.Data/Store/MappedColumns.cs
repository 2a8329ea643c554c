namespace MtMcp.Data.Store;

/// <summary>
/// A consistent snapshot of one series: the manifest's row count at open, over the shared maps of its generation
/// (appends only add bytes past that count, merges write a new generation). Disposing it releases its hold on the
/// maps, once.
/// </summary>
internal sealed unsafe class MappedColumns : IDisposable
{
    private readonly MappingCache? _cache;
    private readonly ColumnMapping? _mapping;
    private readonly nint[] _pointers;
    private int _disposed;

    private MappedColumns(string symbol, int count, nint[] pointers, MappingCache? cache, ColumnMapping? mapping)
    {
        Symbol = symbol;
        Count = count;
        _pointers = pointers;
        _cache = cache;
        _mapping = mapping;
    }

    /// <summary>The symbol as stored (or as asked for, when the series does not exist).</summary>
    public string Symbol { get; }

    public int Count { get; }

    /// <summary>A snapshot of a series that holds no rows: nothing is mapped.</summary>
    public static MappedColumns Empty(string symbol, int columnCount) => new(symbol, 0, new nint[columnCount], null, null);

    /// <summary>The first <paramref name="count"/> rows of <paramref name="mapping"/>, which the caller has acquired from <paramref name="cache"/> for it.</summary>
    public static MappedColumns Over(MappingCache cache, ColumnMapping mapping, string symbol, int count) =>
        new(symbol, count, mapping.Pointers, cache, mapping);

    public byte* Pointer(int column)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return (byte*)_pointers[column];
    }

    /// <summary>The committed values of one column; empty when <see cref="Count"/> is 0.</summary>
    public ReadOnlySpan<T> Span<T>(int column)
        where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return new ReadOnlySpan<T>((void*)_pointers[column], Count);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _mapping is not null)
        {
            _cache!.Release(_mapping);
        }
    }
}
