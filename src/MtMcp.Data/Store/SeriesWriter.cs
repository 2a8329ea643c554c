using static System.FormattableString;

namespace MtMcp.Data.Store;

/// <summary>
/// The write path shared by bars and ticks. Rows are merged group by group, a group being the rows of one time (always
/// one bar; any number of ticks): an input group replaces the stored group of its time as a whole. Rows that only
/// extend the series are appended in place; anything else is merged into a new generation folder. Either way the
/// manifest replacement is the single commit point.
/// </summary>
internal static class SeriesWriter<TRow, TLayout>
    where TRow : struct
    where TLayout : ISeriesLayout<TRow>
{
    /// <exception cref="ArgumentException">The rows are out of time order (or share a time where the layout forbids it).</exception>
    /// <exception cref="MarketDataStoreException">The series is corrupt or locked by another writer.</exception>
    /// <exception cref="ObjectDisposedException">The store (its mapping cache) is disposed.</exception>
    public static WriteResult Write(SeriesLocation location, ReadOnlySpan<TRow> rows, string paramName, TimeSpan lockTimeout, MappingCache mappings)
    {
        // Validate before touching the disk, so bad input leaves no trace at all.
        EnsureOrdered(rows, paramName);
        if (rows.IsEmpty)
        {
            return default;
        }

        using var writeLock = SeriesLock.Acquire(location, lockTimeout);
        var state = ManifestFile.Read(location);
        RemoveLeftovers(location, state?.Generation ?? 0);

        // Strictly after: input starting in the last stored time overlaps that group and must be compared with it.
        if (state is null || state.Count == 0 || TLayout.TimeOf(rows[0]) > state.LastTime)
        {
            return Append(location, state, rows, unchanged: 0, mappings);
        }

        WriteResult result;
        // Through the cache: a series readers have mapped is not mapped again, and the cache learns of the commit.
        using (var existing = mappings.Open(location, state, TLayout.Columns))
        {
            bool insertsBeforeEnd;
            (result, insertsBeforeEnd) = Compare(existing, rows);
            if (!result.Changed)
            {
                return result;
            }

            EnsureCapacity(location, state.Count - result.Removed, result.Added);
            if (result.Replaced == 0 && result.Removed == 0 && !insertsBeforeEnd)
            {
                existing.Dispose();

                // Every stored group the input holds is kept as it is (the last one may grow at its end), and the new
                // rows all follow the last stored one: they are the input's tail, a plain append.
                return Append(location, state, rows[^result.Added..], result.Unchanged, mappings);
            }

            Merge(location, state, existing, rows, mappings);
        }

        // Only now that this writer's own hold is released can Windows delete the old generation (if no reader maps
        // it; otherwise the last one to close it does).
        SeriesLocation.TryDeleteDirectory(location.GenerationDirectory(state.Generation));
        return result;
    }

    private static void EnsureOrdered(ReadOnlySpan<TRow> rows, string paramName)
    {
        for (var i = 1; i < rows.Length; i++)
        {
            var previous = TLayout.TimeOf(rows[i - 1]);
            var current = TLayout.TimeOf(rows[i]);
            if (current < previous || (current == previous && !TLayout.AllowsEqualTimes))
            {
                throw new ArgumentException(
                    TLayout.AllowsEqualTimes
                        ? Invariant($"Input must be in time order (equal times allowed): {paramName}[{i}] has time {current}, before {paramName}[{i - 1}] at {previous}. Nothing was written.")
                        : Invariant($"Input must be strictly increasing in time: {paramName}[{i}] has time {current}, not after {paramName}[{i - 1}] at {previous}. Nothing was written."),
                    paramName);
            }
        }
    }

    private static void EnsureCapacity(SeriesLocation location, int count, int added)
    {
        if (count > int.MaxValue - added)
        {
            throw new MarketDataStoreException(
                Invariant($"{location.Label} would exceed {int.MaxValue} rows."), location.Directory);
        }
    }

    private static WriteResult Append(SeriesLocation location, SeriesState? state, ReadOnlySpan<TRow> rows, int unchanged, MappingCache mappings)
    {
        var count = state?.Count ?? 0;
        EnsureCapacity(location, count, rows.Length);
        var generation = state?.Generation ?? NewGeneration(location, 0);
        var directory = location.GenerationDirectory(generation);
        Directory.CreateDirectory(directory);
        using (var writer = new ColumnWriter<TRow, TLayout>(location, directory, count))
        {
            writer.AddRange(rows);
            writer.Flush();
        }

        ManifestFile.Write(location, new SeriesState(
            state?.Symbol ?? location.Symbol,
            count + rows.Length,
            count == 0 ? TLayout.TimeOf(rows[0]) : state!.FirstTime,
            TLayout.TimeOf(rows[^1]),
            generation));
        mappings.Committed(location, generation, count + rows.Length);
        return new WriteResult(rows.Length, 0, unchanged);
    }

    /// <summary>
    /// Counts what merging <paramref name="rows"/> would do, without writing (see <see cref="WriteResult"/> for how
    /// groups are counted), and whether any added row would land before the last stored row.
    /// </summary>
    private static (WriteResult Result, bool InsertsBeforeEnd) Compare(MappedColumns existing, ReadOnlySpan<TRow> rows)
    {
        var times = existing.Span<long>(0);
        var lastTime = times[^1];
        var j = TimeIndex.LowerBound(times, TLayout.TimeOf(rows[0]));
        int added = 0, replaced = 0, unchanged = 0, removed = 0;
        var insertsBeforeEnd = false;
        for (var start = 0; start < rows.Length;)
        {
            var time = TLayout.TimeOf(rows[start]);
            var end = start + 1;
            while (end < rows.Length && TLayout.TimeOf(rows[end]) == time)
            {
                end++;
            }

            while (j < times.Length && times[j] < time)
            {
                j++;
            }

            var storedStart = j;
            while (j < times.Length && times[j] == time)
            {
                j++;
            }

            var inputSize = end - start;
            var storedSize = j - storedStart;
            var common = Math.Min(inputSize, storedSize);
            for (var k = 0; k < common; k++)
            {
                if (TLayout.SameRow(rows[start + k], TLayout.Read(existing, storedStart + k)))
                {
                    unchanged++;
                }
                else
                {
                    replaced++;
                }
            }

            added += inputSize - common;
            removed += storedSize - common;

            // Extra rows go right after their stored group (or where the new time sorts): before the last stored row
            // unless this group is the last stored time.
            insertsBeforeEnd |= inputSize > storedSize && time < lastTime;
            start = end;
        }

        return (new WriteResult(added, replaced, unchanged) { Removed = removed }, insertsBeforeEnd);
    }

    /// <summary>
    /// Writes stored rows before the input, the merged overlap (each input group in place of the stored group of its
    /// time) and stored rows after the input into a new generation and commits it. Open readers keep the old
    /// generation's files mapped.
    /// </summary>
    private static void Merge(SeriesLocation location, SeriesState state, MappedColumns existing, ReadOnlySpan<TRow> rows, MappingCache mappings)
    {
        var generation = NewGeneration(location, state.Generation);
        var directory = location.GenerationDirectory(generation);
        Directory.CreateDirectory(directory);
        int count;
        try
        {
            var times = existing.Span<long>(0);
            using var writer = new ColumnWriter<TRow, TLayout>(location, directory, 0);
            var j = TimeIndex.LowerBound(times, TLayout.TimeOf(rows[0]));
            writer.CopyFrom(existing, 0, j);
            for (var i = 0; i < rows.Length; i++)
            {
                var time = TLayout.TimeOf(rows[i]);
                for (; j < times.Length && times[j] < time; j++)
                {
                    writer.Add(TLayout.Read(existing, j));
                }

                // Drops the whole stored group at the first row of the input group; later rows of the group find j past it.
                while (j < times.Length && times[j] == time)
                {
                    j++;
                }

                writer.Add(rows[i]);
            }

            writer.CopyFrom(existing, j, times.Length - j);
            writer.Flush();
            count = writer.RowCount;
            ManifestFile.Write(location, new SeriesState(
                state.Symbol,
                count,
                Math.Min(state.FirstTime, TLayout.TimeOf(rows[0])),
                Math.Max(state.LastTime, TLayout.TimeOf(rows[^1])),
                generation));
        }
        catch
        {
            // Uncommitted: the manifest still names the old generation. Next write retries whatever stays behind.
            SeriesLocation.TryDeleteDirectory(directory);
            throw;
        }

        mappings.Committed(location, generation, count);
    }

    private static long NewGeneration(SeriesLocation location, long current)
    {
        var generation = current + 1;
        while (Directory.Exists(location.GenerationDirectory(generation)))
        {
            generation++;
        }

        return generation;
    }

    /// <summary>
    /// Removes what interrupted or earlier writes left behind: a temporary manifest and generations other than the
    /// committed one. A generation that cannot be deleted yet (Windows refuses while a reader maps it) is retried next write.
    /// </summary>
    private static void RemoveLeftovers(SeriesLocation location, long committedGeneration)
    {
        File.Delete(location.ManifestTempPath);
        foreach (var directory in Directory.EnumerateDirectories(location.Directory))
        {
            var generation = SeriesLocation.ParseGeneration(Path.GetFileName(directory));
            if (generation > 0 && generation != committedGeneration)
            {
                SeriesLocation.TryDeleteDirectory(directory);
            }
        }
    }
}
