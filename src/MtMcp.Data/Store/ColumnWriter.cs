using static System.FormattableString;

namespace MtMcp.Data.Store;

/// <summary>
/// Writes rows into the column files of one generation folder, starting at a given row. Nothing it writes is
/// visible until the caller commits a manifest; <see cref="Flush"/> first makes the bytes durable.
/// </summary>
internal sealed unsafe class ColumnWriter<TRow, TLayout> : IDisposable
    where TRow : struct
    where TLayout : ISeriesLayout<TRow>
{
    // 1 MB writes of an 8-byte column: the page cache then holds the file in large folios, which a later
    // fresh mapping faults in several times faster than the 128 KB pieces written before.
    private const int ChunkRows = 131_072;

    // Keeps each raw copy well inside the int range of a span.
    private const long MaxCopyBytes = 1L << 30;

    private readonly FileStream[] _streams;
    private readonly byte[][] _buffers;
    private TRow[]? _pending;
    private int _pendingCount;

    /// <summary>Opens (or creates) every column file in <paramref name="directory"/>, positioned after <paramref name="startRow"/> rows.</summary>
    /// <exception cref="MarketDataStoreException">An existing column file is shorter than <paramref name="startRow"/> rows.</exception>
    public ColumnWriter(SeriesLocation location, string directory, int startRow)
    {
        var columns = TLayout.Columns;
        _streams = new FileStream[columns.Length];
        _buffers = new byte[columns.Length][];
        RowCount = startRow;
        try
        {
            for (var c = 0; c < columns.Length; c++)
            {
                var path = Path.Combine(directory, columns[c].FileName);
                // Committed rows mean the file must already be there; never create a stand-in for a lost one.
                var mode = startRow == 0 ? FileMode.OpenOrCreate : FileMode.Open;
                var stream = new FileStream(path, mode, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
                _streams[c] = stream;
                var start = (long)startRow * columns[c].ElementSize;
                if (stream.Length < start)
                {
                    throw new MarketDataStoreException(
                        Invariant($"The column file of {location.Label} ({path}) holds {stream.Length} bytes, fewer than the {start} its {startRow} committed rows need."),
                        path);
                }

                // Bytes past the committed rows are the tail of a write that never committed: overwrite them.
                stream.Position = start;
                _buffers[c] = new byte[ChunkRows * columns[c].ElementSize];
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Rows in the files once everything written so far is flushed.</summary>
    public int RowCount { get; private set; }

    public void Add(in TRow row)
    {
        _pending ??= new TRow[ChunkRows];
        _pending[_pendingCount++] = row;
        if (_pendingCount == ChunkRows)
        {
            WritePending();
        }
    }

    public void AddRange(ReadOnlySpan<TRow> rows)
    {
        WritePending();
        for (var start = 0; start < rows.Length; start += ChunkRows)
        {
            WriteChunk(rows.Slice(start, Math.Min(ChunkRows, rows.Length - start)));
        }
    }

    /// <summary>Copies rows <c>[start, start + count)</c> of <paramref name="source"/> byte for byte.</summary>
    public void CopyFrom(MappedColumns source, int start, int count)
    {
        WritePending();
        var columns = TLayout.Columns;
        for (var c = 0; c < columns.Length; c++)
        {
            var size = columns[c].ElementSize;
            var from = source.Pointer(c) + ((long)start * size);
            for (var remaining = (long)count * size; remaining > 0;)
            {
                var piece = (int)Math.Min(remaining, MaxCopyBytes);
                _streams[c].Write(new ReadOnlySpan<byte>(from, piece));
                from += piece;
                remaining -= piece;
            }
        }

        RowCount += count;
    }

    /// <summary>Writes what is pending, cuts any stale tail past the written rows and flushes every file to disk.</summary>
    public void Flush()
    {
        WritePending();
        var columns = TLayout.Columns;
        for (var c = 0; c < columns.Length; c++)
        {
            var end = (long)RowCount * columns[c].ElementSize;
            if (_streams[c].Length > end)
            {
                TryTruncate(_streams[c], end);
            }

            _streams[c].Flush(flushToDisk: true);
        }
    }

    public void Dispose()
    {
        foreach (var stream in _streams)
        {
            stream?.Dispose();
        }
    }

    private static void TryTruncate(FileStream stream, long length)
    {
        try
        {
            stream.SetLength(length);
        }
        catch (IOException)
        {
            // Windows refuses while a reader maps the old tail. The tail is harmless (the manifest bounds every read,
            // the next append overwrites it) and the next write that finds it tries again.
        }
    }

    private void WritePending()
    {
        if (_pendingCount > 0)
        {
            WriteChunk(_pending.AsSpan(0, _pendingCount));
            _pendingCount = 0;
        }
    }

    private void WriteChunk(ReadOnlySpan<TRow> rows)
    {
        TLayout.Scatter(rows, _buffers);
        var columns = TLayout.Columns;
        for (var c = 0; c < columns.Length; c++)
        {
            _streams[c].Write(_buffers[c], 0, rows.Length * columns[c].ElementSize);
        }

        RowCount += rows.Length;
    }
}
