using System.Runtime.InteropServices;
using static System.FormattableString;

namespace MtMcp.Data.Store;

/// <summary>
/// Shares the memory maps of committed generations between snapshots, so that opening a series whose generation is
/// already mapped (by an open snapshot, or by one closed recently) costs a manifest read instead of mapping the
/// files and faulting their pages in again.
/// </summary>
/// <remarks>
/// <para>
/// Per series one mapping is current: of the newest generation seen, covering the rows committed when it was
/// mapped. A snapshot of no more rows shares it. A snapshot of more rows (the series grew by an append in place)
/// maps the generation anew, and that mapping becomes current: a read-only map cannot reach past the end of its
/// file (the .NET API refuses, Windows cannot), and readers must never grow the files, so a mapping cannot be made
/// with room for later appends. Mapping anew costs per page read, so a small range read after an append stays
/// cheap; only a full scan pays the page faults again.
/// </para>
/// <para>
/// A mapping that stops being current (a longer one or a newer generation replaced it) is only left by new
/// snapshots: the snapshots holding it keep reading it, and it is unmapped when the last of them is disposed;
/// then the folder of a replaced generation is deleted (Windows refuses that while anything maps it, so the
/// writer's own attempt may have failed). Current mappings no snapshot holds are idle: kept for the next open,
/// unmapped least recently used first beyond the limits, and all unmapped when the cache is disposed.
/// </para>
/// <para>Thread-safe: one lock guards the bookkeeping; mapping, unmapping and deleting happen outside it.</para>
/// </remarks>
internal sealed class MappingCache : IDisposable
{
    // A merge may delete the generation a reader has just read from the manifest; retry with the new one.
    private const int MaxOpenAttempts = 16;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SeriesSlot> _series = new(StringComparer.Ordinal);

    // Idle current mappings, most recently released first.
    private readonly LinkedList<ColumnMapping> _idle = new();
    private readonly int _maxIdleMappings;
    private readonly long _maxIdleBytes;
    private long _idleBytes;
    private long _mappingsCreated;
    private int _liveMappings;
    private volatile bool _disposed;

