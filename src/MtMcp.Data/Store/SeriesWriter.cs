using static System.FormattableString;

namespace MtMcp.Data.Store;

/// <summary>
/// The write path shared by bars and ticks. Rows after the last stored time are appended in place; anything
/// else is merged into a new generation folder. Either way the manifest replacement is the single commit point.
/// </summary>
internal static class SeriesWriter<TRow, TLayout>
    where TRow : struct
    where TLayout : ISeriesLayout<TRow>
{
    /// <exception cref="ArgumentException">The rows are not strictly increasing in time.</exception>
    /// <exception cref="MarketDataStoreException">The series is corrupt or locked by another writer.</exception>
    public static WriteResult Write(SeriesLocation location, ReadOnlySpan<TRow> rows, string paramName, TimeSpan lockTimeout)
    {
        // Validate before touching the disk, so bad input leaves no trace at all.
        EnsureIncreasing(rows, paramName);
        if (rows.IsEmpty)
        {
            return default;
        }

        using var writeLock = SeriesLock.Acquire(location, lockTimeout);
        var state = ManifestFile.Read(location);
        RemoveLeftovers(location, state?.Generation ?? 0);

        if (state is null || state.Count == 0 || TLayout.TimeOf(rows[0]) > state.LastTime)
        {
            return Append(location, state, rows, unchanged: 0);
        }

        WriteResult result;
        using (var existing = MappedColumns.Open(location, state, TLayout.Columns))
        {
            bool insertsBeforeEnd;
            (result, insertsBeforeEnd) = Compare(existing, rows);
            if (!result.Changed)
            {
                return result;
            }

            EnsureCapacity(location, state.Count, result.Added);
            if (result.Replaced == 0 && !insertsBeforeEnd)
            {
                existing.Dispose();

                // The overlap is identical and the new rows all follow the last stored one: a plain append.
                return Append(location, state, rows[^result.Added..], result.Unchanged);
            }

            Merge(location, state, existing, rows);
        }

        // Only now that this writer's own map is closed can Windows delete the old generation.
        TryDeleteDirectory(location.GenerationDirectory(state.Generation));
        return result;
    }

    private static void EnsureIncreasing(ReadOnlySpan<TRow> rows, string paramName)
    {
        for (var i = 1; i < rows.Length; i++)
        {
            var previous = TLayout.TimeOf(rows[i - 1]);
            var current = TLayout.TimeOf(rows[i]);
            if (current <= previous)
            {
                throw new ArgumentException(
                    Invariant($"Input must be strictly increasing in time: {paramName}[{i}] has time {current}, not after {paramName}[{i - 1}] at {previous}. Nothing was written."),
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

    private static WriteResult Append(SeriesLocation location, SeriesState? state, ReadOnlySpan<TRow> rows, int unchanged)
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
        return new WriteResult(rows.Length, 0, unchanged);
    }

    /// <summary>Counts what merging <paramref name="rows"/> would do, without writing.</summary>
    private static (WriteResult Result, bool InsertsBeforeEnd) Compare(MappedColumns existing, ReadOnlySpan<TRow> rows)
    {
        var times = existing.Span<long>(0);
        var j = TimeIndex.LowerBound(times, TLayout.TimeOf(rows[0]));
        int added = 0, replaced = 0, unchanged = 0;
        var insertsBeforeEnd = false;
        for (var i = 0; i < rows.Length; i++)
        {
            var time = TLayout.TimeOf(rows[i]);
            while (j < times.Length && times[j] < time)
            {
                j++;
            }

            if (j < times.Length && times[j] == time)
            {
                if (TLayout.SameRow(rows[i], TLayout.Read(existing, j)))
                {
                    unchanged++;
                }
                else
                {
                    replaced++;
                }

                j++;
            }
            else
            {
                added++;
                insertsBeforeEnd |= j < times.Length;
            }
        }

        return (new WriteResult(added, replaced, unchanged), insertsBeforeEnd);
    }

    /// <summary>
    /// Writes stored rows before the input, the merged overlap (new rows win) and stored rows after the input into a
    /// new generation and commits it. Open readers keep the old generation's files mapped.
    /// </summary>
    private static void Merge(SeriesLocation location, SeriesState state, MappedColumns existing, ReadOnlySpan<TRow> rows)
    {
        var generation = NewGeneration(location, state.Generation);
        var directory = location.GenerationDirectory(generation);
        Directory.CreateDirectory(directory);
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

                if (j < times.Length && times[j] == time)
                {
                    j++;
                }

                writer.Add(rows[i]);
            }

            writer.CopyFrom(existing, j, times.Length - j);
            writer.Flush();
            ManifestFile.Write(location, new SeriesState(
                state.Symbol,
                writer.RowCount,
                Math.Min(state.FirstTime, TLayout.TimeOf(rows[0])),
                Math.Max(state.LastTime, TLayout.TimeOf(rows[^1])),
                generation));
        }
        catch
        {
            // Uncommitted: the manifest still names the old generation. Next write retries whatever stays behind.
            TryDeleteDirectory(directory);
            throw;
        }
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
                TryDeleteDirectory(directory);
            }
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Still in use (Windows sharing rules) or already gone; the next write tries again.
        }
    }
}
