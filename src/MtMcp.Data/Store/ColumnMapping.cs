using System.IO.MemoryMappedFiles;
using static System.FormattableString;

namespace MtMcp.Data.Store;

/// <summary>
/// Read-only memory maps of the column files of one committed generation, covering its first <see cref="Rows"/>
/// rows. Those bytes never change once committed (appends only add bytes after them, merges write a new
/// generation), so every snapshot of the generation with at most <see cref="Rows"/> rows can share the maps:
/// <see cref="MappingCache"/> hands them out and counts who holds them.
/// </summary>
internal sealed unsafe class ColumnMapping
{
    private readonly MemoryMappedViewAccessor?[] _views;

    private ColumnMapping(SeriesLocation location, long generation, int rows, int columnCount)
    {
        Location = location;
        Generation = generation;
        Rows = rows;
        _views = new MemoryMappedViewAccessor?[columnCount];
        Pointers = new nint[columnCount];
        IdleNode = new LinkedListNode<ColumnMapping>(this);
    }

    public SeriesLocation Location { get; }

    public long Generation { get; }

    /// <summary>Rows every column covers: the committed count when the generation was mapped.</summary>
    public int Rows { get; }

    /// <summary>Mapped bytes over all columns.</summary>
    public long Bytes { get; private set; }

    /// <summary>The first byte of each column.</summary>
    public nint[] Pointers { get; }

    // Bookkeeping of the owning MappingCache, read and written only under its lock.
    public int References { get; set; }

    /// <summary>Whether the cache hands this mapping to new snapshots of its series (else it only waits for its holders).</summary>
    public bool IsCurrent { get; set; }

    /// <summary>The mapping's place in the cache's list of idle mappings, made once so that going idle allocates nothing.</summary>
    public LinkedListNode<ColumnMapping> IdleNode { get; }

    /// <summary>Links the mappings the cache unmaps after leaving its lock.</summary>
    public ColumnMapping? NextToUnmap { get; set; }

    /// <summary>Whether its generation was replaced, so its folder can go once it is unmapped.</summary>
    public bool DeleteGenerationAfterUnmap { get; set; }

    /// <summary>Maps the first <see cref="SeriesState.Count"/> rows of every column of <paramref name="state"/>'s generation.</summary>
    /// <exception cref="MarketDataStoreException">A column file is shorter than the committed rows.</exception>
    /// <exception cref="FileNotFoundException">A column file is missing (its generation may just have been replaced).</exception>
    public static ColumnMapping Map(SeriesLocation location, SeriesState state, ColumnSpec[] columns)
    {
        var mapping = new ColumnMapping(location, state.Generation, state.Count, columns.Length);
        try
        {
            var directory = location.GenerationDirectory(state.Generation);
            for (var c = 0; c < columns.Length; c++)
            {
                mapping.MapColumn(location, c, Path.Combine(directory, columns[c].FileName), (long)state.Count * columns[c].ElementSize);
            }

            return mapping;
        }
        catch
        {
            mapping.Unmap();
            throw;
        }
    }

    public void Unmap()
    {
        for (var c = 0; c < _views.Length; c++)
        {
            if (_views[c] is not { } view)
            {
                continue;
            }

            if (Pointers[c] != 0)
            {
                view.SafeMemoryMappedViewHandle.ReleasePointer();
                Pointers[c] = 0;
            }

            view.Dispose();
            _views[c] = null;
        }
    }

    private void MapColumn(SeriesLocation location, int column, string path, long bytes)
    {
        // Readers share everything, so writers and clean-up never wait for them.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        if (stream.Length < bytes)
        {
            throw new MarketDataStoreException(
                Invariant($"The column file of {location.Label} ({path}) holds {stream.Length} bytes, fewer than the {bytes} its {Rows} committed rows need."),
                path);
        }

        // The map covers the whole file (the API refuses less); the view, bounded by the committed rows, is what is
        // shared. The view outlives the map object and the file handle (both operating systems keep a mapped file
        // open until its last view goes), so a cached mapping holds no file descriptor. No madvise: on Linux 6.18,
        // page cache warm, WILLNEED gained nothing and POPULATE_READ made a full read of fresh maps slower.
        using var file = MemoryMappedFile.CreateFromFile(
            stream, mapName: null, capacity: 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        var view = file.CreateViewAccessor(0, bytes, MemoryMappedFileAccess.Read);
        _views[column] = view;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        Pointers[column] = (nint)(pointer + view.PointerOffset);
        Bytes += bytes;
    }
}