    /// <param name="maxIdleMappings">Idle mappings kept at most (one per series).</param>
    /// <param name="maxIdleBytes">Mapped bytes the idle mappings may cover at most.</param>
    public MappingCache(int maxIdleMappings, long maxIdleBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxIdleMappings);
        ArgumentOutOfRangeException.ThrowIfNegative(maxIdleBytes);
        _maxIdleMappings = maxIdleMappings;
        _maxIdleBytes = maxIdleBytes;
    }

    public bool IsDisposed => _disposed;

    /// <summary>Mappings made so far; an open served by an existing mapping does not count.</summary>
    public long MappingsCreated
    {
        get
        {
            lock (_gate)
            {
                return _mappingsCreated;
            }
        }
    }

    /// <summary>Mappings made and not yet unmapped: held by snapshots, idle, or being unmapped.</summary>
    public int LiveMappings => Volatile.Read(ref _liveMappings);

    /// <summary>Current mappings no snapshot holds.</summary>
    public int IdleMappings
    {
        get
        {
            lock (_gate)
            {
                return _idle.Count;
            }
        }
    }

    /// <summary>Opens a snapshot of the committed state of a series; an empty one (nothing mapped) when it holds no rows.</summary>
    /// <exception cref="MarketDataStoreException">The manifest or a column file is corrupt or missing.</exception>
    /// <exception cref="ObjectDisposedException">The cache is disposed.</exception>
    public MappedColumns OpenSnapshot(SeriesLocation location, ColumnSpec[] columns)
    {
        for (var attempt = 1; ; attempt++)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var state = ManifestFile.Read(location);
            if (state is null || state.Count == 0)
            {
                return MappedColumns.Empty(state?.Symbol ?? location.Symbol, columns.Length);
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

    /// <summary>Opens a snapshot of <paramref name="state"/>, which holds at least one row.</summary>
    /// <exception cref="MarketDataStoreException">A column file is shorter than the committed rows, or its times disagree with the manifest.</exception>
    /// <exception cref="FileNotFoundException">A column file is missing (its generation may just have been replaced).</exception>
    /// <exception cref="ObjectDisposedException">The cache is disposed.</exception>
    public MappedColumns Open(SeriesLocation location, SeriesState state, ColumnSpec[] columns)
    {
        var snapshot = MappedColumns.Over(this, Acquire(location, state, columns), state.Symbol, state.Count);
        try
        {
            var time = snapshot.Span<long>(0);
            if (time[0] != state.FirstTime || time[^1] != state.LastTime)
            {
                var path = Path.Combine(location.GenerationDirectory(state.Generation), columns[0].FileName);
                throw new MarketDataStoreException(
                    Invariant($"The time column of {location.Label} ({path}) runs from {time[0]} to {time[^1]}, but the manifest says {state.FirstTime} to {state.LastTime}."),
                    path);
            }

            return snapshot;
        }
        catch
        {
            snapshot.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Learns of a commit by this process: a current mapping of an older generation, or of fewer rows, is left (and
    /// unmapped now unless a snapshot holds it). Never throws, since the write it follows has succeeded.
    /// </summary>
    public void Committed(SeriesLocation location, long generation, int count)
    {
        ColumnMapping? toUnmap = null;
        lock (_gate)
        {
            if (!_disposed)
            {
                Observe(SlotOf(location), generation, count, ref toUnmap);
            }
        }

        UnmapAll(toUnmap);
    }

    /// <summary>Drops one snapshot's hold on <paramref name="mapping"/>.</summary>
    public void Release(ColumnMapping mapping)
    {
        ColumnMapping? toUnmap = null;
        lock (_gate)
        {
            if (--mapping.References > 0)
            {
                return;
            }

            if (mapping.IsCurrent)
            {
                _idle.AddFirst(mapping.IdleNode);
                _idleBytes += mapping.Bytes;
                Trim(ref toUnmap);
            }
            else
            {
                QueueUnmap(mapping, ref toUnmap);
            }
        }

        UnmapAll(toUnmap);
    }

    /// <summary>Unmaps every idle mapping now and every held one when its last snapshot is disposed; opens fail from now on.</summary>
    public void Dispose()
    {
        ColumnMapping? toUnmap = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var slot in _series.Values)
            {
                if (slot.Current is { } current)
                {
                    Detach(slot, current, ref toUnmap);
                }
            }
        }

        UnmapAll(toUnmap);
    }

    private ColumnMapping Acquire(SeriesLocation location, SeriesState state, ColumnSpec[] columns)
    {
        ColumnMapping? toUnmap = null;
        ColumnMapping? shared;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var slot = SlotOf(location);
            Observe(slot, state.Generation, state.Count, ref toUnmap);
            shared = TryShare(slot, state);
        }

        UnmapAll(toUnmap);
        if (shared is not null)
        {
            return shared;
        }

        // Mapping is file I/O: outside the lock, so opens of other series never wait for it.
        var mapped = ColumnMapping.Map(location, state, columns);
        Interlocked.Increment(ref _liveMappings);
        toUnmap = null;
        bool disposed;
        lock (_gate)
        {
            _mappingsCreated++;
            disposed = _disposed;
            var slot = SlotOf(location);
            if (!disposed)
            {
                Observe(slot, state.Generation, state.Count, ref toUnmap);
                shared = TryShare(slot, state);
            }

            if (disposed || shared is not null)
            {
                // Disposed meanwhile, or another open mapped the same rows first: this mapping serves nobody.
                QueueUnmap(mapped, ref toUnmap);
            }
            else
            {
                mapped.References = 1;

                // Unless the snapshot read the manifest just before a merge and a newer generation is current already,
                // the new mapping is the one later opens share.
                if (slot.Current is null && mapped.Generation == slot.LatestGeneration)
                {
                    mapped.IsCurrent = true;
                    slot.Current = mapped;
                }
            }
        }

        UnmapAll(toUnmap);
        ObjectDisposedException.ThrowIf(disposed, this);
        return shared ?? mapped;
    }

    private SeriesSlot SlotOf(SeriesLocation location)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_series, location.Directory, out _);
        return slot ??= new SeriesSlot();
    }

    /// <summary>Takes note of a committed state (generation, rows) and leaves the current mapping if it is older or shorter.</summary>
    private void Observe(SeriesSlot slot, long generation, int count, ref ColumnMapping? toUnmap)
    {
        // Generations only grow: the highest one seen is committed or was, and anything below it is replaced for good.
        slot.LatestGeneration = Math.Max(slot.LatestGeneration, generation);
        if (slot.Current is { } current
            && (current.Generation < slot.LatestGeneration || (current.Generation == generation && current.Rows < count)))
        {
            Detach(slot, current, ref toUnmap);
        }
    }

    private ColumnMapping? TryShare(SeriesSlot slot, SeriesState state)
    {
        if (slot.Current is not { } current || current.Generation != state.Generation || current.Rows < state.Count)
        {
            return null;
        }

        if (current.References++ == 0)
        {
            _idle.Remove(current.IdleNode);
            _idleBytes -= current.Bytes;
        }

        return current;
    }

    private void Detach(SeriesSlot slot, ColumnMapping mapping, ref ColumnMapping? toUnmap)
    {
        mapping.IsCurrent = false;
        slot.Current = null;
        if (mapping.References == 0)
        {
            _idle.Remove(mapping.IdleNode);
            _idleBytes -= mapping.Bytes;
            QueueUnmap(mapping, ref toUnmap);
        }
    }

    private void Trim(ref ColumnMapping? toUnmap)
    {
        while (_idle.Count > _maxIdleMappings || _idleBytes > _maxIdleBytes)
        {
            var leastRecent = _idle.Last!.Value;
            Detach(SlotOf(leastRecent.Location), leastRecent, ref toUnmap);
        }
    }

    private void QueueUnmap(ColumnMapping mapping, ref ColumnMapping? toUnmap)
    {
        mapping.DeleteGenerationAfterUnmap = mapping.Generation < SlotOf(mapping.Location).LatestGeneration;
        mapping.NextToUnmap = toUnmap;
        toUnmap = mapping;
    }

    /// <summary>Unmaps a chain built under the lock; no one else can reach those mappings any more.</summary>
    private void UnmapAll(ColumnMapping? chain)
    {
        while (chain is not null)
        {
            var mapping = chain;
            chain = mapping.NextToUnmap;
            mapping.NextToUnmap = null;
            mapping.Unmap();
            Interlocked.Decrement(ref _liveMappings);
            if (mapping.DeleteGenerationAfterUnmap)
            {
                // Writers never reuse a generation below the committed one, so nobody can be writing into this folder.
                SeriesLocation.TryDeleteDirectory(mapping.Location.GenerationDirectory(mapping.Generation));
            }
        }
    }

    /// <summary>What the cache knows of one series (by folder); guarded by the lock.</summary>
    private sealed class SeriesSlot
    {
        public ColumnMapping? Current { get; set; }

        /// <summary>The newest generation seen committed.</summary>
        public long LatestGeneration { get; set; }
    }
}
