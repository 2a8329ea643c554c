using MtMcp.Domain;

namespace MtMcp.Data.Store;

/// <summary>
/// The columnar, memory-mapped store of bars (per symbol and timeframe) and ticks (per symbol) under one root folder:
/// <c>bars/SYMBOL/TF/</c> and <c>ticks/SYMBOL/</c>, each with a <c>manifest.json</c> commit point and one raw
/// little-endian file per column in a generation folder <c>g&lt;n&gt;</c>.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe. One writer per series at a time, also across processes (a lock file; other writers wait up to the
/// lock timeout); readers never wait and see the last committed state. A crash at any point leaves the last
/// committed state; the next write cleans up what the interrupted one left behind. Symbols keep the case they were
/// first written with, and lookups ignore case.
/// </para>
/// <para>
/// Open series share memory maps: opening a series whose committed data is already mapped (by a series still open,
/// or by one closed recently) maps nothing and faults no page in again. Maps no open series uses are kept up to the
/// limits given to the constructor, least recently used first out; disposing the store releases them.
/// </para>
/// </remarks>
public sealed class MarketDataStore : IDisposable
{
    /// <summary>How long a write waits for another writer of the same series by default.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How many series whose maps no open series uses stay mapped by default.</summary>
    public const int DefaultMaxIdleSeries = 64;

    /// <summary>How many mapped bytes (all columns) the series no open series uses may keep by default: 8 GiB.</summary>
    public const long DefaultMaxIdleMappedBytes = 8L << 30;

    private readonly TimeSpan _lockTimeout;
    private readonly MappingCache _mappings;

    /// <summary>Opens the store under <paramref name="rootDirectory"/>; the folder is created on the first write.</summary>
    /// <param name="rootDirectory">The store root, e.g. <c>&lt;data-dir&gt;/market</c>.</param>
    /// <param name="lockTimeout">How long a write waits for another writer of the same series; <see langword="null"/> for <see cref="DefaultLockTimeout"/>.</param>
    /// <param name="maxIdleSeries">
    /// How many series stay mapped after their last open series is disposed, ready for the next open; 0 keeps none
    /// (series open at the same time still share their maps).
    /// </param>
    /// <param name="maxIdleMappedBytes">
    /// How many bytes those idle maps may cover in all. A map takes address space and page-table entries, not memory
    /// of its own: the pages belong to the operating system's file cache.
    /// </param>
    /// <exception cref="ArgumentException">The root is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The lock timeout or a limit is negative.</exception>
    /// <exception cref="PlatformNotSupportedException">The machine is big-endian; the column files are little-endian.</exception>
    public MarketDataStore(
        string rootDirectory,
        TimeSpan? lockTimeout = null,
        int maxIdleSeries = DefaultMaxIdleSeries,
        long maxIdleMappedBytes = DefaultMaxIdleMappedBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The market-data store maps little-endian column files and needs a little-endian machine.");
        }

