using System.IO.MemoryMappedFiles;
using static System.FormattableString;

namespace MtMcp.Data.Store;

/// <summary>
/// Read-only memory maps over the column files of one committed generation, bounded by the manifest's row count:
/// a consistent snapshot, since appends only add bytes past that count and merges write a new generation.
/// </summary>
internal sealed unsafe class MappedColumns : IDisposable
{
    // A merge may delete the generation a reader has just read from the manifest; retry with the new one.
    private const int MaxOpenAttempts = 16;

    private readonly MemoryMappedFile?[] _files;
    private readonly MemoryMappedViewAccessor?[] _views;
    private readonly nint[] _pointers;
    private bool _disposed;

    private MappedColumns(string symbol, int count, int columnCount)
    {
        Symbol = symbol;
        Count = count;
        _files = new MemoryMappedFile?[columnCount];
        _views = new MemoryMappedViewAccessor?[columnCount];
        _pointers = new nint[columnCount];
    }

    /// <summary>The symbol as stored (or as asked for, when the series does not exist).</summary>
    public string Symbol { get; }

    public int Count { get; }

    /// <summary>Maps the committed state of a series; an empty snapshot when it was never written.</summary>
    /// <exception cref="MarketDataStoreException">The manifest or a column file is corrupt or missing.</exception>
    public static MappedColumns OpenSnapshot(SeriesLocation location, ColumnSpec[] columns)
    {
        for (var attempt = 1; ; attempt++)
        {
            var state = ManifestFile.Read(location);
            if (state is null || state.Count == 0)
            {
                return new MappedColumns(state?.Symbol ?? location.Symbol, 0, columns.Length);
            }

            try
            {
                return Open(location, state, columns);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                if (attempt == MaxOpenAttempts || ManifestFile.Read(location)?.Generation == state.Generation)
                {
                    throw new MarketDataStoreException(
                        $"A column file of {location.Label} is missing: {ex.Message}", location.GenerationDirectory(state.Generation), ex);
                }
            }
        }
    }

    /// <summary>Maps the columns of <paramref name="state"/>'s generation.</summary>
    /// <exception cref="MarketDataStoreException">A column file is shorter than the committed rows, or its times disagree with the manifest.</exception>
    /// <exception cref="FileNotFoundException">A column file is missing (its generation may just have been replaced).</exception>
    public static MappedColumns Open(SeriesLocation location, SeriesState state, ColumnSpec[] columns)
    {
        var mapped = new MappedColumns(state.Symbol, state.Count, columns.Length);
        try
        {
            var directory = location.GenerationDirectory(state.Generation);
            for (var c = 0; c < columns.Length; c++)
            {
                mapped.Map(location, c, Path.Combine(directory, columns[c].FileName), (long)state.Count * columns[c].ElementSize);
            }

            var time = mapped.Span<long>(0);
            if (time[0] != state.FirstTime || time[^1] != state.LastTime)
            {
                var path = Path.Combine(directory, columns[0].FileName);
                throw new MarketDataStoreException(
                    Invariant($"The time column of {location.Label} ({path}) runs from {time[0]} to {time[^1]}, but the manifest says {state.FirstTime} to {state.LastTime}."),
                    path);
            }

            return mapped;
        }
        catch
        {
            mapped.Dispose();
            throw;
        }
    }

    public byte* Pointer(int column)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return (byte*)_pointers[column];
    }

    /// <summary>The committed values of one column; empty when <see cref="Count"/> is 0.</summary>
    public ReadOnlySpan<T> Span<T>(int column)
        where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new ReadOnlySpan<T>((void*)_pointers[column], Count);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        for (var c = 0; c < _views.Length; c++)
        {
            if (_views[c] is { } view)
            {
                if (_pointers[c] != 0)
                {
                    view.SafeMemoryMappedViewHandle.ReleasePointer();
                }

                view.Dispose();
            }

            _files[c]?.Dispose();
        }
    }

    private void Map(SeriesLocation location, int column, string path, long bytes)
    {
        // Readers share everything, so writers and clean-up never wait for them.
        FileStream? stream = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        try
        {
            if (stream.Length < bytes)
            {
                throw new MarketDataStoreException(
                    Invariant($"The column file of {location.Label} ({path}) holds {stream.Length} bytes, fewer than the {bytes} its {Count} committed rows need."),
                    path);
            }

            // The map covers the whole file (the API refuses less); the view, bounded by the committed rows, is the snapshot.
            _files[column] = MemoryMappedFile.CreateFromFile(
                stream, mapName: null, capacity: 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            stream = null;
        }
        finally
        {
            stream?.Dispose();
        }

        var view = _files[column]!.CreateViewAccessor(0, bytes, MemoryMappedFileAccess.Read);
        _views[column] = view;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _pointers[column] = (nint)(pointer + view.PointerOffset);
    }
}