        RootDirectory = Path.GetFullPath(rootDirectory);
        _lockTimeout = lockTimeout ?? DefaultLockTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThan(_lockTimeout, TimeSpan.Zero, nameof(lockTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(maxIdleSeries);
        ArgumentOutOfRangeException.ThrowIfNegative(maxIdleMappedBytes);
        _mappings = new MappingCache(maxIdleSeries, maxIdleMappedBytes);
    }

    /// <summary>The full path of the store root.</summary>
    public string RootDirectory { get; }

    /// <summary>The shared maps, for tests to observe reuse and release.</summary>
    internal MappingCache Mappings => _mappings;

    /// <summary>
    /// Stores bars: appended in place when all follow the last stored bar, merged otherwise (a bar with a stored open time
    /// replaces it unless identical). Writing data already stored changes no file.
    /// </summary>
    /// <param name="symbol">Letters, digits, '.', '_', '-', '#'; no "..".</param>
    /// <param name="timeframe">One of the 21 MT5 timeframes.</param>
    /// <param name="bars">Bars strictly increasing in <see cref="Bar.Time"/>.</param>
    /// <returns>How many bars were added, replaced and unchanged.</returns>
    /// <exception cref="ArgumentException">Bad symbol, or the bars are not strictly increasing (nothing is written).</exception>
    /// <exception cref="ArgumentOutOfRangeException">Not an MT5 timeframe.</exception>
    /// <exception cref="MarketDataStoreException">I/O failure, corrupt series, or another writer held the series too long.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public WriteResult WriteBars(string symbol, Timeframe timeframe, ReadOnlySpan<Bar> bars)
    {
        ThrowIfDisposed();
        var location = SeriesLocation.ForBars(RootDirectory, symbol, timeframe);
        try
        {
            return SeriesWriter<Bar, BarLayout>.Write(location, bars, nameof(bars), _lockTimeout, _mappings);
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            throw IoFailure(location, "write", ex);
        }
    }

    /// <summary>
    /// Stores ticks, keyed by millisecond groups (the ticks sharing one <see cref="Tick.TimeMs"/>, in input order): the
    /// input's group of a millisecond replaces the stored group of that millisecond as a whole, unless both hold the
    /// same ticks in the same order; stored milliseconds the input does not hold are kept. Ticks that only extend the
    /// series (after the last stored tick, or growing the last stored millisecond after its identical stored ticks)
    /// are appended in place; anything else is merged. Writing data already stored changes no file.
    /// </summary>
    /// <remarks>
    /// Input that starts inside the last stored millisecond overlaps that group: to continue a series within a
    /// millisecond, pass the whole millisecond again, or the stored ticks of it not passed are dropped
    /// (<see cref="WriteResult.Removed"/>).
    /// </remarks>
    /// <param name="symbol">Letters, digits, '.', '_', '-', '#'; no "..".</param>
    /// <param name="ticks">Ticks non-decreasing in <see cref="Tick.TimeMs"/>; equal times are kept in this order.</param>
    /// <returns>How many ticks were added, replaced, unchanged and removed, counted as <see cref="WriteResult"/> describes.</returns>
    /// <exception cref="ArgumentException">Bad symbol, or a tick is earlier than the one before it (nothing is written).</exception>
    /// <exception cref="MarketDataStoreException">I/O failure, corrupt series, or another writer held the series too long.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public WriteResult WriteTicks(string symbol, ReadOnlySpan<Tick> ticks)
    {
        ThrowIfDisposed();
        var location = SeriesLocation.ForTicks(RootDirectory, symbol);
        try
        {
            return SeriesWriter<Tick, TickLayout>.Write(location, ticks, nameof(ticks), _lockTimeout, _mappings);
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            throw IoFailure(location, "write", ex);
        }
    }

    /// <summary>
    /// Opens a snapshot of the stored bars; an empty series (Count 0) when there are none. Dispose it when done: until
    /// then it holds its memory maps (shared with other open series of the same data).
    /// </summary>
    /// <exception cref="ArgumentException">Bad symbol.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Not an MT5 timeframe.</exception>
    /// <exception cref="MarketDataStoreException">I/O failure or corrupt series.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public BarSeries OpenBars(string symbol, Timeframe timeframe)
    {
        ThrowIfDisposed();
        var location = SeriesLocation.ForBars(RootDirectory, symbol, timeframe);
        return new BarSeries(OpenSnapshot(location, BarLayout.Columns), timeframe);
    }

    /// <summary>
    /// Opens a snapshot of the stored ticks; an empty series (Count 0) when there are none. Dispose it when done: until
    /// then it holds its memory maps (shared with other open series of the same data).
    /// </summary>
    /// <exception cref="ArgumentException">Bad symbol.</exception>
    /// <exception cref="MarketDataStoreException">I/O failure or corrupt series.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public TickSeries OpenTicks(string symbol)
    {
        ThrowIfDisposed();
        var location = SeriesLocation.ForTicks(RootDirectory, symbol);
        return new TickSeries(OpenSnapshot(location, TickLayout.Columns));
    }

    /// <summary>Whether bars of this symbol and timeframe are stored (at least one committed bar).</summary>
    /// <exception cref="ArgumentException">Bad symbol.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Not an MT5 timeframe.</exception>
    /// <exception cref="MarketDataStoreException">I/O failure or corrupt manifest.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public bool BarsExist(string symbol, Timeframe timeframe)
    {
        ThrowIfDisposed();
        return HasRows(SeriesLocation.ForBars(RootDirectory, symbol, timeframe));
    }

    /// <summary>Whether ticks of this symbol are stored (at least one committed tick).</summary>
    /// <exception cref="ArgumentException">Bad symbol.</exception>
    /// <exception cref="MarketDataStoreException">I/O failure or corrupt manifest.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public bool TicksExist(string symbol)
    {
        ThrowIfDisposed();
        return HasRows(SeriesLocation.ForTicks(RootDirectory, symbol));
    }

    /// <summary>
    /// Every committed series: bars first (by symbol, then timeframe from shortest), then ticks (by symbol).
    /// Folders without a manifest (a first write that never committed) are not series and are skipped.
    /// </summary>
    /// <exception cref="MarketDataStoreException">I/O failure or a corrupt manifest (named in the message).</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public IReadOnlyList<SeriesInfo> List()
    {
        ThrowIfDisposed();
        var found = new List<SeriesInfo>();
        foreach (var symbolDirectory in SubDirectories(SeriesLocation.BarsRoot(RootDirectory)))
        {
            foreach (var timeframeDirectory in SubDirectories(symbolDirectory))
            {
                if (Timeframes.TryParse(Path.GetFileName(timeframeDirectory), out var timeframe)
                    && string.Equals(timeframe.Value.Name(), Path.GetFileName(timeframeDirectory), StringComparison.Ordinal))
                {
                    AddInfo(found, SeriesLocation.Found(SeriesKind.Bars, Path.GetFileName(symbolDirectory), timeframe, timeframeDirectory));
                }
            }
        }

        foreach (var symbolDirectory in SubDirectories(SeriesLocation.TicksRoot(RootDirectory)))
        {
            AddInfo(found, SeriesLocation.Found(SeriesKind.Ticks, Path.GetFileName(symbolDirectory), null, symbolDirectory));
        }

        found.Sort(static (a, b) =>
        {
            var byKind = a.Kind.CompareTo(b.Kind);
            if (byKind != 0)
            {
                return byKind;
            }

            var bySymbol = string.Compare(a.Symbol, b.Symbol, StringComparison.OrdinalIgnoreCase);
            return bySymbol != 0 ? bySymbol : TimeframeOrder(a.Timeframe).CompareTo(TimeframeOrder(b.Timeframe));
        });
        return found;
    }

    /// <summary>
    /// Releases the memory maps no open series uses; those of series still open are released as each is disposed
    /// (they stay readable until then). Every other member except <see cref="RootDirectory"/> throws from now on.
    /// </summary>
    public void Dispose() => _mappings.Dispose();

    private static int TimeframeOrder(Timeframe? timeframe)
    {
        var all = Timeframes.All;
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i] == timeframe)
            {
                return i;
            }
        }

        return -1;
    }

    private MappedColumns OpenSnapshot(SeriesLocation location, ColumnSpec[] columns)
    {
        try
        {
            return _mappings.OpenSnapshot(location, columns);
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            throw IoFailure(location, "read", ex);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_mappings.IsDisposed, this);

    private static bool HasRows(SeriesLocation location)
    {
        try
        {
            return ManifestFile.Read(location) is { Count: > 0 };
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            throw IoFailure(location, "read", ex);
        }
    }

    private static void AddInfo(List<SeriesInfo> found, SeriesLocation location)
    {
        try
        {
            if (ManifestFile.Read(location) is not { } state)
            {
                return;
            }

            found.Add(new SeriesInfo(
                state.Symbol, location.Kind, location.Timeframe, state.Count, state.FirstTime, state.LastTime, SizeOnDisk(location.Directory)));
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            throw IoFailure(location, "list", ex);
        }
    }

    private static long SizeOnDisk(string directory)
    {
        // A concurrent merge may delete an old generation mid-walk: vanished folders are skipped, vanished files caught.
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        long size = 0;
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles("*", options))
        {
            try
            {
                size += file.Length;
            }
            catch (FileNotFoundException)
            {
                // Deleted since it was listed: no longer part of the series.
            }
        }

        return size;
    }

    private static IEnumerable<string> SubDirectories(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateDirectories(directory) : [];

    private static bool IsIoFailure(Exception ex) => ex is IOException or UnauthorizedAccessException;

    private static MarketDataStoreException IoFailure(SeriesLocation location, string action, Exception ex) =>
        new($"Could not {action} {location.Label} in {location.Directory}: {ex.Message}", location.Directory, ex);
}
